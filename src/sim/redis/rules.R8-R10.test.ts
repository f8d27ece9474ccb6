import { describe, expect, it } from 'vitest';
import {
  commandsOn,
  eventsOf,
  finalKeys,
  keyEvents,
  repliesTo,
  replyTexts,
  runParts,
  scriptClient,
  step,
} from '../testing/scenarioBuilder.ts';
import type { Change } from './change.ts';
import { executeCommand } from './commands.ts';
import { Keyspace } from './keyspace.ts';
import { formatReply } from './reply.ts';

// Default test network: client requests and replies take 1 ms each way, replication 5 ms.

describe('R8 Sentinel failover: unreplicated writes are lost, the last failover wins', () => {
  it('R8: the replica is promoted only after down-after-milliseconds, without the write the master had not replicated (S8)', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      replicationLagMs: 20,
      sentinel: { downAfterMs: 30_000, pingPeriodMs: 1_000, promotionMs: 1_000 },
      clients: [
        scriptClient('C1', [step(0, 'M', 'SET', 'lock', 'c1', 'NX', 'PX', '60000')]),
        scriptClient('C2', [
          step(5, 'M', 'SET', 'lock', 'c2', 'NX', 'PX', '60000'),
          step(20_000, 'R', 'SET', 'lock', 'c2', 'NX', 'PX', '60000'),
          step(31_500, 'R', 'SET', 'lock', 'c2', 'NX', 'PX', '60000'),
        ]),
      ],
      // M dies 10 ms after acknowledging C1's lock; the write was still 11 ms from R.
      // Known modelling choice: replication data in flight when a master crashes is lost (it
      // sat in the dead machine's send buffers), and its replicas notice the broken link at once.
      timeline: [{ atMs: 10, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null }],
      durationMs: 40_000,
    });
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK']);
    // The SET was on its way (due at R at 21) but R never applied it: R had already seen the
    // link break at 10, and from then on asks for a resync every second.
    const fromM = eventsOf(result.trace, 'send').filter((e) => e.from === 'M' && e.type === 'repl');
    expect(fromM.map((e) => [e.t, e.label, e.deliverAtMs])).toEqual([[1, 'SET lock', 21]]);
    const psyncs = eventsOf(result.trace, 'send').filter((e) => e.from === 'R' && e.type === 'sync');
    expect(psyncs.slice(0, 3).map((e) => e.t)).toEqual([1_010, 2_010, 3_010]);
    expect(keyEvents(result.trace, 'R', 'lock')).toEqual(['t=31501 set lock=c2@91501 command']);
    // Last OK ping at t=0, so M is "down" at 30000; promotion takes 1000 ms more.
    expect(eventsOf(result.trace, 'sentinel-down')).toEqual([{ t: 30_000, kind: 'sentinel-down', node: 'M', downSinceMs: 0 }]);
    expect(eventsOf(result.trace, 'failover')).toEqual([{ t: 31_000, kind: 'failover', from: 'M', to: 'R' }]);
    // Before the promotion R is a read-only replica; afterwards C2 gets the lock C1 still believes it holds.
    expect(replyTexts(result.trace, 'C2')).toEqual(['(nil)', "(error) READONLY You can't write against a read only replica.", 'OK']);
    expect(result.nodes.map((n) => [n.id, n.role, n.up])).toEqual([
      ['M', 'master', false],
      ['R', 'master', true],
    ]);
  });

  it('R8: a partitioned old master keeps accepting writes, then rejoins as a replica and discards its dataset', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      sentinel: { downAfterMs: 1_000, pingPeriodMs: 100, promotionMs: 100 },
      clients: [
        scriptClient('C1', [
          step(500, 'M', 'SET', 'lock', 'c1', 'NX'),
          step(2_000, 'M', 'SET', 'data', 'x'),
          step(4_000, 'M', 'GET', 'lock'),
          step(4_000, 'M', 'GET', 'data'),
        ]),
        scriptClient('C2', [step(1_500, 'R', 'SET', 'lock', 'c2', 'NX')]),
      ],
      timeline: [
        {
          atMs: 0,
          kind: 'partition',
          groups: [
            ['M', 'C1'],
            ['R', 'sentinel', 'C2'],
          ],
          durationMs: 3_000,
        },
      ],
      durationMs: 5_000,
    });
    // Both sides say OK to "the" lock: C1 on the old master, C2 on the promoted replica.
    expect(eventsOf(result.trace, 'failover')).toEqual([{ t: 1_100, kind: 'failover', from: 'M', to: 'R' }]);
    expect(
      repliesTo(result.trace, 'C1')
        .slice(0, 2)
        .map((r) => [r.t, r.cmd, r.reply]),
    ).toEqual([
      [502, 'SET lock c1 NX', 'OK'],
      [2_002, 'SET data x', 'OK'],
    ]);
    expect(replyTexts(result.trace, 'C2')).toEqual(['OK']);
    // At the heal Sentinel turns M into R's replica; the full sync throws away M's two keys.
    expect(eventsOf(result.trace, 'role').map((e) => [e.t, e.node, e.role, e.master])).toEqual([
      [1_100, 'R', 'master', null],
      [3_000, 'M', 'replica', 'R'],
    ]);
    expect(eventsOf(result.trace, 'full-sync')).toEqual([{ t: 3_010, kind: 'full-sync', node: 'M', master: 'R', keys: 1, discarded: 2 }]);
    expect(replyTexts(result.trace, 'C1').slice(2)).toEqual(['"c2"', '(nil)']);
    expect(finalKeys(result, 'M')).toEqual(['lock=c2']);
  });
  it('R8: Sentinel promotes the replica with the most replicated data; the other one resyncs from it', () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R1', replicaOf: 'M' }, { id: 'R2', replicaOf: 'M' }],
      sentinel: { downAfterMs: 1_000, pingPeriodMs: 100, promotionMs: 100 },
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'lock', 'c1')])],
      timeline: [
        // R1 (first in configuration order) lags 1 s behind, so only R2 has the write when M dies.
        { atMs: 0, kind: 'link-delay', from: 'M', to: 'R1', extraMs: 1_000, durationMs: null },
        { atMs: 100, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: null },
      ],
      durationMs: 3_000,
    });
    expect(eventsOf(result.trace, 'failover')).toEqual([{ t: 1_100, kind: 'failover', from: 'M', to: 'R2' }]);
    expect(eventsOf(result.trace, 'role').map((e) => [e.node, e.role, e.master])).toEqual([
      ['R2', 'master', null],
      ['R1', 'replica', 'R2'],
    ]);
    expect(keyEvents(result.trace, 'R1', 'lock')).toEqual(['t=1110 set lock=c1@-1 replication']);
    expect(finalKeys(result, 'R1')).toEqual(['lock=c1']);
  });
});

