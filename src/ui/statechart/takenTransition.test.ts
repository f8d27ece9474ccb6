import { describe, expect, it } from 'vitest';
import { type Statechart, STATECHARTS } from '../../lock/statechart.ts';
import { activeStateIds } from './activeStates.ts';
import { arrivalAt } from './arrivals.ts';
import { lastTransition } from './lastTransition.ts';
import { type TakenTransition, takenTransition } from './takenTransition.ts';
import { clientStateEvents } from './testTraces.ts';

function ids(chart: Statechart, label: string): ReadonlySet<string> {
  const set = activeStateIds(chart, label);
  if (set === null) throw new Error(`${label} is not a state of ${chart.name}`);
  return set;
}

function taken(chart: Statechart, from: string, to: string, arrived?: string | null): TakenTransition | null {
  return takenTransition(chart, ids(chart, from), ids(chart, to), arrived);
}

describe('takenTransition', () => {
  const redlock = STATECHARTS.redlock;
  const watchdog = STATECHARTS['redlock-watchdog'];

  it('idle → acquiring.parallel is START (into acquiring, whose choosing resolves at once)', () => {
    expect(taken(redlock, 'idle', 'acquiring.parallel')).toEqual({
      event: 'START',
      steps: [{ source: 'lock.idle', target: 'lock.acquiring', event: 'START', guard: null }],
    });
  });

  it('a vote decided by a REPLY passes through deciding to holding', () => {
    expect(taken(redlock, 'acquiring.parallel', 'holding.working', 'REPLY')).toEqual({
      event: 'REPLY',
      steps: [
        { source: 'lock.acquiring.parallel', target: 'lock.deciding', event: 'always', guard: 'voteDecided' },
        { source: 'lock.deciding', target: 'lock.holding', event: 'always', guard: 'acquiredWithValidity' },
      ],
    });
  });

  it('with no message arriving, the same move was the request timeout', () => {
    const t = taken(redlock, 'acquiring.parallel', 'backoff', null);
    expect(t?.event).toBe('REQUEST_TIMEOUT');
    expect(t?.steps.map((s) => s.target)).toEqual(['lock.deciding', 'lock.failed', 'lock.backoff']);
    expect(taken(redlock, 'acquiring.parallel', 'backoff', 'REPLY')?.event).toBe('REPLY');
  });

  it('timers move the workload: WORK, WRITE, RETRY, THINK_DONE', () => {
    expect(taken(redlock, 'holding.working', 'holding.writing', null)?.event).toBe('WORK');
    expect(taken(redlock, 'holding.writing', 'holding.working', null)?.steps[0]).toEqual({
      source: 'lock.holding.writing',
      target: 'lock.holding.working',
      event: 'WRITE',
      guard: null,
    });
    expect(taken(redlock, 'holding.writing', 'releasing', null)?.steps[0]?.guard).toBe('isLastWrite');
    expect(taken(redlock, 'backoff', 'acquiring.parallel', null)?.event).toBe('RETRY');
    expect(taken(redlock, 'thinking', 'acquiring.parallel', null)?.event).toBe('THINK_DONE');
  });

  it('inside a parallel state only the region that moved explains the move', () => {
    const t = taken(watchdog, 'holding.{work.working,watchdog.waiting}', 'holding.{work.working,watchdog.extending}', null);
    expect(t).toEqual({
      event: 'EXTEND',
      steps: [{ source: 'lock.holding.watchdog.waiting', target: 'lock.holding.watchdog.extending', event: 'EXTEND', guard: null }],
    });
    const work = taken(watchdog, 'holding.{work.working,watchdog.extending}', 'holding.{work.writing,watchdog.extending}', null);
    expect(work?.steps.map((s) => s.source)).toEqual(['lock.holding.work.working']);
  });

  it('an extension reply goes back to waiting through the transient deciding and arming', () => {
    const t = taken(watchdog, 'holding.{work.working,watchdog.extending}', 'holding.{work.working,watchdog.waiting}', 'REPLY');
    expect(t?.event).toBe('REPLY');
    expect(t?.steps.map((s) => s.target)).toEqual([
      'lock.holding.watchdog.deciding',
      'lock.holding.watchdog.arming',
      'lock.holding.watchdog.waiting',
    ]);
  });

  it('returns null when no transition leads there', () => {
    expect(taken(redlock, 'holding.working', 'acquiring.parallel')).toBeNull();
    // The machine rests in acquiring.parallel (its eventless way out is guarded), so START alone cannot reach holding.
    expect(taken(redlock, 'idle', 'holding.working')).toBeNull();
    expect(taken(watchdog, 'holding.{work.working,watchdog.waiting}', 'holding.{work.working,watchdog.capped}')).toBeNull();
    expect(taken(redlock, 'done', 'idle')).toBeNull();
  });
});

describe('takenTransition on every state change of every preset', () => {
  const changes = clientStateEvents().flatMap((e) => {
    const { current, previous } = lastTransition(e.run.trace, e.client, e.index);
    return previous === null || current === null ? [] : [{ ...e, from: previous.label, to: current.label, t: current.t }];
  });

  it('explains every one of them', () => {
    expect(changes.length).toBeGreaterThan(1000);
    const unexplained = changes.filter((c) => {
      const chart = STATECHARTS[c.machine];
      return takenTransition(chart, ids(chart, c.from), ids(chart, c.to), arrivalAt(c.run.trace, c.client, c.t)) === null;
    });
    expect(unexplained.map((c) => `${c.run.name} ${c.client} ${c.from} → ${c.to}`)).toEqual([]);
  });

  it('names the event the trace shows: a failed attempt on a timeout is REQUEST_TIMEOUT, a refusal a REPLY', () => {
    const seen = new Map<string, number>();
    for (const c of changes) {
      const trace = c.run.trace;
      let failed: string | null = null;
      for (let i = c.index - 1; i >= 0 && (trace[i]?.t ?? -1) === c.t; i--) {
        const e = trace[i];
        if (e?.kind === 'lock-failed' && e.client === c.client) failed = e.reason;
      }
      if (failed === null) continue;
      const chart = STATECHARTS[c.machine];
      const event = takenTransition(chart, ids(chart, c.from), ids(chart, c.to), arrivalAt(trace, c.client, c.t))?.event;
      if (failed === 'timeout') expect(event, `${c.run.name} ${c.client} at ${c.t}`).toBe('REQUEST_TIMEOUT');
      if (failed === 'refused') expect(event, `${c.run.name} ${c.client} at ${c.t}`).toBe('REPLY');
      seen.set(failed, (seen.get(failed) ?? 0) + 1);
    }
    expect(seen.get('timeout')).toBeGreaterThan(0);
    expect(seen.get('refused')).toBeGreaterThan(0);
  });
});
