import { describe, expect, it } from 'vitest';
import { commandsOn, finalKeys, keyEvents, repliesTo, replyTexts, runParts, scriptClient, step } from '../testing/scenarioBuilder.ts';
import { activeExpireCycle } from './activeExpire.ts';
import type { Change } from './change.ts';
import { executeCommand } from './commands.ts';
import { Keyspace } from './keyspace.ts';
import { formatReply } from './reply.ts';

/** Runs one command on a keyspace at a given node wall-clock time, as a master unless told. */
function exec(keys: Keyspace, nowMs: number, argv: string[], isMaster = true): { reply: string; changes: Change[] } {
  const changes: Change[] = [];
  const reply = executeCommand({ keys, nowMs, isMaster, changes }, argv);
  return { reply: formatReply(reply), changes };
}

function keyspaceWith(entries: Record<string, { value: string; expireAtMs: number }>): Keyspace {
  const keys = new Keyspace();
  for (const [k, e] of Object.entries(entries)) keys.set(k, e.value, e.expireAtMs);
  return keys;
}

// Default test network: client requests and replies take 1 ms each way, replication 5 ms.

describe('R1 SET NX PX: set only if missing, with an expiry of now + ms', () => {
  it('R1: on a missing key it stores the value with expire = now + ms and replies OK', () => {
    const keys = new Keyspace();
    const { reply, changes } = exec(keys, 1_000, ['SET', 'lock', 'v1', 'NX', 'PX', '10000']);
    expect(reply).toBe('OK');
    expect(keys.get('lock')).toEqual({ value: 'v1', expireAtMs: 11_000 });
    expect(changes).toEqual([{ kind: 'set', key: 'lock', value: 'v1', expireAtMs: 11_000 }]);
  });

  it('R1: on an existing key it replies nil and changes nothing (value and expiry kept)', () => {
    const keys = keyspaceWith({ lock: { value: 'v1', expireAtMs: 11_000 } });
    const { reply, changes } = exec(keys, 5_000, ['SET', 'lock', 'v2', 'NX', 'PX', '10000']);
    expect(reply).toBe('(nil)');
    expect(keys.get('lock')).toEqual({ value: 'v1', expireAtMs: 11_000 });
    expect(changes).toEqual([]);
  });

  it('R1: on a key that has expired (lazy-expire check first) it deletes the old key and sets the new one', () => {
    const keys = keyspaceWith({ lock: { value: 'v1', expireAtMs: 11_000 } });
    const { reply, changes } = exec(keys, 11_001, ['SET', 'lock', 'v2', 'NX', 'PX', '10000']);
    expect(reply).toBe('OK');
    expect(keys.get('lock')).toEqual({ value: 'v2', expireAtMs: 21_001 });
    expect(changes).toEqual([
      { kind: 'del', key: 'lock', cause: 'expired-passive' },
      { kind: 'set', key: 'lock', value: 'v2', expireAtMs: 21_001 },
    ]);
  });

  it.each([['0'], ['-1'], ['-10000']])(
    'R1: PX %s is refused with "ERR invalid expire time in \'set\' command" and stores nothing',
    (px) => {
      const keys = new Keyspace();
      const { reply, changes } = exec(keys, 1_000, ['SET', 'lock', 'v1', 'NX', 'PX', px]);
      expect(reply).toBe("(error) ERR invalid expire time in 'set' command");
      expect(keys.size).toBe(0);
      expect(changes).toEqual([]);
    },
  );

  it('R1: two clients race for the lock on one node: the first gets OK, the second nil until the key expires', () => {
    const result = runParts({
      nodes: [{ id: 'A', hz: 1 }],
      clients: [
        scriptClient('C1', [step(0, 'A', 'SET', 'lock', 'c1', 'NX', 'PX', '10000')]),
        scriptClient('C2', [
          step(5, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000'),
          step(10_000, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000'),
          step(10_001, 'A', 'SET', 'lock', 'c2', 'NX', 'PX', '10000'),
        ]),
      ],
    });
    // C1's SET reaches A at t=1 (A's clock reads 1): the key expires at 10001.
    expect(keyEvents(result.trace, 'A', 'lock')[0]).toBe('t=1 set lock=c1@10001 command');
    expect(repliesTo(result.trace, 'C1')).toEqual([{ t: 2, node: 'A', cmd: 'SET lock c1 NX PX 10000', reply: 'OK' }]);
    // At 10001 the key is still alive (strict expiry, R2); at 10002 it is gone and C2 wins.
    expect(replyTexts(result.trace, 'C2')).toEqual(['(nil)', '(nil)', 'OK']);
    expect(finalKeys(result, 'A')).toEqual(['lock=c2']);
  });
});

describe("R2 strict expiry on the node's wall clock, with now frozen for a command", () => {
  it('R2: a key is alive at exactly its expiry time and gone one millisecond later', () => {
    const keys = keyspaceWith({ k: { value: 'v', expireAtMs: 1_000 } });
    expect(exec(keys, 999, ['PTTL', 'k']).reply).toBe('(integer) 1');
    expect(exec(keys, 1_000, ['GET', 'k']).reply).toBe('"v"');
    expect(exec(keys, 1_000, ['PTTL', 'k']).reply).toBe('(integer) 0');
    expect(exec(keys, 1_000, ['EXISTS', 'k']).reply).toBe('(integer) 1');
    expect(exec(keys, 1_001, ['GET', 'k']).reply).toBe('(nil)');
    expect(keys.get('k')).toBeUndefined();
  });

  it('R2: one command sees one `now`: EXISTS on two keys with the same expiry counts both or neither', () => {
    const at = (nowMs: number) =>
      exec(keyspaceWith({ a: { value: '1', expireAtMs: 500 }, b: { value: '2', expireAtMs: 500 } }), nowMs, ['EXISTS', 'a', 'b']).reply;
    expect(at(500)).toBe('(integer) 2');
    expect(at(501)).toBe('(integer) 0');
  });

  it("R2: expiry is an absolute time on the node's wall clock, not true time (node clock 5 s ahead)", () => {
    const result = runParts({
      nodes: [{ id: 'A', hz: 1, clock: { offsetMs: 5_000 } }],
      clients: [
        scriptClient('C1', [step(0, 'A', 'SET', 'k', 'v', 'PX', '1000'), step(1_000, 'A', 'GET', 'k'), step(1_001, 'A', 'GET', 'k')]),
      ],
    });
    // The SET reaches A at true 1 = node 5001, so the key expires at node time 6001.
    expect(keyEvents(result.trace, 'A', 'k')[0]).toBe('t=1 set k=v@6001 command');
    expect(commandsOn(result.trace, 'A')).toEqual([
      { t: 1, nodeMs: 5_001, cmd: 'SET k v PX 1000', reply: 'OK' },
      { t: 1_001, nodeMs: 6_001, cmd: 'GET k', reply: '"v"' },
      { t: 1_002, nodeMs: 6_002, cmd: 'GET k', reply: '(nil)' },
    ]);
  });

  it("R2: a fast node clock (rate 2) ends a TTL in half the true time; the expiry is computed from the command's nodeMs", () => {
    const result = runParts({
      nodes: [{ id: 'A', hz: 1, clock: { offsetMs: 0, rate: 2 } }],
      clients: [scriptClient('C1', [step(0, 'A', 'SET', 'k', 'v', 'PX', '1000'), step(500, 'A', 'GET', 'k'), step(501, 'A', 'GET', 'k')])],
    });
    const cmds = commandsOn(result.trace, 'A');
    expect(cmds.map((c) => [c.t, c.nodeMs, c.reply])).toEqual([
      [1, 2, 'OK'],
      [501, 1_002, '"v"'],
      [502, 1_004, '(nil)'],
    ]);
    expect(keyEvents(result.trace, 'A', 'k')[0]).toBe('t=1 set k=v@1002 command');
  });
});

describe('R3 passive expiry on a master: delete on access, propagate DEL, answer missing', () => {
  it('R3: GET of an expired key on a master deletes it and sends DEL to the replica', () => {
    const result = runParts({
      // hz 1: the active cycle only runs at t=1000, so the GET at 300 is what finds the key expired.
      nodes: [
        { id: 'M', hz: 1 },
        { id: 'R', replicaOf: 'M' },
      ],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k', 'v', 'PX', '100'), step(300, 'M', 'GET', 'k')])],
      durationMs: 2_000,
    });
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '(nil)']);
    expect(keyEvents(result.trace, 'M', 'k')).toEqual(['t=1 set k=v@101 command', 't=301 del k expired-passive command']);
    // The replica never deleted it by itself; it applied the master's DEL 5 ms (the lag) later.
    expect(keyEvents(result.trace, 'R', 'k')).toEqual(['t=6 set k=v@101 replication', 't=306 del k expired-passive replication']);
    expect(finalKeys(result, 'R')).toEqual([]);
  });

  it('R3: any access (here EXISTS) answers missing and records the DEL the node then replicates and appends to its AOF', () => {
    const keys = keyspaceWith({ k: { value: 'v', expireAtMs: 100 } });
    const { reply, changes } = exec(keys, 101, ['EXISTS', 'k']);
    expect(reply).toBe('(integer) 0');
    expect(changes).toEqual([{ kind: 'del', key: 'k', cause: 'expired-passive' }]);
  });
});

