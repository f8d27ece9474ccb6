import { parseScenario } from '../src/scenario/parse.ts';
import { run } from '../src/sim/engine/run.ts';
import { traceHash } from '../src/sim/trace/canonical.ts';
import { busyScenario } from './busyScenario.ts';

/**
 * `npm run bench`: the engine's throughput on the busy standard scenario. It measures
 * wall time around run() (the engine proper, trace included, hash excluded), takes the
 * best of several repetitions after a warm-up, and reports the hash cost separately.
 * Figures go in the README; nothing here asserts a target (benchmarks are not tests).
 */
const REPETITIONS = 7;
const TARGET_EVENTS_PER_SECOND = 2_000_000;

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

main();
