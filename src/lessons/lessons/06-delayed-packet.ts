import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 6: a write held by the network past the lock's lifetime (Kleppmann's delayed packet). */
export const delayedPacketLesson: Lesson = {
  id: 'delayed-packet',
  number: 6,
  title: 'The delayed network packet',
  summary:
    'A client that does everything right can still have its write land long after its lock is gone, if the network holds the packet.',
  steps: [
    {
      id: 'nothing-wrong',
      title: 'A client that does everything right',
      text: paragraphs(
        'C1 holds the lock from 4 ms. Just before 9000 ms it checks its validity (plenty left); at 9000 ms it sends its write to the storage and releases the lock. C2 starts at 10100 ms, takes the lock and writes too.',
        'No process pauses here, no clock trouble, no crash. The only thing left that could go wrong is the network between C1 and the storage.',
      ),
      sources: ['MK'],
      scenario: { preset: 'delayed-write', drop: [0] },
      cursorMs: 8990,
      reveal: paragraphs(
        "Without trouble on the network, C1's write, sent at 9000 ms, arrives at 9002 ms, and C2's at 10202 ms. Writes in order, never two holders: safe.",
      ),
      claims: [{ kind: 'safe', value: true }, { kind: 'no-violation' }, { kind: 'no-stale-writes' }],
      highlights: ['timeline'],
      select: 'C1',
    },
    {
      id: 'delay-the-write',
      title: 'Hold the packet',
      text: paragraphs(
        'Networks lose and delay packets; Kleppmann cites a GitHub incident in which packets were delayed by about 90 seconds. Make the link from C1 to the storage slow just when C1 sends its write.',
      ),
      sources: ['MK'],
      scenario: { preset: 'delayed-write', drop: [0] },
      cursorMs: 8990,
      action: {
        prompt:
          'Delay C1\'s write: type 8990 in the cursor time field and press Enter, choose "Delay messages on a link" in the fault bar\'s Fault select, set From to C1 and To to storage, keep the default Delay (10000 ms) and Duration (10000 ms), and press "Inject at 8,990 ms".',
        kind: 'link-delay',
        target: 'C1',
        atMsMin: 8000,
        atMsMax: 8999,
        durationMsMin: 1001,
        example: { atMs: 8990, kind: 'link-delay', from: 'C1', to: 'storage', extraMs: 10000, durationMs: 10000 },
      },
      prediction: {
        question: "C1 released the lock at 9000 ms, before C2 took it. Will the storage accept C1's delayed write after C2's?",
        yes: 'Yes, a stale write',
        no: 'No, it is safe',
        answer: { kind: 'stale-writes', min: 1 },
      },
      reveal: paragraphs(
        "Yes. C1's write, sent at 9000 ms, is held by the network and arrives after C2's write at 10202 ms (at 19002 ms with a 10 s delay). The storage accepts it: a stale write, and the run is unsafe.",
        "Yet no two clients ever held the lock at the same time: C1 released before C2 acquired. No check on C1's side could catch this — C1 did everything right.",
      ),
      claims: [{ kind: 'stale-writes', min: 1 }, { kind: 'no-violation' }, { kind: 'safe', value: false }],
      highlights: ['faults', 'timeline', 'verdict'],
      select: 'C1',
    },
    {
      id: 'ninety-seconds',
      title: 'Ninety seconds',
      text: paragraphs(
        "The preset does the same with Kleppmann's number: from 8990 ms the link from C1 to the storage adds 90000 ms to every message for one second, so the write C1 sends at 9000 ms is due at about 99 s.",
      ),
      sources: ['MK', 'AZ'],
      scenario: { preset: 'delayed-write' },
      cursorMs: 9000,
      reveal: paragraphs(
        "C1 releases at 9000 ms; C2 holds the lock from 10104 ms and writes at 10202 ms. C1's write finally lands at 99002 ms, and the storage accepts it, long after C2's. One stale write, no exclusion violation, unsafe.",
      ),
      claims: [
        { kind: 'stale-writes', min: 1 },
        { kind: 'no-violation' },
        { kind: 'safe', value: false },
        { kind: 'acquisitions', count: 2 },
      ],
      highlights: ['timeline', 'verdict'],
    },
    {
      id: 'storage-must-refuse',
      title: 'Only the storage can refuse it',
      text: paragraphs(
        'If the client cannot prevent the late write, the storage has to refuse it. Switch the run to fencing tokens: every acquisition gets a number one higher than the last (here C1 gets 1 and C2 gets 2), every write carries its token, and the storage refuses a token lower than one it has already seen.',
      ),
      sources: ['MK', 'DL'],
      scenario: { preset: 'delayed-write', fencing: 'token' },
      cursorMs: 10000,
      reveal: paragraphs(
        "C2's write with token 2 is accepted at 10202 ms. When C1's write with token 1 arrives at 99002 ms, the storage has already seen 2 and refuses it. No stale write: the run is safe, with one fencing rejection. Lesson 8 looks at fencing more closely.",
      ),
      claims: [{ kind: 'fencing-rejections', min: 1 }, { kind: 'no-stale-writes' }, { kind: 'safe', value: true }],
      highlights: ['verdict'],
    },
  ],
};
