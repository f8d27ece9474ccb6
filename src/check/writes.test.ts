import { describe, expect, it } from 'vitest';
import { indexOf, TraceBuilder } from './testing/traceBuilder.ts';
import { fencingRejections, staleWrites } from './writes.ts';

describe('stale writes', () => {
  it('S4 without fencing: C1 (epoch 1) writes after C2 (epoch 2) did, and both are accepted', () => {
    const trace = new TraceBuilder().at(10_200).write('C2', 2).at(15_000).write('C1', 1).end(20_000);
    expect(staleWrites(trace)).toEqual([
      {
        atMs: 15_000,
        index: indexOf(trace, 'storage-write', (e) => e.kind === 'storage-write' && e.client === 'C1'),
        client: 'C1',
        epoch: 1,
        newerEpoch: 2,
        newerClient: 'C2',
        newerAtMs: 10_200,
        newerIndex: indexOf(trace, 'storage-write'),
      },
    ]);
  });

  it('compares with the highest epoch accepted so far, not the last write', () => {
    const trace = new TraceBuilder().at(1).write('C3', 3).at(2).write('C2', 2).at(3).write('C1', 1).end(10);
    expect(staleWrites(trace).map((w) => [w.client, w.newerClient])).toEqual([
      ['C2', 'C3'],
      ['C1', 'C3'],
    ]);
  });

  it('writes in epoch order, and repeated writes of one epoch, are not stale', () => {
    const trace = new TraceBuilder().at(1).write('C1', 1).at(2).write('C1', 1).at(3).write('C2', 2).at(4).write('C2', 2).end(10);
    expect(staleWrites(trace)).toEqual([]);
  });

  it('a write fencing rejected is not a stale write, and does not raise the bar', () => {
    const trace = new TraceBuilder()
      .at(1)
      .write('C1', 1)
      .at(2)
      .write('C3', 3, 'token-too-old', { token: 3, highestToken: 4 })
      .at(3)
      .write('C2', 2)
      .end(10);
    expect(staleWrites(trace)).toEqual([]);
  });
});

describe('fencing rejections', () => {
  it('token: C1 late write with token 1 after token 2 is rejected and reported', () => {
    const trace = new TraceBuilder()
      .at(10_200)
      .write('C2', 2, 'accepted', { token: 2, highestToken: 1 })
      .at(15_000)
      .write('C1', 1, 'token-too-old', { token: 1, highestToken: 2 })
      .end(20_000);
    expect(fencingRejections(trace)).toEqual([
      {
        atMs: 15_000,
        index: indexOf(trace, 'storage-write', (e) => e.kind === 'storage-write' && e.verdict !== 'accepted'),
        client: 'C1',
        epoch: 1,
        verdict: 'token-too-old',
        token: 1,
        highestToken: 2,
        currentValue: null,
        value: 'C1-1',
        currentOwner: null,
      },
    ]);
    expect(staleWrites(trace)).toEqual([]);
  });

  it("cas: C1's write conditioned on its value is rejected because the resource holds C2's value", () => {
    const trace = new TraceBuilder()
      .at(0)
      .attempt('C1', 'v1')
      .at(10_100)
      .attempt('C2', 'v2')
      .at(15_000)
      .write('C1', 1, 'value-mismatch', { value: 'v1', currentValue: 'v2' })
      .end(20_000);
    expect(fencingRejections(trace)).toMatchObject([
      { client: 'C1', verdict: 'value-mismatch', value: 'v1', currentValue: 'v2', currentOwner: 'C2', token: null },
    ]);
  });
});
