import type { ProcessId, TimelineEntry } from '../model/scenario.ts';
import type { Proc } from '../process/proc.ts';
import type { RedisNode } from '../redis/node.ts';
import type { Sentinel } from '../sentinel/sentinel.ts';
import type { World } from './world.ts';

export interface FaultTargets {
  world: World;
  nodes: ReadonlyMap<ProcessId, RedisNode>;
  sentinel: Sentinel | null;
}

/** Applies one timeline entry at the current true time. */
export function applyFault(entry: TimelineEntry, ctx: FaultTargets): void {
  const { world } = ctx;
  const t = world.nowMs;
  switch (entry.kind) {
    case 'crash-node':
      return crashNode(ctx, ctx.nodes.get(entry.node), entry.clean, entry.restartAfterMs);
    case 'kill-master':
      return crashNode(ctx, currentMaster(ctx), false, entry.restartAfterMs);
    case 'restart-node':
      return restartNode(ctx, ctx.nodes.get(entry.node));
    case 'pause-node':
    case 'pause-client': {
      const proc = world.procs.get(entry.kind === 'pause-node' ? entry.node : entry.client);
      if (proc !== undefined) world.pause(proc, t + entry.durationMs);
      return;
    }
    case 'crash-client': {
      const proc = world.procs.get(entry.client);
      if (proc !== undefined) world.crash(proc, false);
      return;
    }
    case 'clock-jump': {
      const proc = world.procs.get(entry.process) as Proc;
      proc.clock.jump(t, entry.deltaMs);
      world.emit({ t, kind: 'clock-jump', process: proc.id, deltaMs: entry.deltaMs, wallMs: proc.clock.wallMs(t) });
      proc.onClockChange();
      return;
    }
    case 'clock-rate': {
      const proc = world.procs.get(entry.process) as Proc;
      proc.clock.setRate(t, entry.rate);
      world.emit({ t, kind: 'clock-rate', process: proc.id, rate: entry.rate, wallMs: proc.clock.wallMs(t) });
      proc.onClockChange();
      return;
    }
    case 'partition': {
      world.partitions.add(entry.id, entry.groups);
      world.emit({ t, kind: 'partition', id: entry.id, groups: entry.groups.map((g) => [...g]) });
      if (entry.durationMs !== null) world.at(t + entry.durationMs, () => heal(world, entry.id));
      return;
    }
    case 'heal':
      return heal(world, entry.id);
    case 'link-delay':
    case 'link-drop': {
      const untilMs = entry.durationMs === null ? Number.MAX_SAFE_INTEGER : t + entry.durationMs;
      const extraMs = entry.kind === 'link-delay' ? entry.extraMs : 0;
      const dropRate = entry.kind === 'link-drop' ? entry.rate : 0;
      world.links.addFault({ from: entry.from, to: entry.to, extraMs, dropRate, fromMs: t, untilMs });
      world.emit({ t, kind: 'link-fault', from: entry.from, to: entry.to, extraMs, dropRate, untilMs });
      return;
    }
  }
}

function heal(world: World, id: string | null): void {
  for (const healed of world.partitions.heal(id)) world.emit({ t: world.nowMs, kind: 'heal', id: healed });
  world.flushParked();
}

/** The master "kill the master" hits: Sentinel's current master, else the first node that is a master. */
function currentMaster(ctx: FaultTargets): RedisNode | undefined {
  const fromSentinel = ctx.sentinel?.primaryMaster();
  if (fromSentinel !== null && fromSentinel !== undefined) return ctx.nodes.get(fromSentinel);
  for (const node of ctx.nodes.values()) if (node.isMaster && node.up) return node;
  return undefined;
}

function crashNode(ctx: FaultTargets, node: RedisNode | undefined, clean: boolean, restartAfterMs: number | null): void {
  if (node === undefined || !node.up) return;
  const { world } = ctx;
  world.crash(node, clean);
  node.restartNotBeforeMs = world.nowMs + node.spec.restartDelayMs;
  // The replicas' TCP links to a dead master break at once; they retry every second.
  for (const other of ctx.nodes.values()) if (other.repl.masterId === node.id) other.repl.masterLinkDown();
  if (restartAfterMs !== null) world.at(world.nowMs + restartAfterMs, () => restartNode(ctx, node));
}

function restartNode(ctx: FaultTargets, node: RedisNode | undefined): void {
  if (node === undefined || node.up) return;
  const { world } = ctx;
  if (world.nowMs < node.restartNotBeforeMs) {
    // Delayed restart (R17): the node stays down until restartDelayMs has passed since the crash.
    const untilMs = node.restartNotBeforeMs;
    world.emit({ t: world.nowMs, kind: 'restart-delayed', process: node.id, untilMs });
    world.at(untilMs, () => restartNode(ctx, node));
    return;
  }
  node.up = true;
  node.restart();
}
