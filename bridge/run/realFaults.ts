/**
 * Faults on real processes and links, from a fault message (a click in the playground) or a
 * timeline entry of the scenario being replayed. Each records what it did in the trace with the
 * engine's event kinds, so the timeline and the checker read a real run as they read a
 * simulated one.
 */
import type { FaultMessage } from '../../src/protocol/faultMessages.ts';
import { rawCommand } from '../redis/rawCommand.ts';
import type { RedisServer } from '../redis/startRedis.ts';
import type { RunContext } from './runContext.ts';
import { RunError } from './runTypes.ts';

export async function applyFault(ctx: RunContext, fault: FaultMessage): Promise<void> {
  switch (fault.type) {
    case 'kill-node':
      return killNode(ctx, fault.node, fault.clean, fault.restartAfterMs);
    case 'restart-node':
      return restartNode(ctx, fault.node);
    case 'pause-node':
      return pauseNode(ctx, fault.node, fault.durationMs);
    case 'resume-node':
      return resumeNode(ctx, fault.node);
    case 'failover':
      return failover(ctx, fault.method, fault.promote);
    case 'pause-client':
      return client(ctx, fault.client).pause(ctx.trace.nowMs, fault.durationMs);
    case 'link-delay':
      return linkFault(ctx, fault.id, fault.from, fault.to, { extraDelayMs: fault.extraMs, dropRate: 0, blocked: false }, fault.durationMs);
    case 'link-drop':
      return linkFault(ctx, fault.id, fault.from, fault.to, { extraDelayMs: 0, dropRate: fault.rate, blocked: false }, fault.durationMs);
    case 'partition':
      return partition(ctx, fault.partition, fault.groups, fault.durationMs);
    case 'heal':
      return heal(ctx, fault.partition);
    case 'clock-jump':
      return clockJump(ctx, fault.process, fault.deltaMs);
  }
}

function client(ctx: RunContext, id: string) {
  const c = ctx.clients.get(id);
  if (c === undefined) throw new RunError('conflict', `no client ${id} in this run (clients: ${[...ctx.clients.keys()].join(', ')})`);
  return c;
}

function server(ctx: RunContext, node: string): RedisServer {
  if (!ctx.nodeIds.includes(node)) throw new RunError('conflict', `no node ${node} in this run (nodes: ${ctx.nodeIds.join(', ')})`);
  try {
    return ctx.fleet.redis(node);
  } catch (e) {
    throw new RunError('unsupported', (e as Error).message);
  }
}

async function killNode(ctx: RunContext, node: string, clean: boolean, restartAfterMs: number | null): Promise<void> {
  const s = server(ctx, node);
  if (s.state === 'stopped') throw new RunError('conflict', `node ${node} is already down`);
  const lost = ctx.keys.keys(node);
  try {
    if (clean) await s.stop();
    else await s.kill();
  } catch (e) {
    throw new RunError('failed', `could not kill node ${node}: ${(e as Error).message}`);
  }
  // Memory is gone; what the AOF kept comes back at the restart (read from the node then).
  for (const key of lost) ctx.trace.emit({ kind: 'key-del', node, key, cause: 'lost', via: 'crash' });
  ctx.trace.emit({ kind: 'crash', process: node, clean, keysLost: lost.length });
  const delayMs = ctx.scenario.nodes.find((n) => n.id === node)?.restartDelayMs ?? 0;
  ctx.restartNotBeforeMs.set(node, ctx.trace.nowMs + delayMs);
  if (restartAfterMs !== null) {
    ctx.clock.in(restartAfterMs, () => {
      restartNode(ctx, node).catch((e) =>
        ctx.trace.emit({ kind: 'failover-failed', from: node, reason: `restart failed: ${(e as Error).message}` }),
      );
    });
  }
}

