import { describe, expect, it } from 'vitest';
import { Partitions } from './partitions.ts';

describe('Partitions.canReach', () => {
  it('with no partition everyone reaches everyone', () => {
    const p = new Partitions();
    expect(p.canReach('A', 'B')).toBe(true);
    expect(p.size).toBe(0);
  });

  it('cuts processes in different groups, in both directions; same group and unlisted processes still reach', () => {
    const p = new Partitions();
    p.add('p1', [
      ['A', 'B', 'C1'],
      ['C', 'D'],
    ]);
    expect(p.canReach('A', 'B')).toBe(true);
    expect(p.canReach('C', 'D')).toBe(true);
    expect(p.canReach('A', 'C')).toBe(false);
    expect(p.canReach('D', 'C1')).toBe(false);
    expect(p.canReach('C1', 'D')).toBe(false);
    // E is not listed: this partition does not cut it off from anyone.
    expect(p.canReach('E', 'A')).toBe(true);
    expect(p.canReach('D', 'E')).toBe(true);
  });

  it('several partitions at once: a message needs all of them to allow it; heal by id or all', () => {
    const p = new Partitions();
    p.add('p1', [['A'], ['B']]);
    p.add('p2', [['A', 'B'], ['C']]);
    expect(p.canReach('A', 'B')).toBe(false);
    expect(p.canReach('A', 'C')).toBe(false);
    expect(p.canReach('B', 'C')).toBe(false);
    expect(p.heal('p1')).toEqual(['p1']);
    expect(p.canReach('A', 'B')).toBe(true);
    expect(p.canReach('B', 'C')).toBe(false);
    expect(p.heal('nope')).toEqual([]);
    p.add('p3', [['A'], ['D']]);
    expect(p.heal(null)).toEqual(['p2', 'p3']);
    expect(p.canReach('A', 'D')).toBe(true);
    expect(p.canReach('B', 'C')).toBe(true);
  });

  it('adding a partition with an existing id replaces it', () => {
    const p = new Partitions();
    p.add('p1', [['A'], ['B']]);
    p.add('p1', [['A'], ['C']]);
    expect(p.canReach('A', 'B')).toBe(true);
    expect(p.canReach('A', 'C')).toBe(false);
    expect(p.size).toBe(1);
  });
});