describe('R9 persistence: what a restarted node remembers', () => {
  it('R9: persistence none: the node restarts with an empty dataset, even after a clean shutdown', () => {
    for (const clean of [false, true]) {
      const result = runParts({
        nodes: [{ id: 'A', persistence: 'none' }],
        clients: [
          scriptClient('C1', [
            step(0, 'A', 'SET', 'lock', 'c1', 'NX', 'PX', '10000'),
            step(300, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000'),
          ]),
        ],
        timeline: [{ atMs: 100, kind: 'crash-node', node: 'A', clean, restartAfterMs: 100 }],
      });
      expect(eventsOf(result.trace, 'restart')).toEqual([{ t: 200, kind: 'restart', process: 'A', keysLoaded: 0, persistence: 'none' }]);
      // The lock taken at 1 (held until 10001) is gone: taking it again at 301 succeeds (S7).
      expect(replyTexts(result.trace, 'C1')).toEqual(['OK', 'OK']);
    }
  });

  it('R9: aof-always keeps every acknowledged write through a power loss right after the reply', () => {
    const result = runParts({
      nodes: [{ id: 'A', persistence: 'aof-always' }],
      clients: [
        scriptClient('C1', [
          step(0, 'A', 'SET', 'a', '1'),
          step(10, 'A', 'SET', 'b', '2'),
          step(20, 'A', 'DEL', 'a'),
          step(30, 'A', 'SET', 'lock', 'c1', 'NX', 'PX', '10000'),
          step(200, 'A', 'GET', 'a'),
          step(200, 'A', 'GET', 'b'),
          step(200, 'A', 'PTTL', 'lock'),
        ]),
      ],
      // The last write is acknowledged at 32; the node loses power at 32.
      timeline: [{ atMs: 32, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: 68 }],
    });
    expect(eventsOf(result.trace, 'restart')).toEqual([
      { t: 100, kind: 'restart', process: 'A', keysLoaded: 2, persistence: 'aof-always' },
    ]);
    expect(keyEvents(result.trace, 'A').filter((e) => e.endsWith(' load'))).toEqual([
      't=100 set b=2@-1 load',
      't=100 set lock=c1@10031 load',
    ]);
    // The lock kept its absolute expiry: 10031 - 201 = 9830 ms left.
    expect(replyTexts(result.trace, 'C1').slice(4)).toEqual(['(nil)', '"2"', '(integer) 9830']);
  });

  it.each([
    [false, ['"1"', '(nil)'], 1],
    [true, ['"1"', '"2"'], 2],
  ])(
    'R9: aof-everysec with clean=%s: a power loss loses the writes since the last whole-second fsync, a clean shutdown none',
    (clean, afterRestart, keysLoaded) => {
      const result = runParts({
        nodes: [{ id: 'A', persistence: 'aof-everysec' }],
        clients: [
          scriptClient('C1', [
            step(500, 'A', 'SET', 'a', '1'),
            step(1_200, 'A', 'SET', 'b', '2'),
            step(1_700, 'A', 'GET', 'a'),
            step(1_700, 'A', 'GET', 'b'),
          ]),
        ],
        timeline: [{ atMs: 1_500, kind: 'crash-node', node: 'A', clean, restartAfterMs: 100 }],
      });
      // 'a' (written at 501) was fsynced at 1000; 'b' (1201) waited for the fsync at 2000.
      expect(eventsOf(result.trace, 'aof-fsync')).toEqual([{ t: 1_000, kind: 'aof-fsync', node: 'A', entries: 1 }]);
      expect(replyTexts(result.trace, 'C1')).toEqual(['OK', 'OK', ...afterRestart]);
      expect(eventsOf(result.trace, 'restart')[0]?.keysLoaded).toBe(keysLoaded);
    },
  );

  it('R9: restartDelayMs keeps a crashed node down: an earlier restart waits, commands meanwhile get no answer', () => {
    const result = runParts({
      nodes: [{ id: 'A', persistence: 'aof-always', restartDelayMs: 5_000 }],
      clients: [
        scriptClient('C1', [
          step(0, 'A', 'SET', 'lock', 'c1', 'NX', 'PX', '3000'),
          step(1_000, 'A', 'GET', 'lock'),
          step(5_200, 'A', 'GET', 'lock'),
        ]),
      ],
      timeline: [{ atMs: 100, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: 100 }],
    });
    expect(eventsOf(result.trace, 'restart-delayed')).toEqual([{ t: 200, kind: 'restart-delayed', process: 'A', untilMs: 5_100 }]);
    expect(eventsOf(result.trace, 'restart').map((e) => e.t)).toEqual([5_100]);
    expect(
      eventsOf(result.trace, 'drop')
        .filter((d) => d.to === 'A')
        .map((d) => [d.t, d.reason]),
    ).toEqual([[1_001, 'process-down']]);
    // By 5100 the lock's TTL had run out, so the delayed restart brings back nothing usable (R17).
    expect(repliesTo(result.trace, 'C1').map((r) => [r.t, r.reply])).toEqual([
      [2, 'OK'],
      [5_202, '(nil)'],
    ]);
  });

  it('R9: TTL time keeps elapsing while a node is down: a key reloaded after its expiry is gone', () => {
    const reloadAt = (restartAfterMs: number) =>
      runParts({
        nodes: [{ id: 'A', persistence: 'aof-always', hz: 1 }],
        clients: [scriptClient('C1', [step(0, 'A', 'SET', 'lock', 'c1', 'PX', '1000'), step(100 + restartAfterMs, 'A', 'GET', 'lock')])],
        timeline: [{ atMs: 100, kind: 'crash-node', node: 'A', clean: false, restartAfterMs }],
      });
    const early = reloadAt(400);
    expect(replyTexts(early.trace, 'C1')).toEqual(['OK', '"c1"']);

    const late = reloadAt(1_900);
    expect(replyTexts(late.trace, 'C1')).toEqual(['OK', '(nil)']);
    // Loaded with its absolute expiry (1001), then deleted on first access.
    expect(keyEvents(late.trace, 'A', 'lock')).toEqual([
      't=1 set lock=c1@1001 command',
      't=100 del lock lost crash',
      't=2000 set lock=c1@1001 load',
      't=2001 del lock expired-passive command',
    ]);
  });
  it('R9: a master restarted without persistence empties its replica at the resync', () => {
    const result = runParts({
      nodes: [
        { id: 'M', persistence: 'none' },
        { id: 'R', replicaOf: 'M' },
      ],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'lock', 'c1'), step(1_000, 'R', 'GET', 'lock'), step(3_000, 'R', 'GET', 'lock')])],
      timeline: [{ atMs: 100, kind: 'crash-node', node: 'M', clean: false, restartAfterMs: 1_500 }],
      durationMs: 4_000,
    });
    // R keeps serving its copy while M is down, retries PSYNC every second (1100, 2100, ...)
    // and takes the empty dataset of the restarted M at 2110 (PSYNC at 2100 + 2 × 5 ms lag).
    expect(eventsOf(result.trace, 'restart')).toEqual([{ t: 1_600, kind: 'restart', process: 'M', keysLoaded: 0, persistence: 'none' }]);
    expect(eventsOf(result.trace, 'full-sync')).toEqual([{ t: 2_110, kind: 'full-sync', node: 'R', master: 'M', keys: 0, discarded: 1 }]);
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '"c1"', '(nil)']);
    expect(finalKeys(result, 'R')).toEqual([]);
  });
});

