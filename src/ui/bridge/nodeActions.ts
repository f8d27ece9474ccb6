import type { BridgeNode } from '../../protocol/bridgeMessages.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import type { TraceEvent } from '../../sim/trace/events.ts';
import { formatMs } from '../topology/labels.ts';
import type { UnsentFault } from './bridgeClient.ts';

/**
 * What each node of a live run on real Redis offers in the Real Redis panel, read from the
 * trace received so far: the real-only faults that have no timeline entry (resume, restart
 * now, failover). The bridge acts on the run's nodes only (the scenario's), so a node the
 * run does not use offers nothing; the trace, not the welcome, says what each node is now.
 */

export type LiveNodeState = 'up' | 'paused' | 'down';

/** One run node as its real trace shows it at the newest event. */
export interface LiveNode {
  id: string;
  state: LiveNodeState;
  /** Paused: when the pause ends by itself (null: at Resume). Down: when a delayed restart is due (null: none). */
  untilMs: number | null;
  role: 'master' | 'replica';
}

export type NodeActionKind = 'resume' | 'restart' | 'failover-sentinel' | 'promote';

export interface NodeAction {
  kind: NodeActionKind;
  node: string;
  /** The button's text: "Resume". */
  text: string;
  /** Its accessible name, with the node: "Resume B". */
  label: string;
  /** What it does on real Redis, for the tooltip. */
  title: string;
  fault: UnsentFault;
  /** Why it cannot be done now (the button shows, disabled), or null. */
  disabledReason: string | null;
}

export interface NodeRow {
  id: string;
  /** The role as the trace shows it now, and as started when that differs: "master (was replica)". */
  roleText: string;
  /** "up", "paused until 1,200 ms", "down", "not in this run". */
  stateText: string;
  actions: NodeAction[];
}

/** The part of a real run the actions read: the scenario it replays and the events received. */
export interface LiveRun {
  scenario: Scenario;
  events: readonly TraceEvent[];
}

/**
 * The failover group as the bridge forms it (bridge/run/startRealRun.ts): the master of the
 * scenario's first replica, with that master's replicas; null when the scenario has no replica.
 */
export function failoverGroup(scenario: Scenario): { master: string; replicas: string[] } | null {
  const master = scenario.nodes.find((n) => n.replicaOf !== undefined)?.replicaOf;
  if (master === undefined) return null;
  return { master, replicas: scenario.nodes.filter((n) => n.replicaOf === master).map((n) => n.id) };
}

/** The group's master now: the scenario's, followed through each failover (Sentinel's or a REPLICAOF NO ONE). */
export function groupMasterNow(scenario: Scenario, events: readonly TraceEvent[]): string | null {
  let master = failoverGroup(scenario)?.master ?? null;
  for (const e of events) if (e.kind === 'failover' && e.from === master) master = e.to;
  return master;
}

/** Each run node's state and role after the events, in the scenario's order. */
export function liveNodes(scenario: Scenario, events: readonly TraceEvent[]): Map<string, LiveNode> {
  const nodes = new Map<string, LiveNode>(
    scenario.nodes.map((n) => [n.id, { id: n.id, state: 'up', untilMs: null, role: n.replicaOf === undefined ? 'master' : 'replica' }]),
  );
  const set = (id: string, change: Partial<LiveNode>) => {
    const node = nodes.get(id);
    if (node !== undefined) nodes.set(id, { ...node, ...change });
  };
  for (const e of events) {
    switch (e.kind) {
      case 'crash':
        set(e.process, { state: 'down', untilMs: null });
        break;
      case 'restart-delayed':
        set(e.process, { state: 'down', untilMs: e.untilMs });
        break;
      case 'restart':
      case 'resume':
        set(e.process, { state: 'up', untilMs: null });
        break;
      case 'pause':
        // A node that is down stays down: only a restart brings it back.
        if (nodes.get(e.process)?.state !== 'down') set(e.process, { state: 'paused', untilMs: e.untilMs < 0 ? null : e.untilMs });
        break;
      case 'role':
        set(e.node, { role: e.role });
        break;
      case 'failover':
        // Sentinel records only the promotion; the old master is reconfigured as a replica (when it is back).
        set(e.to, { role: 'master' });
        set(e.from, { role: 'replica' });
        break;
    }
  }
  return nodes;
}