describe('R4 active expiry on masters: every 1000/hz ms, no access needed', () => {
  const expiryRun = (hz: number) =>
    runParts({
      nodes: [
        { id: 'M', hz },
        { id: 'R', replicaOf: 'M' },
      ],
      // The key expires at node time 101 (gone from 102); nobody touches it again.
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k', 'v', 'PX', '100')])],
      durationMs: 3_000,
    });

  it.each([
    [10, 200],
    [1, 1_000],
    [100, 110],
  ])('R4: with hz %i an untouched expired key is deleted by the cycle at t=%i (within 1000/hz ms of expiring)', (hz, deletedAtMs) => {
    const result = expiryRun(hz);
    expect(keyEvents(result.trace, 'M', 'k')).toEqual(['t=1 set k=v@101 command', `t=${deletedAtMs} del k expired-active active-expiry`]);
    expect(deletedAtMs - 102).toBeLessThan(1000 / hz);
    // The DEL reaches the replica through replication.
    expect(keyEvents(result.trace, 'R', 'k')).toEqual([
      't=6 set k=v@101 replication',
      `t=${deletedAtMs + 5} del k expired-active replication`,
    ]);
  });

  it('R4: replicas never actively expire: cut off from its master, a replica keeps the expired key until the DEL arrives', () => {
    const result = runParts({
      nodes: [
        { id: 'M', hz: 10 },
        { id: 'R', replicaOf: 'M', hz: 500 },
      ],
      clients: [scriptClient('C1', [step(0, 'M', 'SET', 'k', 'v', 'PX', '100'), step(3_000, 'R', 'GET', 'k')])],
      timeline: [{ atMs: 50, kind: 'partition', groups: [['M'], ['R']], durationMs: 5_000 }],
      durationMs: 6_000,
    });
    expect(keyEvents(result.trace, 'M', 'k')).toEqual(['t=1 set k=v@101 command', 't=200 del k expired-active active-expiry']);
    // R answers nil by its own clock (R6) but deletes nothing for 5 s, whatever its hz.
    expect(replyTexts(result.trace, 'C1')).toEqual(['OK', '(nil)']);
    expect(keyEvents(result.trace, 'R', 'k')).toEqual([
      't=6 set k=v@101 replication',
      // At the heal (t=5050) the backlog is retransmitted and takes the 5 ms lag.
      't=5055 del k expired-active replication',
    ]);
  });

  it('R4: one cycle samples up to 20 keys from a cursor and stops when at most 10% of the sample was expired', () => {
    const keys = new Keyspace();
    for (let i = 0; i < 100; i++) keys.set(`k${i}`, 'v', i === 50 ? 100 : 1_000_000);
    const changes: Change[] = [];
    let cursor = 0;
    cursor = activeExpireCycle(keys, 200, cursor, changes); // keys 0..19
    cursor = activeExpireCycle(keys, 200, cursor, changes); // keys 20..39
    expect(changes).toEqual([]);
    cursor = activeExpireCycle(keys, 200, cursor, changes); // keys 40..59: finds k50
    expect(changes).toEqual([{ kind: 'del', key: 'k50', cause: 'expired-active' }]);
    expect(keys.size).toBe(99);
  });

  it('R4: when most of a sample is expired the cycle keeps looping and clears them all', () => {
    const keys = new Keyspace();
    for (let i = 0; i < 60; i++) keys.set(`k${i}`, 'v', 100);
    keys.set('keep', 'v', 1_000_000);
    const changes: Change[] = [];
    activeExpireCycle(keys, 200, 0, changes);
    expect(changes).toHaveLength(60);
    expect([...keys.entries.keys()]).toEqual(['keep']);
  });
});
