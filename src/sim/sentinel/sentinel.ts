import { Clock } from '../clock/clock.ts';
import { type ProcessId, SENTINEL_ID, type SentinelSpec } from '../model/scenario.ts';
import type { Host } from '../process/host.ts';
import type { Message } from '../process/message.ts';
import { Proc } from '../process/proc.ts';
import type { RedisNode } from '../redis/node.ts';

/** One monitored replication group: named after its initial master, as `sentinel monitor NAME`. */
interface Group {
  name: ProcessId;
  master: ProcessId;
  members: ProcessId[];
  lastOkMs: number;
  failingOver: boolean;
  reportedDown: boolean;
  /** Old masters to turn into replicas once they are reachable again (R8). */
  pendingDemotion: Set<ProcessId>;
}

/**
 * Sentinel, as one logical observer (the quorum of real sentinels is abstracted away).
 * Every pingPeriodMs it checks each group's master; when the master has been unreachable
 * (crashed, paused, or partitioned from the sentinel) for downAfterMs it promotes the
 * replica with the most replicated data, repoints the other replicas, and later turns
 * the old master into a replica, which then discards its dataset ("last failover wins").
 */
export class Sentinel extends Proc {
  private readonly groups: Group[] = [];

  constructor(
    readonly spec: SentinelSpec,
    private readonly host: Host,
    private readonly nodes: ReadonlyMap<ProcessId, RedisNode>,
  ) {
    super(SENTINEL_ID, new Clock({ offsetMs: 0, rate: 1 }));
    for (const node of nodes.values()) {
      if (node.spec.replicaOf !== undefined) continue;
      const members = [...nodes.values()].filter((n) => n.spec.replicaOf === node.id).map((n) => n.id);
      if (members.length === 0) continue;
      this.groups.push({
        name: node.id,
        master: node.id,
        members: [node.id, ...members],
        lastOkMs: 0,
        failingOver: false,
        reportedDown: false,
        pendingDemotion: new Set(),
      });
    }
  }

  start(): void {
    if (this.groups.length > 0) this.host.setTimer(this, this.spec.pingPeriodMs, () => this.tick());
  }

  /** The current master of a group, as `SENTINEL get-master-addr-by-name` answers. */
  masterOf(group: ProcessId): ProcessId | null {
    return this.groups.find((g) => g.name === group)?.master ?? null;
  }

  /** The master that "kill the master" should hit: the first group's current master. */
  primaryMaster(): ProcessId | null {
    return this.groups[0]?.master ?? null;
  }

  onMessage(msg: Message): void {
    if (msg.body.type !== 'sentinel') return;
    const answer = this.masterOf(msg.body.group);
    this.host.send(this.id, msg.from, { ...msg.body, answer }, `master ${answer ?? 'unknown'}`);
  }

  onCrash(): void {}

  private reachable(id: ProcessId): boolean {
    const node = this.nodes.get(id);
    return node?.up === true && !node.paused && this.host.canReach(this.id, id);
  }

  private tick(): void {
    for (const group of this.groups) this.checkGroup(group);
    this.host.setTimer(this, this.spec.pingPeriodMs, () => this.tick());
  }

  private checkGroup(group: Group): void {
    const now = this.host.nowMs;
    for (const old of [...group.pendingDemotion]) {
      const node = this.nodes.get(old);
      if (node !== undefined && this.reachable(old) && old !== group.master) {
        group.pendingDemotion.delete(old);
        if (node.isMaster || node.repl.masterId !== group.master) node.demoteTo(group.master);
      }
    }
    if (this.reachable(group.master)) {
      group.lastOkMs = now;
      group.reportedDown = false;
      return;
    }
    if (group.failingOver || now - group.lastOkMs < this.spec.downAfterMs) return;
    if (!group.reportedDown) {
      group.reportedDown = true;
      this.host.emit({ t: now, kind: 'sentinel-down', node: group.master, downSinceMs: group.lastOkMs });
    }
    const candidate = this.chooseReplica(group);
    if (candidate === null) return;
    group.failingOver = true;
    this.host.setTimer(this, this.spec.promotionMs, () => this.promote(group, candidate));
  }

  /** Highest replication offset wins; ties go to the first in configuration order. */
  private chooseReplica(group: Group): RedisNode | null {
    let best: RedisNode | null = null;
    for (const id of group.members) {
      const node = this.nodes.get(id);
      if (node === undefined || id === group.master || node.isMaster || !this.reachable(id)) continue;
      if (best === null || node.repl.offset > best.repl.offset) best = node;
    }
    return best;
  }

  private promote(group: Group, chosen: RedisNode): void {
    group.failingOver = false;
    if (!this.reachable(chosen.id) || this.reachable(group.master)) {
      this.host.emit({ t: this.host.nowMs, kind: 'failover-failed', from: group.master, reason: 'candidate lost or master back' });
      return;
    }
    const old = group.master;
    chosen.promote();
    this.host.emit({ t: this.host.nowMs, kind: 'failover', from: old, to: chosen.id });
    group.master = chosen.id;
    group.lastOkMs = this.host.nowMs;
    group.reportedDown = false;
    group.pendingDemotion.add(old);
    for (const id of group.members) {
      const node = this.nodes.get(id);
      if (node === undefined || id === chosen.id || id === old) continue;
      if (this.reachable(id)) node.demoteTo(chosen.id);
      else group.pendingDemotion.add(id);
    }
  }
}
