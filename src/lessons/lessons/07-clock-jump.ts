import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 7: a wall-clock jump on one Redlock master expires the holder's key early. */
export const clockJumpLesson: Lesson = {
  id: 'clock-jump',
  number: 7,
  title: 'The clock jump on one node',
  summary:
    "Redis expires keys by the wall clock. A jump forward on one master drops the holder's key, and a second client can win a majority.",
  steps: [
    {
      id: 'partitioned-but-safe',
      title: 'Two clients, two sides',
      text: paragraphs(
        'Five masters, and a network cut in two places: C1 cannot reach D and E, C2 cannot reach A and B. Only C can talk to both clients.',
        'At 0 ms C1 locks A, B and C — three of five, a majority — valid until 9898 ms. At 1100 ms C2 asks C, D and E.',
      ),
      sources: ['DL'],
      scenario: { preset: 'clock-jump', drop: [2] },
      cursorMs: 0,
      prediction: {
        question: 'C2 can reach C, D and E. Will it get the lock?',
        yes: 'Yes',
        no: 'No',
        answer: { kind: 'acquired', client: 'C2' },
      },
      reveal: paragraphs(
        "No. C still holds C1's key, so C2 gets only D and E: two votes. Its attempts fail with no-quorum and it gives up at 1760 ms. C1 keeps the lock until it releases at 5006 ms. Safe — this is what the majority is for: two majorities of five always share a node.",
      ),
      claims: [
        { kind: 'never-acquired', client: 'C2' },
        { kind: 'attempt-failed', client: 'C2', reason: 'no-quorum' },
        { kind: 'acquisitions', count: 1 },
        { kind: 'safe', value: true },
      ],
      highlights: ['topology'],
      select: 'C',
    },
    {
      id: 'jump-the-clock',
      title: "Jump C's clock",
      text: paragraphs(
        "That shared node is C. Its key for C1 expires at 10002 ms on C's clock — and Redis reads the wall clock for expiry, not a monotonic one. An NTP step or an operator fixing the time moves that clock.",
        "Move C's clock 10 seconds forward before C2 asks at 1100 ms.",
      ),
      sources: ['EXP', 'DL', 'SRC'],
      scenario: { preset: 'clock-jump', drop: [2] },
      cursorMs: 1000,
      action: {
        prompt:
          'Jump node C\'s clock: type 1000 in the cursor time field and press Enter, then press "+10 s" on node C\'s card in the topology (or choose "Jump a clock" in the fault bar\'s Fault select, Clock of C, Jump 10000, and press "Inject at 1,000 ms"). Any time after C1 has its lock (4 ms) and before C2 asks (1100 ms) will do.',
        kind: 'clock-jump',
        target: 'C',
        atMsMin: 3,
        atMsMax: 1099,
        example: { atMs: 1000, kind: 'clock-jump', process: 'C', deltaMs: 10000 },
      },
      prediction: {
        question: 'Will C2 now get the lock while C1 still holds it?',
        yes: 'Yes, both will hold it',
        no: 'No, C still protects C1',
        answer: { kind: 'violation', clients: ['C1', 'C2'] },
      },
      reveal: paragraphs(
        "Yes. The moment C's clock reads more than 10002 ms, C1's key on C is expired and deleted. At 1100 ms C2 finds C, D and E free and holds the lock from 1104 ms — while C1, which knows nothing of it, holds A and B and believes it holds the lock until it releases at 5006 ms.",
        "The checker reports an exclusion violation between C1 and C2, and stale writes: C1's writes reach the storage after C2's.",
      ),
      claims: [
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'stale-writes', min: 1 },
        { kind: 'safe', value: false },
      ],
      highlights: ['faults', 'topology', 'verdict'],
      select: 'C',
    },
    {
      id: 'rate-versus-jump',
      title: 'Drift is allowed; jumps are not',
      text: paragraphs(
        "The preset runs the same jump at 1000 ms. Redlock's drift allowance (1% of the TTL plus 2 ms) covers clocks that run at slightly different rates. A jump is not a rate error: 10 seconds vanish at once.",
        "antirez's position: Redlock needs only a bounded rate error, and clock jumps should be avoided operationally. Kleppmann's: Redis expires keys with gettimeofday, so the lock's safety depends on every node's wall clock behaving, which nobody can promise. The Redlock page itself warns that wall-clock shifts can let two processes acquire the lock.",
      ),
      sources: ['MK', 'AZ', 'DL', 'EXP'],
      scenario: { preset: 'clock-jump' },
      cursorMs: 1000,
      reveal: paragraphs(
        "The jump on C at 1000 ms, C1's key on C deleted at once, C2's lock from 1104 ms with C, D and E: exclusion violation C1/C2 from 1104 ms until C2 releases at 3106 ms. C1's two writes, at 2507 and 5008 ms, both land after C2's first write at 2107 ms: two stale writes.",
      ),
      claims: [
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'stale-writes', min: 2 },
        { kind: 'safe', value: false },
      ],
      highlights: ['verdict', 'timeline'],
    },
  ],
};
