import { baseScenario } from '../src/search/baseScenario.ts';
import { searchChunk } from '../src/search/search.ts';
import { shrink } from '../src/search/shrink.ts';
import { DEFAULT_SEARCH_SPEC, parseSearchSpec, type SearchSpec, type SearchSpecInput } from '../src/search/spec.ts';

/**
 * `npm run bench`, the counterexample search: runs per second on one core (this process is
 * single-threaded; the panel runs one such loop per worker), and how long shrinking takes.
 * Figures go in the README; nothing here asserts a target (benchmarks are not tests).
 */
const TARGET_RUNS_PER_SECOND = 1_000;
const TARGET_SHRINK_MS = 5_000;
/** The default spec: runs 0 … 299 warm the JIT; runs 300 … 2,299 are timed, best of 3. */
const DEFAULT_PLAN: Plan = { warmupRuns: 300, measuredRuns: 2_000, repetitions: 3 };
/** The spread over fault kinds: shorter, timed once each (the default spec's figure is the one that counts). */
const VARIANT_PLAN: Plan = { warmupRuns: 100, measuredRuns: 1_000, repetitions: 1 };
const SHRINK_REPETITIONS = 3;

function specOf(input: SearchSpecInput): SearchSpec {
  const parsed = parseSearchSpec(input);
  if (!parsed.ok) throw new Error(`bench search spec invalid: ${parsed.error}`);
  return parsed.spec;
}

interface Plan {
  warmupRuns: number;
  measuredRuns: number;
  repetitions: number;
}

interface Throughput {
  runsPerSecond: number;
  findings: number;
}

/**
 * Runs [from, to) of a spec as searchChunk makes them, continuing past each counterexample (a
 * search stops at the first; a throughput figure must not), so every index is run exactly once.
 */
function runRange(spec: SearchSpec, from: number, to: number): number {
  const base = baseScenario(spec);
  let findings = 0;
  let next = from;
  while (next < to) {
    const chunk = searchChunk(spec, next, to, base);
    if (chunk.found === null) break;
    findings++;
    next = chunk.found.index + 1;
  }
  return findings;
}

/** The best of `repetitions` over the same fixed run indices, after a warm-up on the indices before them. */
function throughput(spec: SearchSpec, plan: Plan): Throughput {
  const { warmupRuns, measuredRuns, repetitions } = plan;
  runRange(spec, 0, warmupRuns);
  let bestMs = Number.POSITIVE_INFINITY;
  let findings = 0;
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    findings = runRange(spec, warmupRuns, warmupRuns + measuredRuns);
    bestMs = Math.min(bestMs, performance.now() - started);
  }
  return { runsPerSecond: measuredRuns / (bestMs / 1000), findings };
}

const rate = (t: Throughput) => `${Math.round(t.runsPerSecond).toLocaleString('en')} runs/s`;

/** The default spec, then the same with no faults and with each fault kind alone: the spread. */
export function searchThroughput(): void {
  const d = DEFAULT_SEARCH_SPEC;
  const base = baseScenario(d);
  const main = throughput(d, DEFAULT_PLAN);
  const p = DEFAULT_PLAN;
  console.log(
    `search, default spec (${d.strategy}, ${base.nodes.length} nodes, ${d.clients} clients, ${d.rounds} rounds, ${d.durationMs / 1000} s; 0–${d.faults.max} faults of ${d.faults.kinds.join(', ')}): ` +
      `${rate(main)} on one core (runs ${p.warmupRuns}–${p.warmupRuns + p.measuredRuns - 1}, best of ${p.repetitions}, ${main.findings} counterexamples among them; target ≥ ${TARGET_RUNS_PER_SECOND.toLocaleString('en')}) ${main.runsPerSecond >= TARGET_RUNS_PER_SECOND ? 'MET' : 'NOT MET'}`,
  );
  const variants: [string, SearchSpecInput][] = [
    ['no faults', { faults: { kinds: [] } }],
    ['pause-client', { faults: { kinds: ['pause-client'] } }],
    ['pause-node', { faults: { kinds: ['pause-node'] } }],
    ['clock-jump', { faults: { kinds: ['clock-jump'] } }],
    ['clock-drift', { faults: { kinds: ['clock-drift'] } }],
    ['crash-node', { faults: { kinds: ['crash-node'] } }],
    ['partition', { faults: { kinds: ['partition'] } }],
    ['message-delay', { faults: { kinds: ['message-delay'] } }],
    // Failover needs a master with a replica under Sentinel: a different design and topology.
    ['failover (single-failover, M + R)', { strategy: 'single-failover', faults: { kinds: ['failover'] } }],
  ];
  const parts = variants.map(([name, input]) => {
    const t = throughput(specOf(input), VARIANT_PLAN);
    return `${name} ${rate(t)} (${t.findings} found)`;
  });
  const v = VARIANT_PLAN;
  console.log(`  the same spec with only (runs ${v.warmupRuns}–${v.warmupRuns + v.measuredRuns - 1}, timed once): ${parts.join('; ')}`);
}

