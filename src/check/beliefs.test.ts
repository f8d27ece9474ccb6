import { describe, expect, it } from 'vitest';
import { beliefIntervals } from './beliefs.ts';
import { TraceBuilder } from './testing/traceBuilder.ts';

const ABC = ['A', 'B', 'C'];

describe('beliefIntervals', () => {
  it('a belief runs from lock-acquired to the release of the same value', () => {
    const trace = new TraceBuilder().at(0).attempt('C1', 'v1').at(4).acquired('C1', 'v1', ABC).at(3000).released('C1', 'v1').end(20_000);
    const [b, ...rest] = beliefIntervals(trace);
    expect(rest).toEqual([]);
    expect(b).toMatchObject({ client: 'C1', value: 'v1', epoch: 1, startMs: 4, endMs: 3000, endReason: 'released', nodes: ABC });
    expect(trace[b?.endIndex ?? -1]?.kind).toBe('lock-released');
  });

  it.each([
    ['lost', (t: TraceBuilder) => t.lost('C1', 'v1')],
    ['expired', (t: TraceBuilder) => t.leaseExpired('C1', 'v1')],
    ['crashed', (t: TraceBuilder) => t.crash('C1')],
  ] as const)('a belief ends %s at that event', (reason, ending) => {
    const trace = ending(new TraceBuilder().at(4).acquired('C1', 'v1', ABC).at(5000)).end(20_000);
    expect(beliefIntervals(trace)).toMatchObject([{ endMs: 5000, endReason: reason }]);
  });

  it('the end must name the same value: releasing an older value does not end the current belief', () => {
    const trace = new TraceBuilder().at(4).acquired('C1', 'v2', ABC).at(100).released('C1', 'v1').released('C2', 'v2').end(20_000);
    expect(beliefIntervals(trace)).toMatchObject([{ endMs: 20_000, endReason: 'run-end' }]);
  });

  it('an extension keeps the belief going and moves its validity', () => {
    const trace = new TraceBuilder()
      .at(4)
      .acquired('C1', 'v1', ABC)
      .at(9000)
      .extended('C1', 'v1', 18_900)
      .at(18_900)
      .leaseExpired('C1', 'v1')
      .end(20_000);
    expect(beliefIntervals(trace)).toMatchObject([
      { startMs: 4, endMs: 18_900, endReason: 'expired', validUntilMs: 18_900, extensions: 1 },
    ]);
  });

  it('a belief still held at the end of the run ends at run-end', () => {
    const trace = new TraceBuilder().at(4).acquired('C1', 'v1', ABC).end(20_000);
    expect(beliefIntervals(trace)).toMatchObject([{ endMs: 20_000, endReason: 'run-end', endIndex: trace.length - 1 }]);
  });

  it('without a run-end event, a belief runs to the last event', () => {
    const trace = new TraceBuilder().at(4).acquired('C1', 'v1', ABC).at(7000).pause('A', 8000).build();
    expect(beliefIntervals(trace)).toMatchObject([{ endMs: 7000, endReason: 'run-end' }]);
  });

  it("the client's crash ends every belief it had; another client's crash ends none", () => {
    const trace = new TraceBuilder().at(4).acquired('C1', 'v1', ABC).at(10).acquired('C2', 'v2', ABC).at(50).crash('C1').end(100);
    expect(beliefIntervals(trace)).toMatchObject([
      { client: 'C1', endMs: 50, endReason: 'crashed' },
      { client: 'C2', endMs: 100, endReason: 'run-end' },
    ]);
  });

  it("the same client's consecutive beliefs are separate intervals", () => {
    const trace = new TraceBuilder()
      .at(4)
      .acquired('C1', 'v1', ABC)
      .at(100)
      .released('C1', 'v1')
      .at(200)
      .acquired('C1', 'v2', ABC)
      .at(300)
      .released('C1', 'v2')
      .end(1000);
    expect(beliefIntervals(trace).map((b) => [b.value, b.startMs, b.endMs])).toEqual([
      ['v1', 4, 100],
      ['v2', 200, 300],
    ]);
  });
});
