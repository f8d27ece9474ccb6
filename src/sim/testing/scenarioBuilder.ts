import { formatIssues } from '../../scenario/issues.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { ScenarioInputV1 } from '../../scenario/schema.ts';
import { type RunResult, run } from '../engine/run.ts';
import type { ClockSpec, ProcessId, Scenario, ScriptStep } from '../model/scenario.ts';
import { formatReply } from '../redis/reply.ts';
import type { TraceEvent } from '../trace/events.ts';

/**
 * Test helper: small scenarios of scripted clients, validated through parseScenario (so a
 * test never feeds the engine a shape the UI could not produce), plus trace queries.
 * Defaults chosen for readable arithmetic: client latency fixed 1 ms each way,
 * replication lag fixed 5 ms, no sentinel, 20 s run.
 */

type Input = ScenarioInputV1;
type NodeInput = Input['nodes'][number];
type TimelineInput = NonNullable<Input['timeline']>[number];

export interface ScenarioParts {
  nodes: NodeInput[];
  clients: Input['clients'];
  timeline?: TimelineInput[];
  durationMs?: number;
  sentinel?: Input['sentinel'];
  /** One-way client latency (fixed), default 1. */
  latencyMs?: number;
  /** One-way replication lag (fixed), default 5. */
  replicationLagMs?: number;
  seed?: number;
}

/** A validated Scenario; throws with the validation issues if the parts are invalid. */
export function buildScenario(parts: ScenarioParts): Scenario {
  const input: Input = {
    version: 1,
    name: 'test',
    seed: parts.seed ?? 1,
    durationMs: parts.durationMs ?? 20_000,
    nodes: parts.nodes,
    sentinel: parts.sentinel ?? null,
    network: {
      latencyMs: { kind: 'fixed', ms: parts.latencyMs ?? 1 },
      replicationLagMs: { kind: 'fixed', ms: parts.replicationLagMs ?? 5 },
    },
    clients: parts.clients,
    timeline: parts.timeline ?? [],
  };
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`invalid test scenario:\n${formatIssues(parsed.issues)}`);
  return parsed.value;
}

/** Builds and runs a scenario. */
export function runParts(parts: ScenarioParts): RunResult {
  return run(buildScenario(parts));
}

/** A scripted client. */
export function scriptClient(id: ProcessId, steps: ScriptStep[], clock?: Partial<ClockSpec>): Input['clients'][number] {
  return clock === undefined ? { id, strategy: { kind: 'script', steps } } : { id, clock, strategy: { kind: 'script', steps } };
}

/** One scripted command: step(100, 'A', 'SET', 'k', 'v'). */
export function step(atMs: number, node: ProcessId, ...argv: string[]): ScriptStep {
  return { atMs, node, argv };
}

type Of<K extends TraceEvent['kind']> = Extract<TraceEvent, { kind: K }>;

export function eventsOf<K extends TraceEvent['kind']>(trace: readonly TraceEvent[], kind: K): Array<Of<K>> {
  return trace.filter((e): e is Of<K> => e.kind === kind);
}

/** What the client received, in order, as redis-cli prints it: "t=4 SET -> OK". */
export interface SeenReply {
  t: number;
  node: ProcessId;
  cmd: string;
  reply: string;
}

/** The replies a client received, in arrival order, formatted as redis-cli prints them. */
export function repliesTo(trace: readonly TraceEvent[], client: ProcessId): SeenReply[] {
  return eventsOf(trace, 'reply')
    .filter((e) => e.client === client)
    .map((e) => ({ t: e.t, node: e.node, cmd: e.argv.join(' '), reply: formatReply(e.reply) }));
}

/** Just the formatted replies a client received, in arrival order. */
export function replyTexts(trace: readonly TraceEvent[], client: ProcessId): string[] {
  return repliesTo(trace, client).map((r) => r.reply);
}

/** Commands executed on a node: true time, node wall clock, command, formatted reply. */
export function commandsOn(
  trace: readonly TraceEvent[],
  node: ProcessId,
): Array<{ t: number; nodeMs: number; cmd: string; reply: string }> {
  return eventsOf(trace, 'command')
    .filter((e) => e.node === node)
    .map((e) => ({ t: e.t, nodeMs: e.nodeMs, cmd: e.argv.join(' '), reply: formatReply(e.reply) }));
}

/** Key life events (set/expire/del) on one node, compactly: "t=2 set k=v@10002 command". */
export function keyEvents(trace: readonly TraceEvent[], node: ProcessId, key?: string): string[] {
  const out: string[] = [];
  for (const e of trace) {
    if ((e.kind !== 'key-set' && e.kind !== 'key-del' && e.kind !== 'key-expire') || e.node !== node) continue;
    if (key !== undefined && e.key !== key) continue;
    if (e.kind === 'key-set') out.push(`t=${e.t} set ${e.key}=${e.value}@${e.expireAtMs} ${e.via}`);
    else if (e.kind === 'key-expire') out.push(`t=${e.t} expire ${e.key}@${e.expireAtMs} ${e.via}`);
    else out.push(`t=${e.t} del ${e.key} ${e.cause} ${e.via}`);
  }
  return out;
}

/** The keys a node holds at the end of the run, as "key=value". */
export function finalKeys(result: RunResult, node: ProcessId): string[] {
  const summary = result.nodes.find((n) => n.id === node);
  if (summary === undefined) throw new Error(`no node ${node}`);
  return summary.keys.map((k) => `${k.key}=${k.value}`);
}
