import { describe, expect, it } from 'vitest';
import { formatDuration, formatMs, formatSkew, readableState, shortValue, strategyLabel } from './labels.ts';

describe('labels', () => {
  it('names each strategy as a card shows it', () => {
    const redlock = {
      kind: 'redlock',
      mode: 'parallel',
      requestTimeoutMs: 50,
      driftFactor: 0.01,
      retryCount: 3,
      retryDelayMs: 200,
      retryJitterMs: 100,
    } as const;
    expect(strategyLabel({ ...redlock, autoExtend: null })).toBe('redlock (parallel)');
    expect(strategyLabel({ ...redlock, mode: 'sequential', autoExtend: { thresholdMs: 500, maxExtensions: 3 } })).toBe(
      'redlock (sequential) + watchdog',
    );
    const poll = { requestTimeoutMs: 1000, retryDelayMs: 1000 };
    expect(strategyLabel({ kind: 'single-failover', waitReplicas: 0, waitTimeoutMs: 0, ...poll })).toBe('single-failover');
    expect(strategyLabel({ kind: 'single-failover', waitReplicas: 1, waitTimeoutMs: 100, ...poll })).toBe('single-failover + WAIT 1');
    expect(strategyLabel({ kind: 'setnx-expire', node: null, ...poll })).toBe('SETNX + EXPIRE');
  });

  it('reads a statechart path in words, parallel regions included', () => {
    expect(readableState('backoff')).toBe('backoff');
    expect(readableState('acquiring.parallel')).toBe('acquiring (parallel)');
    expect(readableState('holding.{work.working,watchdog.extending}')).toBe('holding (work: working, watchdog: extending)');
  });

  it('formats times, skews and durations for small cards', () => {
    expect(formatMs(11_000)).toBe('11,000 ms');
    expect(formatSkew(10_000)).toBe('+10,000');
    expect(formatSkew(-250)).toBe('-250');
    expect(formatSkew(0)).toBe('±0');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(7200)).toBe('7.2 s');
    expect(formatDuration(59_398)).toBe('59 s');
    expect(formatDuration(-252)).toBe('-252 ms');
    // A countdown never shows more than is left.
    expect(formatDuration(59_906)).toBe('59 s');
    expect(formatDuration(9_999)).toBe('9.9 s');
  });

  it('shortens a long value to its start and end, and leaves a short one alone', () => {
    expect(shortValue('C1-1-dac303eb')).toBe('C1-1-dac303eb');
    const long = shortValue('C12-345-0123456789abcdef');
    expect(long).toHaveLength(14);
    expect(long).toBe('C12-345…abcdef');
  });
});