/** Runs one command on a keyspace at a given node wall-clock time. */
function exec(keys: Keyspace, nowMs: number, argv: string[], isMaster = true): { reply: string; changes: Change[] } {
  const changes: Change[] = [];
  const reply = executeCommand({ keys, nowMs, isMaster, changes }, argv);
  return { reply: formatReply(reply), changes };
}

describe('R10 scripts run atomically with time frozen', () => {
  it("R10: compare-and-delete deletes only the owner's value", () => {
    const keys = new Keyspace();
    keys.set('lock', 'c2', 20_000);
    expect(exec(keys, 12_000, ['EVAL', 'compare-and-delete', '1', 'lock', 'c1'])).toEqual({ reply: '(integer) 0', changes: [] });
    expect(keys.get('lock')).toEqual({ value: 'c2', expireAtMs: 20_000 });
    expect(exec(keys, 12_000, ['EVAL', 'compare-and-delete', '1', 'lock', 'c2'])).toEqual({
      reply: '(integer) 1',
      changes: [{ kind: 'del', key: 'lock', cause: 'command' }],
    });
    expect(keys.size).toBe(0);
    expect(exec(keys, 12_000, ['EVAL', 'compare-and-delete', '1', 'lock', 'c2']).reply).toBe('(integer) 0');
  });

  it("R10: a key cannot expire between the script's GET and its PEXPIRE: at now == when the extension succeeds", () => {
    const keys = new Keyspace();
    keys.set('lock', 'c1', 10_000);
    // At 10000 the key is alive (R2) for the whole script, so compare-and-extend renews it from the same now.
    expect(exec(keys, 10_000, ['EVAL', 'compare-and-extend', '1', 'lock', 'c1', '5000'])).toEqual({
      reply: '(integer) 1',
      changes: [{ kind: 'expire', key: 'lock', expireAtMs: 15_000 }],
    });
    expect(keys.get('lock')).toEqual({ value: 'c1', expireAtMs: 15_000 });
    // One millisecond after the (new) expiry the script finds nothing to extend.
    expect(exec(keys, 15_001, ['EVAL', 'compare-and-extend', '1', 'lock', 'c1', '5000'])).toEqual({
      reply: '(integer) 0',
      changes: [{ kind: 'del', key: 'lock', cause: 'expired-passive' }],
    });
  });

  it("R10: compare-and-extend does not extend someone else's lock", () => {
    const keys = new Keyspace();
    keys.set('lock', 'c2', 10_000);
    expect(exec(keys, 5_000, ['EVAL', 'compare-and-extend', '1', 'lock', 'c1', '5000'])).toEqual({ reply: '(integer) 0', changes: [] });
    expect(keys.get('lock')).toEqual({ value: 'c2', expireAtMs: 10_000 });
  });

  it('R10: a script that checks several keys writes all or nothing', () => {
    const keys = new Keyspace();
    keys.set('b', 'other', -1);
    expect(exec(keys, 0, ['EVAL', 'node-redlock-acquire', '2', 'a', 'b', 'c1', '10000'])).toEqual({ reply: '(integer) 0', changes: [] });
    expect(keys.get('a')).toBeUndefined();
    keys.delete('b');
    const { reply, changes } = exec(keys, 0, ['EVAL', 'node-redlock-acquire', '2', 'a', 'b', 'c1', '10000']);
    expect(reply).toBe('(integer) 2');
    expect(changes.map((c) => c.key)).toEqual(['a', 'b']);
  });

  it("R10: a stalled client's compare-and-delete cannot remove the next holder's lock, a plain DEL can (S10)", () => {
    const release = (argv: string[]) =>
      runParts({
        nodes: [{ id: 'A' }],
        clients: [
          scriptClient('C1', [step(0, 'A', 'SET', 'lock', 'v1', 'NX', 'PX', '10000'), step(12_000, 'A', ...argv)]),
          scriptClient('C2', [step(10_500, 'A', 'SET', 'lock', 'v2', 'NX', 'PX', '10000')]),
          scriptClient('C3', [step(12_100, 'A', 'SET', 'lock', 'v3', 'NX', 'PX', '10000')]),
        ],
      });
    const safe = release(['EVAL', 'compare-and-delete', '1', 'lock', 'v1']);
    expect(replyTexts(safe.trace, 'C1')).toEqual(['OK', '(integer) 0']);
    expect(replyTexts(safe.trace, 'C2')).toEqual(['OK']);
    expect(replyTexts(safe.trace, 'C3')).toEqual(['(nil)']);
    expect(finalKeys(safe, 'A')).toEqual(['lock=v2']);

    const unsafe = release(['DEL', 'lock']);
    expect(replyTexts(unsafe.trace, 'C1')).toEqual(['OK', '(integer) 1']);
    expect(replyTexts(unsafe.trace, 'C3')).toEqual(['OK']);
    expect(finalKeys(unsafe, 'A')).toEqual(['lock=v3']);
  });

  it("R10: the script's write replicates as one change, and on a replica the script's write is refused", () => {
    const result = runParts({
      nodes: [{ id: 'M' }, { id: 'R', replicaOf: 'M' }],
      clients: [
        scriptClient('C1', [
          step(0, 'M', 'SET', 'lock', 'c1', 'NX', 'PX', '10000'),
          step(100, 'R', 'EVAL', 'compare-and-delete', '1', 'lock', 'c1'),
          step(200, 'M', 'EVAL', 'compare-and-extend', '1', 'lock', 'c1', '20000'),
        ]),
      ],
    });
    const [set, onReplica, onMaster] = replyTexts(result.trace, 'C1');
    expect([set, onMaster]).toEqual(['OK', '(integer) 1']);
    expect(onReplica).toMatch(/^\(error\) READONLY You can't write against a read only replica\./);
    expect(finalKeys(result, 'R')).toEqual(['lock=c1']);
    expect(commandsOn(result.trace, 'M').map((c) => c.nodeMs)).toEqual([1, 201]);
    expect(keyEvents(result.trace, 'R', 'lock')).toEqual(['t=6 set lock=c1@10001 replication', 't=206 expire lock@20201 replication']);
  });
});
