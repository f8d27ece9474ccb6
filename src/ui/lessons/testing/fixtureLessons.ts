import type { Lesson } from '../../../lessons/model.ts';

/**
 * Three small lessons on two presets, for the lesson player's tests and as the page's
 * lessons when the real ones (src/lessons/lessons/) are not there: a failover that loses
 * the lock once the learner kills the master, and fencing against a late write.
 */
export const FIXTURE_LESSONS: readonly Lesson[] = [
  {
    id: 'failover',
    number: 1,
    title: 'A failover can lose the lock',
    summary: 'One master, one replica, Sentinel: kill the master before the key is replicated.',
    steps: [
      {
        id: 'setup',
        title: 'A master, its replica and Sentinel',
        text: 'C1 locks the master M with SET NX PX. The key reaches the replica R about a second later.\n\nC2 polls every 500 ms and is refused until C1 releases.',
        sources: ['DL', 'REPL'],
        scenario: { preset: 'failover-happy-path' },
        cursorMs: 0,
        reveal: 'Without faults the run is safe: C2 only gets the lock after C1 releases it.',
        claims: [{ kind: 'no-violation' }, { kind: 'acquired', client: 'C1' }, { kind: 'acquired', client: 'C2' }],
        highlights: ['topology', 'timeline'],
      },
      {
        id: 'kill',
        title: 'Kill the master before it replicates',
        text: 'Replication is asynchronous: for about a second, only M has C1’s key.',
        sources: ['DL', 'SEN'],
        scenario: { preset: 'failover-happy-path' },
        cursorMs: 300,
        action: {
          prompt: 'Kill the master now, before 900 ms (Faults → Kill the master).',
          kind: 'kill-master',
          atMsMax: 900,
          example: { atMs: 300, kind: 'kill-master', restartAfterMs: null },
        },
        prediction: {
          question: 'Will C2 get the lock while C1 still believes it holds it?',
          yes: 'Yes, both will hold it',
          no: 'No, the lock survives',
          answer: { kind: 'violation', clients: ['C1', 'C2'] },
        },
        reveal: 'Sentinel promotes R, which never saw C1’s key, and C2 acquires while C1 still holds: two holders.',
        claims: [{ kind: 'failover' }, { kind: 'violation', clients: ['C1', 'C2'] }],
        highlights: ['timeline', 'verdict'],
        select: 'C2',
      },
    ],
  },
  {
    id: 'fencing',
    number: 2,
    title: 'Fencing tokens stop a late write',
    summary: 'A GC pause outlasts the lease; the storage decides.',
    steps: [
      {
        id: 'no-fencing',
        title: 'A pause after the validity check',
        text: 'C1 checks that its lock is still valid, then a GC pause stops it for six seconds.\n\nThe keys expire and C2 takes the lock.',
        sources: ['MK', 'AZ'],
        scenario: { preset: 'gc-pause-after-acquire' },
        cursorMs: 9000,
        prediction: {
          question: 'Will the storage accept C1’s write after the pause?',
          yes: 'Yes, it lands after C2’s',
          no: 'No, it is refused',
          answer: { kind: 'stale-writes', min: 1 },
        },
        reveal: 'Without fencing, the storage accepts C1’s older write after C2’s: a stale write.',
        claims: [
          { kind: 'safe', value: false },
          { kind: 'stale-writes', min: 1 },
        ],
        highlights: ['timeline', 'verdict'],
        select: 'C1',
      },
      {
        id: 'token',
        title: 'The same run with fencing tokens',
        text: 'Each acquisition gets a higher token; the storage remembers the highest it has seen.',
        sources: ['MK'],
        scenario: { preset: 'gc-pause-after-acquire', fencing: 'token' },
        cursorMs: 9000,
        reveal: 'The storage has seen C2’s token and rejects C1’s lower one.',
        claims: [
          { kind: 'safe', value: true },
          { kind: 'fencing-rejections', min: 1 },
        ],
        highlights: ['verdict'],
      },
      {
        id: 'pause-yourself',
        title: 'Pause C1 yourself',
        text: 'This time there is no pause in the scenario. Make one.',
        sources: ['MK'],
        scenario: { preset: 'gc-pause-after-acquire', drop: [0] },
        cursorMs: 9001,
        action: {
          prompt: 'Pause C1 for at least 5 s at about 9001 ms (Faults → Pause a client).',
          kind: 'pause-client',
          target: 'C1',
          durationMsMin: 5000,
          example: { atMs: 9001, kind: 'pause-client', client: 'C1', durationMs: 5999 },
        },
        reveal: 'Your pause has the same effect: C1 writes after C2, and nothing stops it.',
        claims: [{ kind: 'stale-writes', min: 1 }],
        highlights: ['faults', 'timeline'],
      },
    ],
  },
];