/** Fixed-seed searches that find a counterexample, as the tests and the issue name them. */
const SHRINK_CASES: [string, SearchSpecInput][] = [
  ['redlock + clock jumps, seed 1', { strategy: 'redlock', faults: { kinds: ['clock-jump'] }, runs: 2_000, seed: 1 }],
  [
    'redlock + client pauses, fencing none, seed 7',
    { strategy: 'redlock', fencing: 'none', faults: { kinds: ['pause-client'] }, runs: 1_500, seed: 7 },
  ],
  ['set-nx-px-del, seed 3', { strategy: 'set-nx-px-del', runs: 2_000, seed: 3 }],
  [
    'redlock, 4 clients, ≤ 8 faults of clock-jump, pause-client, crash-node, partition, persistence aof-everysec or none, seed 5',
    {
      strategy: 'redlock',
      clients: 4,
      persistence: ['aof-everysec', 'none'],
      faults: { kinds: ['clock-jump', 'pause-client', 'crash-node', 'partition'], max: 8 },
      runs: 3_000,
      seed: 5,
    },
  ],
];

/** Each case: search to its first counterexample, then shrink it; slowest and fastest of SHRINK_REPETITIONS. */
export function shrinkTimes(): void {
  for (const [name, input] of SHRINK_CASES) {
    const spec = specOf(input);
    const searchStarted = performance.now();
    const found = searchChunk(spec, 0, spec.runs).found;
    const searchMs = performance.now() - searchStarted;
    if (found === null) {
      console.log(`shrink ${name}: the search found nothing in ${spec.runs} runs`);
      continue;
    }
    const times: number[] = [];
    let result = shrink(found.scenario, found.finding);
    for (let i = 0; i < SHRINK_REPETITIONS; i++) {
      const started = performance.now();
      result = shrink(found.scenario, found.finding);
      times.push(performance.now() - started);
    }
    const worst = Math.max(...times);
    const s = result.scenario;
    console.log(
      `shrink ${name}: found at run #${found.index} (${searchMs.toFixed(0)} ms, ${found.scenario.timeline.length} fault${found.scenario.timeline.length === 1 ? '' : 's'}, ${found.finding.kind}); ` +
        `shrunk to ${s.timeline.length} fault${s.timeline.length === 1 ? '' : 's'}, ${s.clients.length} clients, ${s.nodes.length} node${s.nodes.length === 1 ? '' : 's'}, ${s.durationMs} ms ` +
        `in ${result.runs} runs${result.budgetExhausted ? ' (budget spent)' : ''}, ${Math.min(...times).toFixed(0)}–${worst.toFixed(0)} ms ` +
        `(${((worst * 1000) / Math.max(result.runs, 1)).toFixed(0)} µs a run; target < ${TARGET_SHRINK_MS.toLocaleString('en')} ms) ${worst < TARGET_SHRINK_MS ? 'MET' : 'NOT MET'}`,
    );
  }
}

searchThroughput();
shrinkTimes();
