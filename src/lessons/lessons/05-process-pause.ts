import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 5: a stop-the-world pause after acquiring (Kleppmann) and during acquiring (antirez's re-check). */
export const processPauseLesson: Lesson = {
  id: 'process-pause',
  number: 5,
  title: 'The process pause',
  summary:
    'A GC pause after acquiring lets the lock expire under a client that still means to write; a pause during acquiring is caught by the validity check.',
  steps: [
    {
      id: 'careful-client',
      title: 'A careful client',
      text: paragraphs(
        'C1 takes the Redlock lock at 4 ms, valid until 9898 ms on its own clock. It works until 9000 ms and then, carefully, checks before writing to the storage: is there validity left? There is, about 900 ms. So it writes and releases.',
        'C2 starts at 10100 ms, takes the lock and writes too. This is the run without any fault.',
      ),
      sources: ['MK', 'DL'],
      scenario: { preset: 'gc-pause-after-acquire', drop: [0] },
      cursorMs: 9000,
      reveal: paragraphs(
        "C1's write reaches the storage at 9003 ms, C1 releases, and C2, which gets the lock at 10104 ms, writes at 10202 ms. One holder after the other, writes in order: safe.",
      ),
      claims: [{ kind: 'safe', value: true }, { kind: 'no-violation' }, { kind: 'no-stale-writes' }, { kind: 'acquisitions', count: 2 }],
      highlights: ['timeline', 'verdict'],
      select: 'C1',
    },
    {
      id: 'gc-pause-after-acquire',
      title: 'A GC pause between the check and the write',
      text: paragraphs(
        "Kleppmann's diagram: the same careful client, but right after its check, at 9001 ms, a stop-the-world garbage collection freezes C1 until 15000 ms. Pauses like this happen to real processes: GC, page faults, a SIGSTOP.",
        'While C1 is frozen its keys expire on the five masters (at 10002 ms), C2 takes the lock at 10104 ms and writes. When C1 wakes up it continues where it stopped: it sends the write it had already checked.',
      ),
      sources: ['MK', 'DL'],
      scenario: { preset: 'gc-pause-after-acquire' },
      cursorMs: 9000,
      prediction: {
        question: "Will the storage accept C1's late write?",
        yes: "Yes, it lands after C2's",
        no: 'No, it is refused',
        answer: { kind: 'stale-writes', min: 1 },
      },
      reveal: paragraphs(
        "Yes. C1 resumes at 15000 ms and its write reaches the storage at 15002 ms. The storage knows nothing about locks and accepts it — after C2's write at 10202 ms. The checker reports a stale write and calls the run unsafe.",
        "There is no exclusion violation by the checker's count: C1's validity ran out at 9898 ms on its own clock, while it was frozen. But C1 could not notice, and the check it made before writing could not help: the pause fell between the check and the write.",
      ),
      claims: [
        { kind: 'stale-writes', min: 1 },
        { kind: 'no-violation' },
        { kind: 'safe', value: false },
        { kind: 'acquisitions', count: 2 },
      ],
      highlights: ['timeline', 'verdict'],
      select: 'C1',
    },
    {
      id: 'gc-pause-during-acquire',
      title: 'A pause while acquiring',
      text: paragraphs(
        'Now the pause comes earlier. C1 sends SET NX PX 10000 to A–E at 0 ms, the keys are set at 2 ms, and at 3 ms C1 freezes until 15000 ms — the five OKs wait in its socket buffer.',
        'While C1 is frozen the keys expire, and at 10100 ms C2 asks and gets them. At 15000 ms C1 wakes up and reads five OKs: a majority.',
      ),
      sources: ['MK', 'AZ', 'DL'],
      scenario: { preset: 'gc-pause-during-acquire' },
      cursorMs: 0,
      prediction: {
        question: 'C1 wakes up holding five OKs. Will it believe it holds the lock?',
        yes: 'Yes, it has a majority',
        no: 'No, it backs off',
        answer: { kind: 'acquired', client: 'C1' },
      },
      reveal: paragraphs(
        'No. Redlock measures how long the attempt took on the client\'s own clock: "get the current time, again", then check whether it is already out of time. The attempt took 15000 ms, more than the 10000 ms TTL, so no validity is left: C1\'s attempt fails with no-validity, and it never holds the lock.',
        "C1 unlocks all instances with compare-and-delete, which leaves C2's keys alone because the values differ. C2 holds the lock from 10104 ms. Safe. This is antirez's answer: a delay during acquisition is harmless. A client that skips the re-check — node-redlock v5 does — would return a lock that had already expired.",
      ),
      claims: [
        { kind: 'attempt-failed', client: 'C1', reason: 'no-validity' },
        { kind: 'never-acquired', client: 'C1' },
        { kind: 'acquired', client: 'C2' },
        { kind: 'no-violation' },
        { kind: 'safe', value: true },
      ],
      highlights: ['statechart', 'timeline'],
      select: 'C1',
    },
    {
      id: 'where-the-check-helps',
      title: 'Where a check helps, and where it cannot',
      text: paragraphs(
        "Put the two runs side by side. A pause before the client has decided it holds the lock is caught: the re-check after acquiring counts the pause as part of the attempt. A pause after the last check is not caught by anything on the client's side, because the client does not run while it is paused.",
        "Kleppmann's conclusion is that a lock with a timeout needs help from the resource it protects: the storage itself must refuse the late write. Lesson 8 shows how.",
      ),
      sources: ['MK', 'AZ', 'DL'],
      scenario: { preset: 'gc-pause-after-acquire' },
      cursorMs: 9001,
      reveal: paragraphs(
        "Back in the pause-after-acquiring run: C1 acquired at 4 ms and passed its check, and the checker still finds its late write accepted after C2's. No re-check on C1's side could have stopped it.",
      ),
      claims: [
        { kind: 'acquired', client: 'C1' },
        { kind: 'stale-writes', min: 1 },
        { kind: 'safe', value: false },
      ],
      highlights: ['verdict'],
      select: 'C1',
    },
  ],
};
