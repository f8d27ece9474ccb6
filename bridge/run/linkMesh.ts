/**
 * The run's network between its lock clients and the real nodes: one TCP proxy per (client,
 * node) link with the scenario's latency, and one tagged connection through it. Network faults
 * are settings on these proxies: extra delay, a drop rate, or blocked (a partition), per
 * direction. Links that several faults touch take the strongest of each (the longest delay,
 * the highest drop rate, blocked if any partition cuts them), and each fault's end removes only
 * its own part.
 */
import { LinkProxy } from '../net/linkProxy.ts';
import { RedisLink } from '../net/redisLink.ts';
import type { Reply } from '../../src/sim/redis/reply.ts';
import type { LatencySpec } from '../../src/sim/model/scenario.ts';
import type { RunClock } from './runClock.ts';
import type { RunPrng } from './runPrng.ts';
import { sampleLatencyMs } from './sampleLatency.ts';
import { realArgv } from './realArgv.ts';

export interface MeshNode {
  id: string;
  host: string;
  port: number;
}

interface LinkFault {
  extraDelayMs: number;
  dropRate: number;
  blocked: boolean;
}

interface Link {
  proxy: LinkProxy;
  redis: RedisLink;
  /** Faults per direction, by the fault's name. */
  toServer: Map<string, LinkFault>;
  toClient: Map<string, LinkFault>;
}

export interface MeshOptions {
  clients: readonly string[];
  nodes: readonly MeshNode[];
  latency: LatencySpec;
  /** Drop rate on every link (the scenario's network.dropRate). */
  dropRate: number;
  clock: RunClock;
  prng: RunPrng;
}

const key = (client: string, node: string) => `${client}\u0000${node}`;

export class LinkMesh {
  private readonly links = new Map<string, Link>();

  private constructor(private readonly opts: MeshOptions) {}

  static async open(opts: MeshOptions): Promise<LinkMesh> {
    const mesh = new LinkMesh(opts);
    try {
      for (const client of opts.clients) for (const node of opts.nodes) await mesh.openLink(client, node);
    } catch (e) {
      await mesh.close();
      throw e;
    }
    return mesh;
  }

  has(client: string, node: string): boolean {
    return this.links.has(key(client, node));
  }

  /** A scenario-time command over the client's link to node; rejects when the request or its reply is lost. */
  async request(client: string, node: string, argv: readonly string[]): Promise<Reply> {
    const link = this.links.get(key(client, node));
    if (link === undefined) throw new Error(`no link ${client}→${node}`);
    return link.redis.requestReply(realArgv(argv, this.opts.clock.speed));
  }

  /** Sets (or with null, removes) the fault `name` on the link from→to, one of which is a client and the other a node. */
  setFault(name: string, from: string, to: string, fault: LinkFault | null): void {
    const clientSide = this.links.has(key(from, to));
    const link = this.links.get(clientSide ? key(from, to) : key(to, from));
    if (link === undefined) throw new Error(`no link between ${from} and ${to}`);
    const faults = clientSide ? link.toServer : link.toClient;
    if (fault === null) faults.delete(name);
    else faults.set(name, fault);
    this.apply(link, clientSide ? 'toServer' : 'toClient');
  }

  /** Static per-link extra delay and drop rate from the scenario's network.links. */
  setBaseline(from: string, to: string, extraDelayMs: number, dropRate: number): void {
    this.setFault('scenario', from, to, { extraDelayMs, dropRate, blocked: false });
  }

  /** Every client↔node link between different groups, both directions. */
  linksBetween(groups: readonly (readonly string[])[]): [string, string][] {
    const out: [string, string][] = [];
    const groupOf = new Map<string, number>();
    groups.forEach((g, i) => {
      for (const id of g) groupOf.set(id, i);
    });
    for (const client of this.opts.clients) {
      for (const node of this.opts.nodes) {
        const a = groupOf.get(client);
        const b = groupOf.get(node.id);
        if (a !== undefined && b !== undefined && a !== b) out.push([client, node.id]);
      }
    }
    return out;
  }

  async close(): Promise<void> {
    const links = [...this.links.values()];
    this.links.clear();
    for (const link of links) link.redis.close();
    await Promise.allSettled(links.map((l) => l.proxy.close()));
  }

  private async openLink(client: string, node: MeshNode): Promise<void> {
    const { clock, prng, latency } = this.opts;
    const proxy = new LinkProxy({
      target: { host: node.host, port: node.port },
      mode: 'resp-pairs',
      baseDelayMs: () => clock.wallMs(sampleLatencyMs(latency, prng)),
      random: () => prng.next(),
    });
    const port = await proxy.start();
    const redis = new RedisLink({ host: '127.0.0.1', port, label: `${client} -> ${node.id}` });
    const link: Link = { proxy, redis, toServer: new Map(), toClient: new Map() };
    this.links.set(key(client, node.id), link);
    this.apply(link, 'toServer');
    this.apply(link, 'toClient');
  }

  private apply(link: Link, direction: 'toServer' | 'toClient'): void {
    const faults = [...(direction === 'toServer' ? link.toServer : link.toClient).values()];
    const extraDelayMs = Math.max(0, ...faults.map((f) => f.extraDelayMs));
    const dropRate = Math.max(this.opts.dropRate, ...faults.map((f) => f.dropRate));
    link.proxy.set(direction, {
      extraDelayMs: this.opts.clock.wallMs(extraDelayMs),
      dropRate,
      blocked: faults.some((f) => f.blocked),
    });
  }
}
