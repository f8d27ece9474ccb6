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
  /** One line (at most 110 characters) in plain words: what happens, for the gallery's cards. */
  readonly summary: string;
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
  {
    name: 'happy-path',
    title: 'Happy path',
    summary: 'Redlock doing its job: C1 holds a majority, C2 is refused and retries, then gets the lock after the release.',
    scenario: happyPath,
    source: 'S1',
  },
  {
    name: 'split-vote',
    title: 'Split vote',
    summary: 'Two clients win two nodes each, so nobody has a majority; both unlock and retry after a random delay.',
    scenario: splitVote,
    source: 'S2',
  },
  {
    name: 'gc-pause-during-acquire',
    title: 'GC pause while acquiring',
    summary: 'C1 freezes while acquiring; the attempt outlasts the TTL, so it sees no validity left and backs off.',
    scenario: gcPauseDuringAcquire,
    source: 'S3',
  },
  {
    name: 'gc-pause-after-acquire',
    title: 'GC pause after acquiring',
    summary: "C1 checks its lock, then a GC pause lets it expire; C2 takes over and C1's late write lands after C2's.",
    scenario: gcPauseAfterAcquire,
    source: 'S4',
    fencingVariants: true,
  },
  {
    name: 'delayed-write',
    title: 'Write delayed 90 s',
    summary: "C1 does everything right, but the network holds its write for 90 s and it lands after C2's. Fencing stops it.",
    scenario: delayedWrite,
    source: 'S5',
    fencingVariants: true,
  },
  {
    name: 'clock-jump',
    title: 'Clock jump on a node',
    summary: "A node's clock jumps 10 s ahead and drops C1's key early; C2 wins a majority while C1 still holds the lock.",
    scenario: clockJump,
    source: 'S6',
  },
  {
    name: 'restart-no-persistence',
    title: 'Restart without persistence',
    summary: "A node restarts empty and forgets C1's key, so C2 also wins a majority: two holders at once.",
    scenario: restartNoPersistence,
    source: 'S7a',
  },
  {
    name: 'restart-aof-always',
    title: 'Restart with AOF always',
    summary: "A node crashes, but it fsynced every write: it reloads C1's key and C2 never gets a majority.",
    scenario: restartAofAlways,
    source: 'S7b',
  },
  {
    name: 'restart-aof-everysec',
    title: 'Restart with AOF everysec',
    summary: "A node crashes before its once-a-second fsync: C1's key was not on disk, so C2 wins a majority too.",
    scenario: restartAofEverysec,
    source: 'S7c',
  },
  {
    name: 'delayed-restart',
    title: 'Delayed restart',
    summary: 'The crashed node stays down longer than the TTL before it rejoins, so C2 must wait: safe, but slow.',
    scenario: delayedRestart,
    source: 'S7d',
  },
  {
    name: 'failover-happy-path',
    title: 'Failover setup, no faults (kill the master yourself)',
    summary: 'One master, one replica and Sentinel, no faults: kill the master yourself and see whether the lock survives.',
    scenario: failoverHappyPath,
    source: 'S8',
  },
  {
    name: 'failover-loses-lock',
    title: 'Failover loses the lock',
    summary: 'A master dies before replicating the lock; Sentinel promotes a replica that never saw it.',
    scenario: failoverLosesLock,
    source: 'S8',
  },
  {
    name: 'failover-with-wait',
    title: 'Failover with WAIT',
    summary: 'C1 asks the replica to confirm with WAIT; no ack comes in time, so C1 gives the lock up before the failover.',
    scenario: failoverWithWait,
    source: 'S8',
  },
  {
    name: 'setnx-expire-crash',
    title: 'SETNX + EXPIRE crash',
    summary: 'SETNX, then EXPIRE: C1 crashes in between and leaves a key with no TTL that nobody will ever delete.',
    scenario: setnxExpireCrash,
    source: 'S9',
  },
  {
    name: 'set-nx-px-crash',
    title: 'SET NX PX crash',
    summary: 'C1 crashes right after an atomic SET NX PX: the key expires on its own and C2 gets the lock after the TTL.',
    scenario: setNxPxCrash,
    source: 'S9',
  },
  {
    name: 'del-without-owner-check',
    title: 'DEL without owner check',
    summary: "A stalled client releases with a plain DEL, deletes C2's lock and lets C3 in while C2 is still working.",
    scenario: delWithoutOwnerCheck,
    source: 'S10',
  },
  {
    name: 'cad-with-owner-check',
    title: 'Compare-and-delete',
    summary: "A stalled client releases with compare-and-delete: it deletes only its own key, so C2's lock stays.",
    scenario: cadWithOwnerCheck,
    source: 'S10',
  },
  {
    name: 'watchdog-renewal',
    title: 'Watchdog renewal',
    summary: 'A 25 s job under a 10 s TTL: a watchdog extends the lock before it runs out, and C2 waits its turn.',
    scenario: watchdogRenewal,
    source: 'S12',
  },
  {
    name: 'watchdog-renewal-paused',
    title: 'Watchdog renewal, paused',
    summary: "The watchdog lives in the paused process: the lock expires, C2 takes it, and C1's late write lands anyway.",
    scenario: watchdogRenewalPaused,
    source: 'S12',
    fencingVariants: true,
  },
  {
    name: 'busy-redlock',
    title: 'Busy Redlock (no faults)',
    summary: 'Three clients trade the Redlock lock for a minute with no faults at all; add a fault and see what breaks.',
    scenario: busyRedlock,
    source: 'S1',
  },
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
