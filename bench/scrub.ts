import { check } from '../src/check/check.ts';
import { DEFAULT_PRESET_NAME, loadPreset } from '../src/scenario/presets/index.ts';
import { run } from '../src/sim/engine/run.ts';
import type { TraceEvent } from '../src/sim/trace/events.ts';
import { snapshotAt } from '../src/ui/topology/snapshotAt.ts';

const SNAPSHOTS = 2000;

/**
 * Scrubbing: what the topology view costs per cursor move on the default scenario — the state
 * of every node and client at a random trace index, replayed from the nearest checkpoint.
 * The cursor index order is a fixed LCG so runs are comparable.
 */
export function scrub(): void {
  const loaded = loadPreset(DEFAULT_PRESET_NAME);
  if (!loaded.ok) throw new Error(`preset ${DEFAULT_PRESET_NAME} invalid`);
  const scenario = loaded.value;
  const trace = run(scenario, { hash: false }).trace;
  const verdict = check(trace);
  const buildStarted = performance.now();
  snapshotAt(scenario, trace, verdict, 0, 0); // builds the checkpoints once per trace
  const buildMs = performance.now() - buildStarted;
  let x = 12345;
  const times: number[] = [];
  for (let k = 0; k < SNAPSHOTS; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const i = x % trace.length;
    const started = performance.now();
    snapshotAt(scenario, trace, verdict, i, (trace[i] as TraceEvent).t);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const p99 = times[Math.floor(times.length * 0.99)] as number;
  console.log(
    `scrub ${DEFAULT_PRESET_NAME} (${trace.length.toLocaleString('en')} trace events): topology snapshot at a random cursor median ${(median * 1000).toFixed(0)} µs, 99th percentile ${(p99 * 1000).toFixed(0)} µs of ${SNAPSHOTS} (checkpoints built once in ${buildMs.toFixed(1)} ms)`,
  );
}
