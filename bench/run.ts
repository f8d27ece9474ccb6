import { check } from '../src/check/check.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { DEFAULT_PRESET_NAME, loadPreset } from '../src/scenario/presets/index.ts';
import { run } from '../src/sim/engine/run.ts';
import { traceHash } from '../src/sim/trace/canonical.ts';
import { busyScenario } from './busyScenario.ts';
import { scrub } from './scrub.ts';

/**
 * `npm run bench`: the engine's throughput on the busy standard scenario. It measures
 * wall time around run() (the engine proper, trace included, hash excluded), takes the
 * best of several repetitions after a warm-up, and reports the hash cost separately.
 * Figures go in the README; nothing here asserts a target (benchmarks are not tests).
 */
const REPETITIONS = 7;
const TARGET_EVENTS_PER_SECOND = 2_000_000;
/** Re-simulation must fit in one 60 Hz frame, so the UI can re-run while a fault is dragged. */
const TARGET_RESIM_MS = 16;
const RESIM_RUNS = 50;

function main(): void {
  const parsed = parseScenario(busyScenario(1));
  if (!parsed.ok) throw new Error(`benchmark scenario invalid: ${JSON.stringify(parsed.issues)}`);
  const scenario = parsed.value;
  console.log(`seed ${scenario.seed} — ${scenario.name}`);
  run(scenario, { hash: false }); // warm-up: JIT
  run(scenario, { hash: false });
  let bestMs = Number.POSITIVE_INFINITY;
  let events = 0;
  let traceEvents = 0;
  for (let i = 0; i < REPETITIONS; i++) {
    const started = performance.now();
    const result = run(scenario, { hash: false });
    const elapsedMs = performance.now() - started;
    events = result.stats.schedulerEvents;
    traceEvents = result.stats.traceEvents;
    bestMs = Math.min(bestMs, elapsedMs);
  }
  const result = run(scenario, { hash: false });
  const hashStarted = performance.now();
  const hash = traceHash(result.trace);
  const hashMs = performance.now() - hashStarted;
  const perSecond = events / (bestMs / 1000);
  console.log(`engine: ${events.toLocaleString('en')} scheduler events (${traceEvents.toLocaleString('en')} trace events) in ${bestMs.toFixed(1)} ms (best of ${REPETITIONS})`);
  console.log(`engine: ${Math.round(perSecond).toLocaleString('en')} simulated events/s (target ≥ ${TARGET_EVENTS_PER_SECOND.toLocaleString('en')}) ${perSecond >= TARGET_EVENTS_PER_SECOND ? 'MET' : 'NOT MET'}`);
  console.log(`trace hash: ${hash.slice(0, 16)}… computed in ${hashMs.toFixed(1)} ms (${Math.round(traceEvents / (hashMs / 1000)).toLocaleString('en')} trace events/s)`);
}

/**
 * Re-simulating the default scenario (busy-redlock: 5 nodes, 3 Redlock clients looping for
 * 60 s) and checking it, as the UI does on every edit: run() without the hash, then check().
 * Reports the median, the 90th percentile and the slowest of RESIM_RUNS runs after a warm-up.
 */
function resim(): void {
  const loaded = loadPreset(DEFAULT_PRESET_NAME);
  if (!loaded.ok) throw new Error(`preset ${DEFAULT_PRESET_NAME} invalid: ${JSON.stringify(loaded.issues)}`);
  const scenario = loaded.value;
  for (let i = 0; i < 10; i++) check(run(scenario, { hash: false }).trace); // warm-up: JIT
  const times: number[] = [];
  let checkMs = 0;
  let last = run(scenario, { hash: false });
  for (let i = 0; i < RESIM_RUNS; i++) {
    const started = performance.now();
    last = run(scenario, { hash: false });
    const ran = performance.now();
    const verdict = check(last.trace);
    const done = performance.now();
    if (!verdict.safe) throw new Error('the default scenario should be safe');
    times.push(done - started);
    checkMs += done - ran;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const p90 = times[Math.floor(times.length * 0.9)] as number;
  const worst = times[times.length - 1] as number;
  let xstateMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 4; i++) {
    const xstateStarted = performance.now();
    run(scenario, { hash: false, lockRuntime: 'xstate' });
    xstateMs = Math.min(xstateMs, performance.now() - xstateStarted);
  }
  console.log(
    `re-simulate ${DEFAULT_PRESET_NAME} (${scenario.nodes.length} nodes, ${scenario.clients.length} Redlock clients, ${scenario.durationMs / 1000} s; ${last.stats.schedulerEvents.toLocaleString('en')} scheduler events, ${last.stats.traceEvents.toLocaleString('en')} trace events): run + check median ${median.toFixed(1)} ms, 90th percentile ${p90.toFixed(1)} ms, slowest ${worst.toFixed(1)} ms of ${RESIM_RUNS} (check ${(checkMs / RESIM_RUNS).toFixed(1)} ms of it; target ≤ ${TARGET_RESIM_MS} ms) ${median <= TARGET_RESIM_MS ? 'MET' : 'NOT MET'}`,
  );
  console.log(`  the same run stepping the machines with xstate's own actor instead of the engine's interpreter: ${xstateMs.toFixed(1)} ms (best of 4)`);
}

main();
resim();
scrub();