async function restartNode(ctx: RunContext, node: string): Promise<void> {
  const s = server(ctx, node);
  if (s.state !== 'stopped') throw new RunError('conflict', `node ${node} is running; kill it first`);
  const untilMs = ctx.restartNotBeforeMs.get(node) ?? 0;
  if (ctx.trace.nowMs < untilMs) {
    // Delayed restart (R17), as the simulator does it: the node stays down until restartDelayMs
    // has passed since its crash, and then comes back by itself.
    ctx.trace.emit({ kind: 'restart-delayed', process: node, untilMs });
    ctx.clock.at(untilMs, () => {
      if (s.state !== 'stopped') return;
      restartNode(ctx, node).catch((e) =>
        ctx.trace.emit({ kind: 'failover-failed', from: node, reason: `restart failed: ${(e as Error).message}` }),
      );
    });
    return;
  }
  try {
    await s.restart();
  } catch (e) {
    throw new RunError('failed', `node ${node} did not restart: ${(e as Error).message}`);
  }
  const dbsize = Number(await rawCommand(s.port, ['DBSIZE']).catch(() => 0));
  ctx.trace.emit({ kind: 'restart', process: node, keysLoaded: dbsize, persistence: s.persistence });
  const key = ctx.scenario.lock.key;
  const [value, pttl] = await Promise.all([rawCommand(s.port, ['GET', key]), rawCommand(s.port, ['PTTL', key])]).catch(() => [null, -2]);
  if (typeof value === 'string') {
    const ttlWallMs = Number(pttl);
    const t = ctx.trace.nowMs;
    const expireAtMs = ttlWallMs >= 0 ? t + Math.round(ttlWallMs * ctx.clock.speed) : -1;
    ctx.trace.emit({ kind: 'key-set', node, key, value, expireAtMs, via: 'load' });
  }
}

async function pauseNode(ctx: RunContext, node: string, durationMs: number | null): Promise<void> {
  const s = server(ctx, node);
  if (s.state !== 'running') throw new RunError('conflict', `node ${node} is ${s.state}, not running`);
  await s.pause();
  const untilMs = durationMs === null ? -1 : ctx.trace.nowMs + durationMs;
  ctx.trace.emit({ kind: 'pause', process: node, untilMs });
  const undo = async () => {
    if (s.state === 'paused') await s.resume();
  };
  ctx.cleanups.add(undo);
  if (durationMs !== null) ctx.clock.in(durationMs, () => void resumeNode(ctx, node).catch(() => {}));
}

async function resumeNode(ctx: RunContext, node: string): Promise<void> {
  const s = server(ctx, node);
  if (s.state !== 'paused') throw new RunError('conflict', `node ${node} is not paused`);
  await s.resume();
  ctx.trace.emit({ kind: 'resume', process: node, queued: 0 });
}

async function failover(ctx: RunContext, method: 'sentinel' | 'replicaof', promote: string | null): Promise<void> {
  if (method === 'sentinel') {
    if (ctx.sentinel === null) throw new RunError('unsupported', 'this run has no Sentinel group to fail over');
    const port = ctx.fleet.node(ctx.sentinel.id).port;
    const reply = await rawCommand(port, ['SENTINEL', 'FAILOVER', ctx.sentinel.masterName]).catch((e: Error) => e);
    if (reply instanceof Error || (typeof reply === 'object' && reply !== null && 'message' in reply)) {
      throw new RunError('failed', `Sentinel refused the failover: ${(reply as { message: string }).message}`);
    }
    return; // the sentinel watch records the switch when Sentinel makes it
  }
  if (promote === null) throw new RunError('invalid', 'replicaof failover needs the replica to promote');
  const target = server(ctx, promote);
  await rawCommand(target.port, ['REPLICAOF', 'NO', 'ONE']);
  ctx.trace.emit({ kind: 'role', node: promote, role: 'master', master: null });
  const old = ctx.master();
  for (const id of ctx.nodeIds) {
    if (id === promote) continue;
    const s = ctx.fleet.redis(id);
    if (s.state !== 'running') continue;
    await rawCommand(s.port, ['REPLICAOF', '127.0.0.1', String(target.port)]).catch(() => null);
    ctx.trace.emit({ kind: 'role', node: id, role: 'replica', master: promote });
  }
  if (old !== null) ctx.trace.emit({ kind: 'failover', from: old, to: promote });
}

