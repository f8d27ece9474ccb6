import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 8: fencing tokens and antirez's check-and-set protect the storage; where each answer to the critique holds. */
export const fencingLesson: Lesson = {
  id: 'fencing',
  number: 8,
  title: 'Fencing: let the storage say no',
  summary:
    'Fencing tokens and check-and-set on the lock value make the storage refuse a late write; the validity re-check covers acquisition only. What each answer fixes, and what it does not.',
  steps: [
    {
      id: 'fencing-token',
      title: 'A fencing token',
      text: paragraphs(
        'Back to the GC pause of lesson 5: C1 checks its validity at 9000 ms, freezes from 9001 ms to 15000 ms, and then sends its write — after C2 has taken the lock and written.',
        'Kleppmann\'s fix: every acquisition comes with a fencing token, a number that grows with each acquisition (in his diagram 33, then 34; here C1 gets 1 and C2 gets 2). Every write carries its token, and the storage refuses a token lower than the highest it has seen. The Redlock page agrees: "you should implement fencing tokens". Redlock\'s random value cannot serve as one: it does not grow.',
      ),
      sources: ['MK', 'DL'],
      scenario: { preset: 'gc-pause-after-acquire', fencing: 'token' },
      cursorMs: 9000,
      prediction: {
        question: "Same pause, now with fencing tokens. Will the storage accept C1's late write?",
        yes: 'Yes, it still lands',
        no: 'No, it is refused',
        answer: { kind: 'stale-writes', min: 1 },
      },
      reveal: paragraphs(
        "No. C2's write with token 2 is accepted at 10202 ms. C1's write with token 1 arrives at 15002 ms; the storage has seen 2 and refuses it (token too old).",
        'The run is safe, with one fencing rejection. Nothing changed on the lock side: C1 was still paused and still wrote. The storage simply no longer trusts a holder that may be out of date.',
      ),
      claims: [{ kind: 'fencing-rejections', min: 1 }, { kind: 'no-stale-writes' }, { kind: 'safe', value: true }],
      highlights: ['verdict', 'timeline'],
      select: 'C1',
    },
    {
      id: 'check-and-set',
      title: "antirez's check-and-set",
      text: paragraphs(
        'antirez answered that the random lock value can do the job if the storage supports check-and-set: when a client gets the lock, it first marks the resource with its lock value; later it writes only if the resource still carries that value.',
        'The same pause, with fencing set to cas.',
      ),
      sources: ['AZ', 'MK'],
      scenario: { preset: 'gc-pause-after-acquire', fencing: 'cas' },
      cursorMs: 9000,
      reveal: paragraphs(
        "C1 claims the storage with its value at 6 ms. C2, after acquiring at 10104 ms, claims it with its own value at 10106 ms and writes at 10202 ms. C1's write at 15002 ms no longer matches the value on the storage and is refused (value mismatch).",
        'Safe, one fencing rejection. It works here because the storage can compare and set atomically, and because C2 claimed the resource before C1 woke up.',
      ),
      claims: [{ kind: 'fencing-rejections', min: 1 }, { kind: 'no-stale-writes' }, { kind: 'safe', value: true }],
      highlights: ['verdict', 'timeline'],
      select: 'C1',
    },
    {
      id: 'fencing-and-watchdog',
      title: 'Fencing behind an auto-extended lock',
      text: paragraphs(
        'An auto-extending lock (lesson 10) does not save a paused process: the watchdog is paused with it. Here C1 is frozen from 9000 ms to 20000 ms, its extension never runs, C2 takes the lock and writes, and C1 sends its write when it wakes up.',
        'With fencing tokens on, the storage has the last word.',
      ),
      sources: ['MK', 'NR5', 'RD', 'DL'],
      scenario: { preset: 'watchdog-renewal-paused', fencing: 'token' },
      cursorMs: 9000,
      reveal: paragraphs(
        'C2 holds the lock from 10104 ms and its writes with token 2 are accepted at 12607 and 15108 ms. C1 wakes at 20000 ms and its write with token 1 arrives at 20003 ms: refused. Safe, one fencing rejection, no stale write.',
      ),
      claims: [{ kind: 'fencing-rejections', min: 1 }, { kind: 'no-stale-writes' }, { kind: 'safe', value: true }],
      highlights: ['verdict'],
      select: 'C1',
    },
    {
      id: 'fencing-and-clock-jump',
      title: 'Fencing does not stop two holders',
      text: paragraphs(
        "The clock jump of lesson 7, with fencing tokens: C's clock jumps 10 s forward at 1000 ms, C1's key on C expires, and C2 wins C, D and E while C1 still holds A and B.",
        'Fencing works at the storage. It cannot stop two clients from believing they hold the lock at the same time.',
      ),
      sources: ['MK', 'AZ', 'DL'],
      scenario: { preset: 'clock-jump', fencing: 'token' },
      cursorMs: 1000,
      reveal: paragraphs(
        "C1 and C2 both hold the lock from 1104 ms to 3106 ms: the exclusion violation is still there, and the checker still calls the run unsafe. But the storage is protected: C2's write with token 2 comes first, and both of C1's writes with token 1, at 2507 and 5008 ms, are refused. No stale write.",
        'So fencing protects the resource that checks the tokens; anything else the two holders do — sending emails, calling another service — is not protected.',
      ),
      claims: [
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'safe', value: false },
        { kind: 'no-stale-writes' },
        { kind: 'fencing-rejections', min: 2 },
      ],
      highlights: ['verdict', 'timeline'],
    },
    {
      id: 'where-each-answer-holds',
      title: 'Where each answer holds',
      text: paragraphs(
        "antirez's first answer, the validity re-check after acquiring, catches a pause or a delay during acquisition (lesson 5): the client sees that the attempt outlasted the TTL and backs off. It cannot catch anything after the check.",
        'Fencing tokens and check-and-set catch late writes, whatever made them late: a pause, a network delay, a clock jump. They need a storage that checks. The delayed packet of lesson 6, with check-and-set, is a last example: the client did nothing wrong and no client-side check could have helped.',
      ),
      sources: ['AZ', 'MK', 'DL'],
      scenario: { preset: 'delayed-write', fencing: 'cas' },
      cursorMs: 9000,
      reveal: paragraphs(
        "C1's write, held 90 s by the network, arrives at 99002 ms; C2 claimed the storage with its value at 10106 ms, so C1's write no longer matches and is refused. Safe, one fencing rejection, no stale write.",
      ),
      claims: [{ kind: 'fencing-rejections', min: 1 }, { kind: 'no-stale-writes' }, { kind: 'safe', value: true }],
      highlights: ['verdict'],
    },
  ],
};
