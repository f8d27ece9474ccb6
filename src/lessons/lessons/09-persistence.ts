import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 9: a Redlock master that restarts and forgets its keys; AOF everysec, AOF always, delayed restarts. */
export const persistenceLesson: Lesson = {
  id: 'persistence',
  number: 9,
  title: 'Crashes and persistence',
  summary:
    'A master that restarts without its keys can vote for a second holder. What AOF everysec, AOF always and delayed restarts change.',
  steps: [
    {
      id: 'restart-empty',
      title: 'A restart without persistence',
      text: paragraphs(
        'The two partitions of lesson 7 again: C1 cannot reach D and E, C2 cannot reach A and B. At 0 ms C1 locks A, B and C, valid until 9898 ms.',
        'At 900 ms node C loses power and restarts at 1500 ms. Its persistence is off, so it comes back with an empty dataset. At 1600 ms C2 asks C, D and E.',
      ),
      sources: ['DL', 'PERS', 'MK'],
      scenario: { preset: 'restart-no-persistence' },
      cursorMs: 0,
      prediction: {
        question: 'Will C2 get the lock while C1 still holds it?',
        yes: 'Yes, both will hold it',
        no: 'No, C2 gets only two votes',
        answer: { kind: 'violation', clients: ['C1', 'C2'] },
      },
      reveal: paragraphs(
        "Yes. C lost C1's key in the crash and restarted empty, so C2 gets C, D and E — a majority — and holds the lock from 1604 ms, while C1 holds A and B and believes it holds the lock until 5006 ms.",
        "Exclusion violation C1/C2, and C1's last write lands after C2's. The Redlock page describes exactly this case: an instance that forgets its keys can give the same lock twice.",
      ),
      claims: [
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'stale-writes', min: 1 },
        { kind: 'safe', value: false },
      ],
      highlights: ['topology', 'verdict'],
      select: 'C',
    },
    {
      id: 'aof-everysec',
      title: 'AOF, fsync every second',
      text: paragraphs(
        'Turn on the append-only file. Its default fsync policy is everysec: the log reaches the disk about once a second, and Redis\'s own documentation says this "may lose 1 second of data".',
        "Same crash at 900 ms. In this model a node fsyncs at each whole second of its uptime, so C's first fsync would come at 1000 ms.",
      ),
      sources: ['PERS', 'DL'],
      scenario: { preset: 'restart-aof-everysec' },
      cursorMs: 0,
      prediction: {
        question: 'With AOF everysec, will C2 still get the lock while C1 holds it?',
        yes: 'Yes, the key was not on disk yet',
        no: 'No, C reloads the key',
        answer: { kind: 'violation', clients: ['C1', 'C2'] },
      },
      reveal: paragraphs(
        "Yes. A and B fsync at 1000 ms, but C lost power at 900 ms, before its first fsync: C1's SET never reached C's disk. C restarts without the key and the story is the one without persistence: C2 holds the lock from 1604 ms, exclusion violation C1/C2.",
        'A clean shutdown would have written the file first; a power loss does not wait.',
      ),
      claims: [
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'safe', value: false },
      ],
      highlights: ['topology', 'verdict'],
      select: 'C',
    },
    {
      id: 'aof-always',
      title: 'AOF, fsync always',
      text: paragraphs(
        'With appendfsync always, Redis writes each command to disk before it replies. The Redlock page names this as the fix for crash-recovery, at the cost of an fsync per write.',
        'Same crash, same restart.',
      ),
      sources: ['DL', 'PERS', 'AZ'],
      scenario: { preset: 'restart-aof-always' },
      cursorMs: 0,
      reveal: paragraphs(
        "C reloads C1's key at its restart at 1500 ms, with its absolute expiry of 10002 ms: the TTL kept running while C was down. C2 gets only D and E — two votes — on every attempt, fails with no-quorum and gives up at 2362 ms without ever holding the lock.",
        'Safe: one acquisition, no overlap.',
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'no-violation' },
        { kind: 'never-acquired', client: 'C2' },
        { kind: 'attempt-failed', client: 'C2', reason: 'no-quorum' },
        { kind: 'acquisitions', count: 1 },
      ],
      highlights: ['topology', 'verdict'],
      select: 'C',
    },
    {
      id: 'delayed-restart',
      title: 'A delayed restart',
      text: paragraphs(
        "antirez's alternative to an fsync per write: no persistence at all, but a crashed node stays down a bit longer than the longest TTL, so that every lock it could have voted for has expired when it comes back.",
        'Here C may not restart before 10200 ms after its crash. It crashes at 900 ms, so the restart asked for at 1500 ms waits until 11100 ms.',
      ),
      sources: ['DL', 'AZ'],
      scenario: { preset: 'delayed-restart' },
      cursorMs: 0,
      prediction: {
        question: 'C comes back empty, but only at 11100 ms. Will C2 hold the lock at the same time as C1?',
        yes: 'Yes',
        no: 'No',
        answer: { kind: 'violation', clients: ['C1', 'C2'] },
      },
      reveal: paragraphs(
        "No. While C is down, C2 gets only D and E and fails with two votes, again and again. C1 releases at 5006 ms. C restarts empty at 11100 ms, when C1's lock is long gone, and C2 gets C, D and E at 11330 ms.",
        "Safe, two acquisitions. The price is availability: from C1's release at 5006 ms to 11330 ms nobody could take the lock.",
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'no-violation' },
        { kind: 'attempt-failed', client: 'C2', reason: 'no-quorum' },
        { kind: 'acquired', client: 'C2' },
        { kind: 'acquisitions', count: 2 },
      ],
      highlights: ['topology', 'timeline'],
      select: 'C',
    },
  ],
};
