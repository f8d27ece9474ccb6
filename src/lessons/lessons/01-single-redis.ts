import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 1: a lock on one Redis node, done right (SET NX PX + compare-and-delete), and the two classic mistakes. */
export const singleRedisLesson: Lesson = {
  id: 'single-redis',
  number: 1,
  title: 'A lock on one Redis',
  summary:
    'SET NX PX with a random value, released with compare-and-delete — and the two classic mistakes: SETNX then EXPIRE, and DEL without checking the owner.',
  steps: [
    {
      id: 'set-nx-px',
      title: 'One command: SET NX PX',
      text: paragraphs(
        'The simplest Redis lock is one key. A client runs SET lock <random value> NX PX 10000: NX means "only if the key does not exist yet", PX 10000 gives the key a time to live of 10 seconds. If the answer is OK, the client holds the lock; if it is nil, someone else does.',
        'The time to live is the safety net: if the holder dies, the key disappears on its own and the lock becomes free again. The random value says who owns the key; we will need it to release the lock safely.',
        'In this run there is one node, A, and two clients. C1 sends its SET at 0 ms and crashes at 3 ms, right after A has created the key. C2 starts asking at 1 s and tries again every second.',
      ),
      sources: ['SET', 'DL', 'RIA'],
      scenario: { preset: 'set-nx-px-crash' },
      cursorMs: 0,
      prediction: {
        question: 'C1 dies holding the key and will never release it. Will C2 ever get the lock?',
        yes: 'Yes, eventually',
        no: 'No, the lock is stuck',
        answer: { kind: 'acquired', client: 'C2' },
      },
      reveal: paragraphs(
        "Yes. The key on A was created with its expiry (10002 ms on A's clock) in the same command, so the crash of C1 at 3 ms cannot leave it behind forever. C2 is refused on every attempt while the key lives; at 10038 ms A finds the key expired, and C2 gets the lock at 10040 ms.",
        "Nobody ever held the lock twice, and the lock is not stuck. The price of C1's crash is about 9 seconds in which nobody could take the lock: the TTL.",
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'deadlocked', value: false },
        { kind: 'never-acquired', client: 'C1' },
        { kind: 'acquired', client: 'C2' },
        { kind: 'acquisitions', count: 1 },
      ],
      highlights: ['topology', 'timeline'],
      select: 'C2',
    },
    {
      id: 'setnx-then-expire',
      title: 'Mistake 1: SETNX, then EXPIRE',
      text: paragraphs(
        'Many older blog posts build the lock from two commands: SETNX lock 1 to create the key, then EXPIRE lock 10 in a second round trip to give it a time to live.',
        'Redis in Action names the danger: "the worst place for it to crash … is between SETNX and EXPIRE". This run has the same crash as before: C1\'s SETNX reaches A at 2 ms and creates the key, and C1 crashes at 3 ms, before its reply arrives — so the EXPIRE is never sent.',
      ),
      sources: ['RIA', 'SET'],
      scenario: { preset: 'setnx-expire-crash' },
      cursorMs: 0,
      prediction: {
        question: 'Same crash, but the key was created by SETNX without a TTL. Will C2 ever get the lock?',
        yes: 'Yes, eventually',
        no: 'No, the lock is stuck',
        answer: { kind: 'acquired', client: 'C2' },
      },
      reveal: paragraphs(
        'No. The key on A has no expiry at all, and its owner C1 is gone. Nothing will ever delete it: every SETNX of C2 from 1 s on answers 0 (its attempts fail as refused), and C2 gives up at 16064 ms. Nobody acquired the lock in the whole run.',
        'The checker calls the run safe — nobody ever held the lock twice — but deadlocked: a liveness failure. The fix is the single atomic SET lock value NX PX 10000 of the previous step.',
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'deadlocked', value: true },
        { kind: 'never-acquired', client: 'C2' },
        { kind: 'attempt-failed', client: 'C2', reason: 'refused' },
        { kind: 'acquisitions', count: 0 },
      ],
      highlights: ['verdict', 'timeline'],
      select: 'C2',
    },
    {
      id: 'del-without-owner-check',
      title: 'Mistake 2: releasing with a plain DEL',
      text: paragraphs(
        'Now the lock is taken correctly with SET NX PX 10000, but released with DEL lock, without looking at whose key it is.',
        'C1 takes the lock at 4 ms and then stalls: it is paused from 100 ms to 12000 ms. Its key expires at 10002 on A. At 10500 ms C2 takes the lock with its own value and starts 3 s of work. C3 starts polling at 11000 ms. At 12000 ms C1 wakes up, finishes and releases its lock — with DEL.',
      ),
      sources: ['DL', 'SET'],
      scenario: { preset: 'del-without-owner-check' },
      cursorMs: 11000,
      prediction: {
        question: 'C1 wakes up at 12000 ms and sends DEL lock. Will C3 get the lock while C2 is still working?',
        yes: 'Yes, C2 and C3 will both hold it',
        no: 'No, C3 waits for C2',
        answer: { kind: 'violation', clients: ['C2', 'C3'] },
      },
      reveal: paragraphs(
        "Yes. At 12002 ms C1's DEL reaches A and deletes the key — but the key holds C2's value, not C1's. C3's next poll finds the lock free and C3 acquires it at 12044 ms, while C2 is still in its critical section until 13505 ms.",
        'The checker reports an exclusion violation between C2 and C3, and a stale write: C2\'s write reaches the storage at 13507 ms, after C3\'s write at 13047 ms. The random value exists exactly for this: "remove the key only if it exists and the value is the one I expect".',
      ),
      claims: [
        { kind: 'safe', value: false },
        { kind: 'violation', clients: ['C2', 'C3'] },
        { kind: 'stale-writes', min: 1 },
        { kind: 'acquisitions', count: 3 },
      ],
      highlights: ['verdict', 'timeline'],
      select: 'C1',
    },
    {
      id: 'compare-and-delete',
      title: 'The fix: compare-and-delete',
      text: paragraphs(
        'The Redlock page releases a lock with a small Lua script that runs atomically on the node: if redis.call("get",KEYS[1]) == ARGV[1] then return redis.call("del",KEYS[1]) else return 0 end.',
        'Same timeline as before: C1 paused from 100 ms to 12000 ms, C2 holding the lock from 10.5 s, C3 polling from 11 s. Only the release is different.',
      ),
      sources: ['DL', 'SET', 'EVAL'],
      scenario: { preset: 'cad-with-owner-check' },
      cursorMs: 11000,
      reveal: paragraphs(
        "At 12002 ms C1's script finds C2's value in the key, answers 0 and deletes nothing. C3 keeps being refused until C2 releases at 13505 ms, and gets the lock at 13604 ms.",
        "The run is safe: no two clients held the lock at once and no stale write reached the storage. C1's own lease ran out at 9898 ms while it was paused, and here C1 writes nothing; a paused holder that does write after waking up is a different problem, which lesson 5 takes up.",
      ),
      claims: [{ kind: 'safe', value: true }, { kind: 'no-violation' }, { kind: 'no-stale-writes' }, { kind: 'acquisitions', count: 3 }],
      highlights: ['verdict', 'timeline'],
      select: 'C1',
    },
  ],
};
