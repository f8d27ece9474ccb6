import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 10: a watchdog extends the lock while the process runs — and does nothing while it is paused. */
export const autoExtensionLesson: Lesson = {
  id: 'auto-extension',
  number: 10,
  title: 'Auto-extension and its limits',
  summary: 'A watchdog extends the lock before it runs out, so long work can keep a short TTL. A paused process cannot extend anything.',
  steps: [
    {
      id: 'watchdog',
      title: 'A watchdog keeps the lock',
      text: paragraphs(
        "C1 needs the lock for 25 s, but the TTL is 10 s. Instead of a long TTL (which would keep the lock stuck for long if C1 died), it runs a watchdog, as node-redlock's using() and Redisson's lock watchdog do.",
        "500 ms before its validity ends, the watchdog runs a compare-and-extend script on all five masters: reset the TTL to 10000 ms if the key still holds C1's value. A majority of successes extends the validity. C2 starts asking at 10.1 s.",
      ),
      sources: ['NR5', 'RD', 'DL'],
      scenario: { preset: 'watchdog-renewal' },
      cursorMs: 9000,
      prediction: {
        question: "C1's validity ends at 9898 ms. Will its lock still be there after that?",
        yes: 'Yes, it gets extended',
        no: 'No, C2 takes over',
        answer: { kind: 'lock-extended', client: 'C1', min: 1 },
      },
      reveal: paragraphs(
        "Yes. The first extension, started at 9398 ms, succeeds at 9402 ms and moves C1's validity to 19296 ms; the second succeeds at 18800 ms. C2 is refused on every attempt until C1 releases at 25006 ms, and gets the lock at 25096 ms.",
        'Safe: the lock lasted as long as the work, with a 10 s TTL.',
      ),
      claims: [
        { kind: 'lock-extended', client: 'C1', min: 2 },
        { kind: 'no-violation' },
        { kind: 'acquisitions', count: 2 },
        { kind: 'safe', value: true },
      ],
      highlights: ['timeline', 'statechart'],
      select: 'C1',
    },
    {
      id: 'pause-the-holder',
      title: 'Pause the holder',
      text: paragraphs(
        'The watchdog lives in the same process as the work. Freeze that process — a long GC pause — just before the first extension is due at 9398 ms, for long enough that the keys expire (at 10002 ms) and C2 comes asking (from 10.1 s).',
      ),
      sources: ['NR5', 'RD', 'MK'],
      scenario: { preset: 'watchdog-renewal' },
      cursorMs: 9000,
      action: {
        prompt:
          'Pause C1 across its extension: type 9000 in the cursor time field and press Enter, choose "Pause a client" in the fault bar\'s Fault select, Client C1, Duration 8000, and press "Inject at 9,000 ms". (The "pause" button on C1\'s card pauses for only 5 s; use the fault bar.) A pause of at least 8000 ms starting between 5000 and 9300 ms will do.',
        kind: 'pause-client',
        target: 'C1',
        atMsMin: 5000,
        atMsMax: 9300,
        durationMsMin: 8000,
        example: { atMs: 9000, kind: 'pause-client', client: 'C1', durationMs: 8000 },
      },
      prediction: {
        question: "C1 wakes up still in its critical section. Will the storage accept a write from C1 after C2's?",
        yes: 'Yes, a stale write',
        no: 'No',
        answer: { kind: 'stale-writes', min: 1 },
      },
      reveal: paragraphs(
        "Yes. No extension runs while C1 is frozen. Its validity runs out at 9898 ms, the keys expire, and C2 takes the lock at 10104 ms and writes. When C1 wakes up, its overdue extension fails — but its work goes on, and the write it was about to make reaches the storage after C2's.",
        "No exclusion violation by the checker's count (C1's validity ended while it was paused), but stale writes: unsafe. Auto-extension keeps a lock only while the process runs; the Redlock page warns not to assume that extension keeps the lock.",
      ),
      claims: [
        { kind: 'stale-writes', min: 1 },
        { kind: 'no-violation' },
        { kind: 'acquired', client: 'C2' },
        { kind: 'safe', value: false },
      ],
      highlights: ['faults', 'timeline', 'verdict'],
      select: 'C1',
    },
    {
      id: 'abort-signal',
      title: 'Who listens to the abort signal?',
      text: paragraphs(
        "The preset watchdog-renewal-paused freezes C1 from 9000 ms to 20000 ms. When C1 wakes up, its extension fails and its lock is marked lost (extend-failed). node-redlock's using() then aborts a signal — but the work routine must poll that signal itself. This one does not, and sends the write it was about to make.",
        'A routine that checks its validity before each write would stop here; but, as lesson 5 showed, not when the pause falls between the check and the write.',
      ),
      sources: ['NR5', 'MK', 'DL'],
      scenario: { preset: 'watchdog-renewal-paused' },
      cursorMs: 20000,
      reveal: paragraphs(
        "C2 holds the lock from 10104 ms and writes at 12607 and 15108 ms. C1 wakes at 20000 ms, its write is accepted at 20003 ms — after C2's — and only then, at 20004 ms, does its failed extension mark the lock as lost. One stale write: unsafe. With fencing on (lesson 8), the storage refuses that write.",
      ),
      claims: [{ kind: 'stale-writes', min: 1 }, { kind: 'no-violation' }, { kind: 'safe', value: false }],
      highlights: ['timeline', 'statechart'],
      select: 'C1',
    },
    {
      id: 'watchdog-and-cas',
      title: 'The storage still has the last word',
      text: paragraphs(
        "The same paused run, with antirez's check-and-set: C1 marked the storage with its lock value when it acquired; C2 marks it with its own value after taking over.",
      ),
      sources: ['AZ', 'MK'],
      scenario: { preset: 'watchdog-renewal-paused', fencing: 'cas' },
      cursorMs: 20000,
      reveal: paragraphs(
        "C1's write after waking no longer matches C2's value on the storage and is refused. Safe, one fencing rejection. A watchdog makes long work possible with a short TTL; it does not make a lock safe against pauses. Fencing at the storage does.",
      ),
      claims: [{ kind: 'fencing-rejections', min: 1 }, { kind: 'no-stale-writes' }, { kind: 'safe', value: true }],
      highlights: ['verdict'],
      select: 'C1',
    },
  ],
};
