import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 3: the Redlock algorithm on five independent masters: majority, validity, drift, unlock-all. */
export const redlockLesson: Lesson = {
  id: 'redlock',
  number: 3,
  title: 'Redlock: a majority of independent masters',
  summary:
    'Five masters with no replication; a lock needs a majority, it is valid for the TTL minus the time acquiring took and a drift allowance.',
  steps: [
    {
      id: 'majority-and-validity',
      title: 'Five masters, a majority, a validity',
      text: paragraphs(
        'Redlock replaces one master and its replica with N independent masters — here five, A to E, which know nothing of each other. A client sends the same SET key value NX PX 10000, with one random value, to all five.',
        'It holds the lock if at least 3 of the 5 said OK (a majority: N/2+1) and the whole attempt took less than the TTL. It then counts on the lock only for its validity: the TTL, minus the time the attempt took, minus a small allowance for clocks that run at slightly different speeds. The reference clients use 1% of the TTL plus 2 ms: 102 ms for a 10 s TTL.',
        'Here C1 asks at 0 ms; with 2 ms each way the keys are set at 2 ms and the answers are back at 4 ms. C2 starts asking at 100 ms.',
      ),
      sources: ['DL', 'RB', 'NR5'],
      scenario: { preset: 'happy-path' },
      cursorMs: 0,
      prediction: {
        question: 'C2 keeps asking while C1 holds the lock. Will C1 and C2 ever hold the lock at the same time?',
        yes: 'Yes, at some point',
        no: 'No, never',
        answer: { kind: 'violation', clients: ['C1', 'C2'] },
      },
      reveal: paragraphs(
        'No. C1 holds the lock from 4 ms with a validity of 10000 − 4 − 102 = 9894 ms. Every key C2 could want is taken, so C2 never gets a majority while C1 holds the lock.',
        'C1 releases at 3005 ms and C2 gets the lock at 3206 ms: two acquisitions, no overlap, a safe run.',
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'no-violation' },
        { kind: 'acquired', client: 'C1' },
        { kind: 'acquisitions', count: 2 },
      ],
      highlights: ['topology', 'statechart'],
      select: 'C1',
    },
    {
      id: 'refused-unlock-retry',
      title: 'Refused, unlock everything, retry',
      text: paragraphs(
        "A failed attempt must not leave keys behind: step 5 of the algorithm is to unlock all instances, even those the client believes it did not lock. The release is the same compare-and-delete script as on one node, sent to every master, so it removes only the client's own keys.",
        "Then the client waits a random delay and tries again. Follow C2's attempts on the timeline, and C1's release at about 3 s.",
      ),
      sources: ['DL', 'NR5', 'RS'],
      scenario: { preset: 'happy-path' },
      cursorMs: 100,
      reveal: paragraphs(
        "From 100 ms on, every attempt of C2 fails with no-quorum: all five keys hold C1's value. C2 unlocks (a no-op on C1's values) and retries after 200 ± 100 ms, again and again.",
        "At 3005 ms C1 releases with compare-and-delete on A–E, the five keys are deleted at 3007 ms, and C2's next attempt gets the lock at 3206 ms.",
      ),
      claims: [{ kind: 'attempt-failed', client: 'C2', reason: 'no-quorum' }, { kind: 'acquired', client: 'C2' }, { kind: 'no-violation' }],
      highlights: ['timeline'],
      select: 'C2',
    },
    {
      id: 'kill-one-master',
      title: 'Kill one master',
      text: paragraphs(
        'With one master and a replica, losing the master lost the lock (lesson 2). Redlock has no replicas and no failover: a dead master simply stops voting. A majority of the five is still three.',
      ),
      sources: ['DL'],
      scenario: { preset: 'happy-path' },
      cursorMs: 1000,
      action: {
        prompt:
          'Kill one master while C1 holds the lock: type 1000 in the cursor time field and press Enter, then press "kill" on node A\'s card in the topology (or choose "Crash a node" in the fault bar\'s Fault select, pick the node, tick "Stays down" and press "Inject at 1,000 ms"). Any master and any time before C1 releases at 3005 ms will do.',
        kind: 'crash-node',
        atMsMin: 5,
        atMsMax: 3000,
        example: { atMs: 1000, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: null },
      },
      prediction: {
        question: 'One of the five masters is dead for good. Will C2 still get the lock after C1 releases?',
        yes: 'Yes, four masters are enough',
        no: 'No, the lock is stuck',
        answer: { kind: 'acquired', client: 'C2' },
      },
      reveal: paragraphs(
        'Yes. C1 never notices the crash: it still holds its key on the four other masters. C2 keeps being refused until C1 releases, then gets three votes from the four masters left (at 3144 ms with A killed at 1000 ms).',
        "Safe: no overlap, two acquisitions. The dead master lost C1's key, but it does not come back empty to vote again — a restart without persistence is another story (lesson 9).",
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'no-violation' },
        { kind: 'acquired', client: 'C2' },
        { kind: 'acquisitions', count: 2 },
      ],
      highlights: ['faults', 'topology', 'verdict'],
      select: 'C2',
    },
    {
      id: 'busy-redlock',
      title: 'Three clients for a minute',
      text: paragraphs(
        "The playground's default run: three clients take the lock over and over for 60 s of simulated time — 1 s of work with two writes, 0.5 s of rest, retries every 200 ± 100 ms — over a network with 1–3 ms of latency and no faults at all.",
        'Scrub through it. Clients collide; sometimes two of them ask at the same moment and split the votes; each time they unlock everything and retry.',
      ),
      sources: ['DL', 'NR5', 'RS'],
      scenario: { preset: 'busy-redlock' },
      cursorMs: 0,
      reveal: paragraphs(
        'The lock changes hands 56 times in the minute, never two holders at once, and the storage sees the writes in order. Most failed attempts are plain refusals; the few with one or two votes are split votes, resolved by unlock-all and a random retry delay.',
        "With bounded network delays, no process pauses and sane clocks, Redlock's assumptions hold and so does the lock. The next lessons break those assumptions one at a time.",
      ),
      claims: [{ kind: 'safe', value: true }, { kind: 'no-violation' }, { kind: 'no-stale-writes' }, { kind: 'acquisitions', count: 56 }],
      highlights: ['timeline', 'verdict'],
    },
  ],
};
