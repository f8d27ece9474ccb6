import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 4: two clients split the votes; unlock-all and a random retry delay resolve it. */
export const splitVoteLesson: Lesson = {
  id: 'split-vote',
  number: 4,
  title: 'Split votes and retries',
  summary:
    'Two clients that ask at once can each win two of four votes; nobody has a majority. Why failed attempts unlock everything and retry after a random delay.',
  steps: [
    {
      id: 'nobody-wins',
      title: 'Two clients, two votes each',
      text: paragraphs(
        "Five masters, but E is down from the start, so only four can vote — and a lock still needs three. C1 and C2 both ask at 0 ms. C1's requests reach A and B first; C2's reach C and D first (their other links are 1 ms slower).",
        'Each master gives its key to whoever arrives first and refuses the other. So each client collects two OKs and two refusals, and waits for E, which never answers.',
      ),
      sources: ['DL'],
      scenario: { preset: 'split-vote' },
      cursorMs: 0,
      prediction: {
        question: 'Both clients fail their first attempt. Will C2 ever get the lock in this run?',
        yes: 'Yes',
        no: 'No',
        answer: { kind: 'acquired', client: 'C2' },
      },
      reveal: paragraphs(
        'At 50 ms (the request timeout, since E never answers) both attempts fail with two votes and reason no-quorum. Both clients then unlock all instances: at 52 ms their four partial keys are deleted, and every master is free again.',
        'Yes, C2 gets the lock in the end — after C1, as the next step shows. The run is safe.',
      ),
      claims: [
        { kind: 'attempt-failed', client: 'C1', reason: 'no-quorum' },
        { kind: 'attempt-failed', client: 'C2', reason: 'no-quorum' },
        { kind: 'acquired', client: 'C2' },
        { kind: 'safe', value: true },
      ],
      highlights: ['topology', 'timeline'],
      select: 'C1',
    },
    {
      id: 'random-delay',
      title: 'A random delay breaks the tie',
      text: paragraphs(
        'After a failure, a Redlock client waits before trying again — and the Redlock page insists that the delay be random, so that two clients that collided once are unlikely to collide again. Here each client waits 200 ± 100 ms, drawn independently.',
        'Watch who retries first.',
      ),
      sources: ['DL', 'RS', 'RB'],
      scenario: { preset: 'split-vote' },
      cursorMs: 50,
      reveal: paragraphs(
        "C1's delay is the shorter one: it retries, finds all four live masters free and holds the lock from 308 ms. C2's retries come while C1 holds the lock and fail with no votes, until C1 releases at 1309 ms; C2 gets the lock at 1418 ms.",
        'Safe, two acquisitions, no deadlock. The cost of the split is liveness: from 0 to 308 ms nobody held the lock although it was free.',
      ),
      claims: [
        { kind: 'acquisitions', count: 2 },
        { kind: 'no-violation' },
        { kind: 'deadlocked', value: false },
        { kind: 'safe', value: true },
      ],
      highlights: ['timeline', 'verdict'],
      select: 'C2',
    },
    {
      id: 'without-randomness',
      title: 'What the sim does not show: equal delays, and no unlock',
      text: paragraphs(
        'This run cannot show the bad cases, and it is better to say so. The client simulated here unlocks everything after a failure and always retries after a random delay. The Redlock page explains why both matter: retry "after a random delay in order to try to desynchronize multiple clients", and release the partial locks as soon as possible.',
        "With equal, fixed delays, two clients that split once would ask again at the same moment and could split again and again. node-redlock v5 goes further wrong: it does not unlock between retries, so each client's own partial keys make its next attempts fail until they expire, about 10 s later. Tried against mock servers, a 2-for, 2-against split on four nodes never resolved at all.",
        'Neither behaviour is modelled by this client; the steps above are what the simulated client does.',
      ),
      sources: ['DL', 'NR5'],
      scenario: { preset: 'split-vote' },
      cursorMs: 0,
      reveal: paragraphs(
        'What this run does show: both first attempts fail with no-quorum, each client unlocks everything at once, and the random delays separate them, so the lock is taken twice and never by two clients at the same time, with no deadlock.',
      ),
      claims: [
        { kind: 'attempt-failed', client: 'C1', reason: 'no-quorum' },
        { kind: 'attempt-failed', client: 'C2', reason: 'no-quorum' },
        { kind: 'acquisitions', count: 2 },
        { kind: 'deadlocked', value: false },
        { kind: 'safe', value: true },
      ],
      highlights: ['timeline'],
    },
  ],
};
