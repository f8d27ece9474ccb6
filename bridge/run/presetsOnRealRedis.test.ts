/**
 * The acceptance test of the bridge's runs: the presets that real faults can express, replayed
 * on real redis-server processes, reach the verdict the simulation predicts — the same checker
 * on both traces. Each runs at a speed that leaves room for what takes real time (a restart,
 * Sentinel's down-after and failover), noted beside it. It runs alone (scripts/test-all.sh):
 * real time and two busy cores do not mix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAnchorsFor } from '../../src/protocol/clientAnchors.ts';
import { check } from '../../src/check/check.ts';
import type { CheckResult } from '../../src/check/types.ts';
import type { Fencing } from '../../src/sim/model/scenario.ts';
import { run as simulate } from '../../src/sim/engine/run.ts';
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import { loadPreset } from '../../src/scenario/presets/index.ts';
import { createBackend } from './backend.ts';
import type { BridgeBackend } from './runTypes.ts';

interface Case {
  preset: string;
  fencing?: Fencing;
  speed: number;
  why: string;
}

const CASES: Case[] = [
  { preset: 'happy-path', speed: 4, why: 'nothing time-critical' },
  { preset: 'restart-no-persistence', speed: 1, why: 'a real restart takes tens of ms; C2 starts 100 ms after it' },
  { preset: 'restart-aof-always', speed: 1, why: 'as above' },
  { preset: 'failover-loses-lock', speed: 2, why: 'Sentinel’s down-after is 15 s of real time, its failover about 1 s' },
  { preset: 'setnx-expire-crash', speed: 4, why: 'the crash follows the client’s own schedule' },
  { preset: 'del-without-owner-check', speed: 4, why: 'margins of 500 ms of scenario time' },
  { preset: 'split-vote', speed: 1, why: 'the 1 ms link delays decide who reaches which node first' },
  // C1's pause lands 1 ms after its validity check, as simulated (its anchor), however long its
  // real acquisition took: between the check and the write, Kleppmann's point.
  { preset: 'gc-pause-after-acquire', speed: 4, why: 'the pause follows C1’s own progress' },
  { preset: 'gc-pause-after-acquire', fencing: 'token', speed: 4, why: 'as above; the storage rejects C1’s token 1' },
  { preset: 'gc-pause-after-acquire', fencing: 'cas', speed: 4, why: 'as above; C2’s claim no longer matches C1’s value' },
  // Beyond the issue's list: more of what the simulation predicts, checked on real processes.
  { preset: 'gc-pause-during-acquire', speed: 4, why: 'the pause follows C1’s own progress' },
  { preset: 'set-nx-px-crash', speed: 4, why: 'the crash follows C1’s own progress' },
  { preset: 'cad-with-owner-check', speed: 4, why: 'margins of 500 ms of scenario time' },
  { preset: 'watchdog-renewal-paused', speed: 4, why: 'the pause follows C1’s own progress' },
  { preset: 'clock-jump', speed: 2, why: 'node C’s clock jumps through libfaketime' },
  { preset: 'delayed-restart', speed: 1, why: 'the restart waits for restartDelayMs after the crash, as simulated' },
];

/** What the verdict says, in the terms a user compares. */
function summary(r: CheckResult) {
  return {
    safe: r.safe,
    exclusionViolation: r.exclusionViolations.length > 0,
    staleWrite: r.staleWrites.length > 0,
    fencingRejection: r.fencingRejections.length > 0,
    deadlocked: r.deadlocked,
    acquired: r.acquisitions > 0,
  };
}

let backend: BridgeBackend;

beforeAll(async () => {
  backend = await createBackend();
}, 60_000);

afterAll(async () => {
  await backend?.close();
});

describe('presets replayed on real Redis reach the simulated verdict', () => {
  for (const c of CASES) {
    const name = `${c.preset}${c.fencing ? ` (fencing ${c.fencing})` : ''} at speed ${c.speed} — ${c.why}`;
    it(name, async () => {
      const loaded = loadPreset(c.preset, c.fencing ? { fencing: c.fencing } : {});
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const scenario = loaded.value;
      const simulatedTrace = simulate(scenario).trace;
      const simulated = check(simulatedTrace);
      const events: TraceEvent[] = [];
      const anchors = clientAnchorsFor(scenario, simulatedTrace);
      const run = await backend.startRun({ scenario, speed: c.speed, anchors, emit: (e) => events.push(e) });
      const end = await run.ended;
      expect(end.reason, end.error).toBe('completed');
      const real = check(events);
      const story = events
        .filter((e) => !['send', 'deliver', 'command', 'client-state'].includes(e.kind))
        .map((e) => JSON.stringify(e))
        .join('\n');
      expect(summary(real), story).toEqual(summary(simulated));
    }, 120_000);
  }
});
