import type { Lesson } from '../model.ts';
import { paragraphs } from './paragraphs.ts';

/** Lesson 2: a master with a replica behind Sentinel, and the lock key that dies with the master before it is replicated. */
export const failoverLesson: Lesson = {
  id: 'failover',
  number: 2,
  title: 'Replication and failover',
  summary:
    'A replica and Sentinel keep Redis available, but replication is asynchronous: a master can die before the lock key reaches its replica.',
  steps: [
    {
      id: 'master-and-replica',
      title: 'A master, a replica and Sentinel',
      text: paragraphs(
        'One Redis node is a single point of failure. The usual answer is a replica: master M copies every write to replica R, and Sentinel watches M and promotes R if M stops answering.',
        'In this run C1 asks Sentinel which node is the master, then locks M with SET NX PX (TTL 30 s). C1 works for 15 s, writes twice and releases with compare-and-delete. C2 starts at 1 s and polls every 500 ms.',
        "Replication is asynchronous: M answers OK first and sends the write to R later. Here the replication lag is 1 s, so C1's key reaches R about a second after M set it. Sentinel declares M down after 5 s without an answer and then promotes R.",
      ),
      sources: ['DL', 'REPL', 'SEN'],
      scenario: { preset: 'failover-happy-path' },
      cursorMs: 0,
      reveal: paragraphs(
        "No faults, so the replica changes nothing: C1's key is set on M at 6 ms, C1 holds the lock from 8 ms, and the key is copied to R at 1006 ms. C2 is refused until C1 releases at 15010 ms, and gets the lock at 15232 ms.",
        'Safe, two acquisitions, never at the same time.',
      ),
      claims: [{ kind: 'safe', value: true }, { kind: 'no-violation' }, { kind: 'acquisitions', count: 2 }],
      highlights: ['topology', 'timeline'],
      select: 'C1',
    },
    {
      id: 'kill-the-master',
      title: 'Kill the master before it replicates',
      text: paragraphs(
        'Now it is your turn to break it. C1 holds the lock from 8 ms, but its key only reaches R at about 1 s. Kill the master inside that window, for good, and watch what Sentinel and C2 do.',
      ),
      sources: ['DL', 'REPL', 'SEN'],
      scenario: { preset: 'failover-happy-path' },
      cursorMs: 500,
      action: {
        prompt:
          'Kill the master before its key reaches the replica: type 500 in the cursor time field and press Enter, choose "Kill the master" in the fault bar\'s Fault select (leave "Stays down" ticked), then press "Inject at 500 ms". Any time from 10 ms to 900 ms does the same.',
        kind: 'kill-master',
        atMsMin: 10,
        atMsMax: 900,
        example: { atMs: 500, kind: 'kill-master', restartAfterMs: null },
      },
      prediction: {
        question: "Sentinel will promote R, which never saw C1's key. Will C2 get the lock while C1 still believes it holds it?",
        yes: 'Yes, both will hold it',
        no: 'No, C2 waits for C1',
        answer: { kind: 'violation', clients: ['C1', 'C2'] },
      },
      reveal: paragraphs(
        "Yes. M dies with C1's key, which never reached R. Sentinel marks M down and promotes R (at 6000 ms with the kill at 500 ms). C2, asking Sentinel again, is sent to R, where the key does not exist, and gets the lock at about 7 s — while C1, which saw nothing of this, keeps working until 15010 ms.",
        "The checker reports an exclusion violation between C1 and C2, and C1's last write reaches the storage after C2's: a stale write. Try it again after about 1 s: R then has the key and the lock survives the failover.",
      ),
      claims: [
        { kind: 'failover' },
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'stale-writes', min: 1 },
        { kind: 'safe', value: false },
      ],
      highlights: ['faults', 'topology', 'verdict'],
      select: 'M',
    },
    {
      id: 'failover-loses-lock',
      title: 'The same story with production settings',
      text: paragraphs(
        'This is the scenario the Redlock page starts from ("why failover-based implementations are not enough"), with Sentinel\'s default down-after-milliseconds of 30 s and a TTL of 60 s, long enough to outlast a failover.',
        'C1 locks M at 8 ms; M crashes at 200 ms, before the 500 ms replication lag has passed. C2 starts at 25 s.',
      ),
      sources: ['DL', 'REPL', 'SEN'],
      scenario: { preset: 'failover-loses-lock' },
      cursorMs: 0,
      reveal: paragraphs(
        "C2's first attempts time out against the dead master. Sentinel declares M down at 30000 ms and promotes R at 31000 ms. C2 asks again, is sent to R, and gets the lock at 31020 ms. C1's lease runs to about 59.4 s, and C1 holds on until it releases at 40010 ms.",
        "Exclusion violation C1/C2, and a stale write: C1's write at 40012 ms lands after C2's. The lock was lost because replication is asynchronous, not because anyone misbehaved.",
      ),
      claims: [
        { kind: 'failover' },
        { kind: 'attempt-failed', client: 'C2', reason: 'timeout' },
        { kind: 'violation', clients: ['C1', 'C2'] },
        { kind: 'stale-writes', min: 1 },
        { kind: 'safe', value: false },
      ],
      highlights: ['verdict', 'timeline'],
      select: 'C2',
    },
    {
      id: 'failover-with-wait',
      title: 'WAIT for the replica',
      text: paragraphs(
        "Redis has WAIT numreplicas timeout: it blocks until the replicas have acknowledged this connection's writes, or the timeout passes, and returns how many did. Redisson uses it to check that its lock reached the replicas, and drops the lock if they did not acknowledge.",
        'Same run as before, but after its SET C1 runs WAIT 1 100 and treats 0 acknowledgements as "not acquired". The replication lag is still 500 ms.',
      ),
      sources: ['WAIT', 'REPL', 'RD', 'RDD'],
      scenario: { preset: 'failover-with-wait' },
      cursorMs: 0,
      reveal: paragraphs(
        "WAIT returns 0 at 110 ms: R has not acknowledged within 100 ms. C1 reports its attempt as failed (wait-no-ack) and deletes its key. M dies at 200 ms, C1's retries time out and it gives up; after the failover C2 gets the lock on R at 31020 ms.",
        'Nobody held the lock twice, so the run is safe. But look at the cost: C1 never got the lock at all. And WAIT narrows the window without closing it: it "does not make Redis a strongly consistent store", and a write the replica acknowledged can still be lost in a failover.',
      ),
      claims: [
        { kind: 'safe', value: true },
        { kind: 'no-violation' },
        { kind: 'attempt-failed', client: 'C1', reason: 'wait-no-ack' },
        { kind: 'never-acquired', client: 'C1' },
        { kind: 'failover' },
        { kind: 'acquired', client: 'C2' },
      ],
      highlights: ['verdict', 'timeline'],
      select: 'C1',
    },
  ],
};
