import { anchorProblems } from '../../src/protocol/clientAnchors.ts';
import type { ClientMessageOf } from '../../src/protocol/clientMessages.ts';
import type { FaultMessage } from '../../src/protocol/faultMessages.ts';
import { PROTOCOL_LIMITS } from '../../src/protocol/limits.ts';
import { formatIssues } from '../../src/scenario/issues.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { BridgeBackend, LockSession, RealRun, RunEnd } from '../run/runTypes.ts';
import { describeFailure } from './describeFailure.ts';
import type { Outbox } from './outbox.ts';
import { TraceBatcher } from './traceBatcher.ts';

interface ActiveRun {
  /** The start-run message: run-ended answers it. */
  startId: string;
  run: RealRun;
  /** Settles once run-ended has been sent. */
  reported: Promise<void>;
}

/**
 * What one authenticated connection does on the backend: at most one run, and a lock
 * session for lock operations outside runs (opened on first use, closed with the
 * connection). Every message gets exactly one answer: its trace batch, its run-ended, or an
 * error. start-run and stop-run take effect in the order they arrived; a lock-op or a fault
 * waits for the start-runs and stop-runs sent before it, so "start-run, lock-op" drives the
 * new run, but never waits for other lock-ops or faults (a heal must not queue behind an
 * acquire that is retrying through the partition it heals).
 */
export class ConnectionOperations {
  private active: ActiveRun | undefined;
  private session: LockSession | undefined;
  private runChanges: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly batcher: TraceBatcher;

  constructor(
    private readonly backend: BridgeBackend,
    private readonly outbox: Outbox,
    private readonly log: (line: string) => void,
  ) {
    this.batcher = new TraceBatcher({
      send: (events, inReplyTo) => this.outbox.send({ type: 'trace', events, ...(inReplyTo === undefined ? {} : { inReplyTo }) }),
    });
  }

  startRun(message: ClientMessageOf<'start-run'>): Promise<void> {
    // Checked on arrival: a bad scenario is refused at once and leaves the current run alone.
    const parsed = parseScenario(message.scenario);
    if (!parsed.ok) {
      this.outbox.error('invalid', `invalid scenario in start-run:\n${formatIssues(parsed.issues, 5)}`, message.id);
      return Promise.resolve();
    }
    const wrongAnchors = anchorProblems(parsed.value, message.anchors);
    if (wrongAnchors.length > 0) {
      this.outbox.error('invalid', `invalid anchors in start-run:\n- ${wrongAnchors.slice(0, 5).join('\n- ')}`, message.id);
      return Promise.resolve();
    }
    return this.changeRun(async () => {
      if (this.active !== undefined) await this.stopActive(this.active);
      if (this.closed) return;
      this.batcher.answerNextWith(message.id);
      let run: RealRun;
      try {
        run = await this.backend.startRun({
          scenario: parsed.value,
          speed: message.speed,
          anchors: message.anchors,
          emit: (event) => this.batcher.push(event),
        });
      } catch (e) {
        this.batcher.flush(); // whatever it emitted before it gave up, then the reason
        this.batcher.dropAnswer(message.id);
        this.fail(e, 'starting a run', message.id);
        return;
      }
      const active: ActiveRun = { startId: message.id, run, reported: Promise.resolve() };
      active.reported = run.ended.then(
        (end) => this.reportEnd(active, end),
        (e: unknown) => this.reportEnd(active, { reason: 'failed', error: describeFailure(e, 'running the scenario').message }),
      );
      this.active = active;
      // The connection closed while the run was starting: nobody is left to watch it.
      if (this.closed) await this.stopActive(active);
    });
  }

  stopRun(message: ClientMessageOf<'stop-run'>): Promise<void> {
    return this.changeRun(async () => {
      const active = this.active;
      if (active === undefined) {
        this.outbox.error('conflict', 'no run to stop', message.id);
        return;
      }
      try {
        await this.stopActive(active);
      } catch (e) {
        this.fail(e, 'stopping the run', message.id);
      }
    });
  }

  async lockOp(message: ClientMessageOf<'lock-op'>): Promise<void> {
    await this.runChanges;
    if (this.closed) return;
    const { id, client, op, ttlMs, key } = message;
    try {
      const active = this.active;
      let events: Awaited<ReturnType<RealRun['lockOp']>>;
      if (active !== undefined) {
        if (key !== undefined) {
          this.outbox.error('invalid', `lock-op key: a run's clients lock the scenario's lock.key; send key only outside a run`, id);
          return;
        }
        events = await active.run.lockOp(client, op, ttlMs);
      } else {
        events = await this.lockSession().lockOp(client, op, { ttlMs, key });
      }
      this.batcher.sendAnswer(id, events);
    } catch (e) {
      this.fail(e, `doing lock-op ${op} for client ${client}`, id);
    }
  }

  async fault(message: FaultMessage): Promise<void> {
    await this.runChanges;
    if (this.closed) return;
    const active = this.active;
    if (active === undefined) {
      this.outbox.error('conflict', 'no run: start a run first', message.id);
      return;
    }
    try {
      await active.run.fault(message);
      this.batcher.answerWith(message.id);
    } catch (e) {
      this.fail(e, `injecting fault ${message.type}`, message.id);
    }
  }

  /** The connection is gone: stop its run, release what its session holds. Never rejects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runChanges;
    const work: Promise<unknown>[] = [];
    if (this.active !== undefined) work.push(this.stopActive(this.active));
    if (this.session !== undefined) work.push(this.session.close());
    const results = await Promise.allSettled(work);
    for (const r of results) if (r.status === 'rejected') this.log(`while closing: ${describeFailure(r.reason, 'closing').message}`);
    this.batcher.dispose();
  }

  private lockSession(): LockSession {
    this.session ??= this.backend.openSession((event) => this.batcher.push(event));
    return this.session;
  }

  private changeRun(work: () => Promise<void>): Promise<void> {
    const next = this.runChanges.then(work);
    this.runChanges = next.catch((e: unknown) => this.log(describeFailure(e, 'changing runs').message));
    return this.runChanges;
  }

  /** Stops the run and waits until its run-ended went out. */
  private async stopActive(active: ActiveRun): Promise<void> {
    await active.run.stop();
    await active.reported;
  }

  private reportEnd(active: ActiveRun, end: RunEnd): void {
    if (this.active === active) this.active = undefined;
    this.batcher.flush();
    this.batcher.dropAnswer(active.startId);
    if (end.reason === 'failed' && end.error !== undefined) this.outbox.error('failed', end.error, active.startId);
    this.outbox.send({
      type: 'run-ended',
      inReplyTo: active.startId,
      reason: end.reason,
      ...(end.verdictHint === undefined
        ? {}
        : { verdictHint: { safe: end.verdictHint.safe, note: end.verdictHint.note.slice(0, PROTOCOL_LIMITS.verdictNoteCharsMax) } }),
    });
  }

  private fail(error: unknown, doing: string, inReplyTo: string): void {
    const failure = describeFailure(error, doing);
    if (failure.internal) this.log(`${failure.message}${error instanceof Error && error.stack ? `\n${error.stack}` : ''}`);
    this.outbox.error(failure.code, failure.message, inReplyTo);
  }
}