function stateText(node: LiveNode): string {
  if (node.state === 'up') return 'up';
  if (node.state === 'paused') return node.untilMs === null ? 'paused (until Resume)' : `paused until ${formatMs(node.untilMs)}`;
  return node.untilMs === null ? 'down' : `down (restarts at ${formatMs(node.untilMs)})`;
}

function resume(id: string, node: LiveNode): NodeAction {
  const early = node.untilMs === null ? '' : `, before its pause ends at ${formatMs(node.untilMs)}`;
  return {
    kind: 'resume',
    node: id,
    text: 'Resume',
    label: `Resume ${id}`,
    title: `SIGCONT: node ${id} goes on now${early}, and answers what waited in its socket`,
    fault: { type: 'resume-node', node: id },
    disabledReason: null,
  };
}

function restart(id: string, node: LiveNode): NodeAction {
  const delayed =
    node.untilMs === null ? '' : `; its restart delay keeps it down until ${formatMs(node.untilMs)}, then it restarts by itself`;
  return {
    kind: 'restart',
    node: id,
    text: 'Restart',
    label: `Restart ${id}`,
    title: `Start node ${id} again with its data directory: what it had depends on its persistence${delayed}`,
    fault: { type: 'restart-node', node: id },
    disabledReason: null,
  };
}

function sentinelFailover(id: string, replicasUp: readonly string[]): NodeAction {
  return {
    kind: 'failover-sentinel',
    node: id,
    text: 'Fail over (Sentinel)',
    label: `Fail over ${id} (Sentinel)`,
    title: `SENTINEL FAILOVER: Sentinel promotes a replica of ${id} without waiting for ${id} to fail; clients that ask Sentinel then find the new master`,
    fault: { type: 'failover', method: 'sentinel' },
    disabledReason: replicasUp.length === 0 ? `No replica of ${id} is up to take over.` : null,
  };
}

function promote(id: string): NodeAction {
  return {
    kind: 'promote',
    node: id,
    text: 'Promote (REPLICAOF NO ONE)',
    label: `Promote ${id} (REPLICAOF NO ONE)`,
    title: `REPLICAOF NO ONE on ${id}: it becomes a master and the run's other nodes replicate from it; nobody asks Sentinel`,
    fault: { type: 'failover', method: 'replicaof', promote: id },
    disabledReason: null,
  };
}

/** The actions a run node offers now: Resume when paused, Restart when down, a failover on the group's master and replicas. */
function actionsOf(node: LiveNode, ctx: { master: string | null; sentinel: boolean; replicasUp: string[] }): NodeAction[] {
  const actions: NodeAction[] = [];
  if (node.state === 'paused') actions.push(resume(node.id, node));
  if (node.state === 'down') actions.push(restart(node.id, node));
  // Sentinel can fail over a master that is down or paused: that is what it is for.
  if (node.id === ctx.master && ctx.sentinel) actions.push(sentinelFailover(node.id, ctx.replicasUp));
  // REPLICAOF NO ONE needs the replica to answer: a stopped one cannot, a paused one would hang the request.
  if (node.role === 'replica' && node.state === 'up') actions.push(promote(node.id));
  return actions;
}

/**
 * The panel's rows during a live run: each bridge node with its role and state now and the
 * actions that make sense for it. Sentinel failover needs the scenario's Sentinel and one
 * among the bridge's processes (the bridge refuses it otherwise).
 */
export function nodeRows(nodes: readonly BridgeNode[], run: LiveRun): NodeRow[] {
  const live = liveNodes(run.scenario, run.events);
  const master = groupMasterNow(run.scenario, run.events);
  const sentinel = run.scenario.sentinel !== null && master !== null && nodes.some((n) => n.role === 'sentinel');
  const replicasUp = [...live.values()].filter((n) => n.role === 'replica' && n.state === 'up' && n.id !== master).map((n) => n.id);
  return nodes.map((n): NodeRow => {
    const node = live.get(n.id);
    if (node === undefined) {
      const watching = n.role === 'sentinel' && sentinel;
      return { id: n.id, roleText: n.role, stateText: watching ? `watching ${master}` : 'not in this run', actions: [] };
    }
    return {
      id: n.id,
      roleText: node.role === n.role ? node.role : `${node.role} (was ${n.role})`,
      stateText: stateText(node),
      actions: actionsOf(node, { master, sentinel, replicasUp }),
    };
  });
}
