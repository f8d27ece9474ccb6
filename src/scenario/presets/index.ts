/**
 * The preset library: the classic scenarios of the spec (S1–S12, /work/shared/redlock-spec.md
 * section E) as scenario documents, one JSON file each, plus the busy no-fault run the
 * benchmark and the UI start from. The documents are data like any pasted file: nothing here
 * trusts them, and `loadPreset` validates one through parseScenario before anyone runs it.
 * What each preset shows and the verdict it must give: docs/presets.md (tested by
 * tests/presets.test.ts).
 */
import type { Fencing, Scenario } from '../../sim/model/scenario.ts';
import type { ParseResult } from '../issues.ts';
import { parseScenario } from '../parse.ts';
import busyRedlock from './busy-redlock.json' with { type: 'json' };
import cadWithOwnerCheck from './cad-with-owner-check.json' with { type: 'json' };
import clockJump from './clock-jump.json' with { type: 'json' };
import delWithoutOwnerCheck from './del-without-owner-check.json' with { type: 'json' };
import delayedRestart from './delayed-restart.json' with { type: 'json' };
import delayedWrite from './delayed-write.json' with { type: 'json' };
import failoverHappyPath from './failover-happy-path.json' with { type: 'json' };
import failoverLosesLock from './failover-loses-lock.json' with { type: 'json' };
import failoverWithWait from './failover-with-wait.json' with { type: 'json' };
import gcPauseAfterAcquire from './gc-pause-after-acquire.json' with { type: 'json' };
import gcPauseDuringAcquire from './gc-pause-during-acquire.json' with { type: 'json' };
import happyPath from './happy-path.json' with { type: 'json' };
import restartAofAlways from './restart-aof-always.json' with { type: 'json' };
import restartAofEverysec from './restart-aof-everysec.json' with { type: 'json' };
import restartNoPersistence from './restart-no-persistence.json' with { type: 'json' };
import setNxPxCrash from './set-nx-px-crash.json' with { type: 'json' };
import setnxExpireCrash from './setnx-expire-crash.json' with { type: 'json' };
import splitVote from './split-vote.json' with { type: 'json' };
import watchdogRenewal from './watchdog-renewal.json' with { type: 'json' };
import watchdogRenewalPaused from './watchdog-renewal-paused.json' with { type: 'json' };

/** A canonical scenario of the spec (section E); S7's cases (a)–(d) are told apart. */
export type SpecScenario = 'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'S6' | 'S7a' | 'S7b' | 'S7c' | 'S7d' | 'S8' | 'S9' | 'S10' | 'S11' | 'S12';

export interface Preset {
  /** The id: the file name without `.json`, used on the command line and in URLs. */
  readonly name: string;
  /** A short label for menus. */
  readonly title: string;
  /** The raw scenario document, untrusted: run it only through loadPreset (or parseScenario). */
  readonly scenario: unknown;
  /** The spec scenario it reproduces (the no-fault benchmark run counts as S1, the happy path, under load). */
  readonly source: SpecScenario;
  /** Worth running with each fencing mode (none, token, cas): fencing changes the verdict. */
  readonly fencingVariants?: boolean;
}

/** The preset the benchmark and the UI start from. */
export const DEFAULT_PRESET_NAME = 'busy-redlock';

export const PRESETS: readonly Preset[] = [
  { name: 'happy-path', title: 'Happy path', scenario: happyPath, source: 'S1' },
  { name: 'split-vote', title: 'Split vote', scenario: splitVote, source: 'S2' },
  { name: 'gc-pause-during-acquire', title: 'GC pause while acquiring', scenario: gcPauseDuringAcquire, source: 'S3' },
  { name: 'gc-pause-after-acquire', title: 'GC pause after acquiring', scenario: gcPauseAfterAcquire, source: 'S4', fencingVariants: true },
  { name: 'delayed-write', title: 'Write delayed 90 s', scenario: delayedWrite, source: 'S5', fencingVariants: true },
  { name: 'clock-jump', title: 'Clock jump on a node', scenario: clockJump, source: 'S6' },
  { name: 'restart-no-persistence', title: 'Restart without persistence', scenario: restartNoPersistence, source: 'S7a' },
  { name: 'restart-aof-always', title: 'Restart with AOF always', scenario: restartAofAlways, source: 'S7b' },
  { name: 'restart-aof-everysec', title: 'Restart with AOF everysec', scenario: restartAofEverysec, source: 'S7c' },
  { name: 'delayed-restart', title: 'Delayed restart', scenario: delayedRestart, source: 'S7d' },
  { name: 'failover-happy-path', title: 'Failover setup, no faults (kill the master yourself)', scenario: failoverHappyPath, source: 'S8' },
  { name: 'failover-loses-lock', title: 'Failover loses the lock', scenario: failoverLosesLock, source: 'S8' },
  { name: 'failover-with-wait', title: 'Failover with WAIT', scenario: failoverWithWait, source: 'S8' },
  { name: 'setnx-expire-crash', title: 'SETNX + EXPIRE crash', scenario: setnxExpireCrash, source: 'S9' },
  { name: 'set-nx-px-crash', title: 'SET NX PX crash', scenario: setNxPxCrash, source: 'S9' },
  { name: 'del-without-owner-check', title: 'DEL without owner check', scenario: delWithoutOwnerCheck, source: 'S10' },
  { name: 'cad-with-owner-check', title: 'Compare-and-delete', scenario: cadWithOwnerCheck, source: 'S10' },
  { name: 'watchdog-renewal', title: 'Watchdog renewal', scenario: watchdogRenewal, source: 'S12' },
  {
    name: 'watchdog-renewal-paused',
    title: 'Watchdog renewal, paused',
    scenario: watchdogRenewalPaused,
    source: 'S12',
    fencingVariants: true,
  },
  { name: 'busy-redlock', title: 'Busy Redlock (no faults)', scenario: busyRedlock, source: 'S1' },
];

export function presetNames(): string[] {
  return PRESETS.map((p) => p.name);
}

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

export interface LoadPresetOptions {
  /** Replace the document's fencing mode before validation (the CLI's --fencing, the UI's toggle). */
  fencing?: Fencing;
}

/** A preset as a validated scenario, or the issues (an unknown name is one too). Never throws. */
export function loadPreset(name: string, options: LoadPresetOptions = {}): ParseResult<Scenario> {
  const preset = findPreset(name);
  if (preset === undefined) {
    return {
      ok: false,
      issues: [{ path: '(preset)', message: `no preset ${JSON.stringify(name)}; presets: ${presetNames().join(', ')}` }],
    };
  }
  const doc = preset.scenario;
  if (options.fencing === undefined) return parseScenario(doc);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return parseScenario(doc);
  return parseScenario({ ...doc, fencing: options.fencing });
}