async function linkFault(
  ctx: RunContext,
  name: string,
  from: string,
  to: string,
  fault: { extraDelayMs: number; dropRate: number; blocked: boolean },
  durationMs: number | null,
): Promise<void> {
  const faultName = `link:${name}`;
  try {
    ctx.mesh.setFault(faultName, from, to, fault);
  } catch {
    throw new RunError('unsupported', `${from}→${to}: the bridge's proxies sit only between a client and a node`);
  }
  const untilMs = durationMs === null ? -1 : ctx.trace.nowMs + durationMs;
  ctx.trace.emit({ kind: 'link-fault', from, to, extraMs: fault.extraDelayMs, dropRate: fault.dropRate, untilMs });
  if (durationMs !== null) {
    ctx.clock.in(durationMs, () => {
      ctx.mesh.setFault(faultName, from, to, null);
      ctx.trace.emit({ kind: 'link-fault', from, to, extraMs: 0, dropRate: 0, untilMs: -1 });
    });
  }
}

const partitions = new WeakMap<RunContext, Map<string, [string, string][]>>();

async function partition(ctx: RunContext, id: string, groups: string[][], durationMs: number | null): Promise<void> {
  const cut = ctx.mesh.linksBetween(groups);
  const active = partitions.get(ctx) ?? new Map<string, [string, string][]>();
  partitions.set(ctx, active);
  if (active.has(id)) throw new RunError('conflict', `partition ${id} is already in place; heal it first`);
  for (const [c, n] of cut) {
    ctx.mesh.setFault(`partition:${id}`, c, n, { extraDelayMs: 0, dropRate: 0, blocked: true });
    ctx.mesh.setFault(`partition:${id}`, n, c, { extraDelayMs: 0, dropRate: 0, blocked: true });
  }
  active.set(id, cut);
  ctx.trace.emit({ kind: 'partition', id, groups });
  if (durationMs !== null) ctx.clock.in(durationMs, () => void heal(ctx, id).catch(() => {}));
}

async function heal(ctx: RunContext, id: string | null): Promise<void> {
  const active = partitions.get(ctx) ?? new Map<string, [string, string][]>();
  const ids = id === null ? [...active.keys()] : [id];
  if (id !== null && !active.has(id)) throw new RunError('conflict', `no partition ${id} to heal`);
  for (const pid of ids) {
    for (const [c, n] of active.get(pid) ?? []) {
      ctx.mesh.setFault(`partition:${pid}`, c, n, null);
      ctx.mesh.setFault(`partition:${pid}`, n, c, null);
    }
    active.delete(pid);
    ctx.trace.emit({ kind: 'heal', id: pid });
  }
}

async function clockJump(ctx: RunContext, process: string, deltaMs: number): Promise<void> {
  const c = ctx.clients.get(process);
  if (c !== undefined) {
    const wallMs = c.jumpClock(deltaMs);
    ctx.trace.emit({ kind: 'clock-jump', process, deltaMs, wallMs });
    return;
  }
  const s = server(ctx, process);
  const jump = (s as unknown as { jumpClock?: (d: number) => Promise<void> | void }).jumpClock;
  if (typeof jump !== 'function')
    throw new RunError(
      'unsupported',
      `a clock jump on node ${process} needs libfaketime under redis-server, which this bridge does not have`,
    );
  // The node's clock moves by deltaMs of scenario time: deltaMs / speed of real time.
  await jump.call(s, deltaMs / ctx.clock.speed);
  ctx.trace.emit({ kind: 'clock-jump', process, deltaMs, wallMs: ctx.trace.nowMs + deltaMs });
}
