import { describe, expect, it } from 'vitest';
import { InvariantError } from './assert.ts';
import { Scheduler } from './scheduler.ts';

interface Item {
  atMs: number;
  seq: number;
  name: string;
}

const item = (atMs: number, name: string): Item => ({ atMs, seq: -1, name });

function drain(s: Scheduler<Item>): string[] {
  const out: string[] = [];
  for (let it = s.pop(); it !== undefined; it = s.pop()) out.push(it.name);
  return out;
}

describe('Scheduler: events in (time, seq) order', () => {
  it('pops by time, and events at the same millisecond in the order they were scheduled', () => {
    const s = new Scheduler<Item>();
    for (const [t, name] of [
      [5, 'e'],
      [1, 'a'],
      [5, 'f'],
      [3, 'c'],
      [1, 'b'],
      [5, 'g'],
      [3, 'd'],
    ] as const) {
      s.push(item(t, name));
    }
    expect(s.size).toBe(7);
    expect(s.peekTimeMs()).toBe(1);
    expect(drain(s)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(s.peekTimeMs()).toBe(Number.POSITIVE_INFINITY);
  });

  it('keeps FIFO order among many ties (heap reordering must not reorder equal times)', () => {
    const s = new Scheduler<Item>();
    const names: string[] = [];
    for (let i = 0; i < 200; i++) {
      s.push(item(i % 3 === 0 ? 10 : 20, `n${i}`));
      names.push(`n${i}`);
    }
    const tens = names.filter((_, i) => i % 3 === 0);
    const twenties = names.filter((_, i) => i % 3 !== 0);
    expect(drain(s)).toEqual([...tens, ...twenties]);
  });

  it('an event scheduled during processing for the current millisecond runs after the ones already due then', () => {
    const s = new Scheduler<Item>();
    s.push(item(4, 'first'));
    s.push(item(4, 'second'));
    const popped = s.pop();
    expect(popped?.name).toBe('first');
    s.push(item(4, 'scheduled-by-first'));
    expect(drain(s)).toEqual(['second', 'scheduled-by-first']);
  });

  it('refuses to schedule in the past or at a fractional time', () => {
    const s = new Scheduler<Item>();
    s.push(item(10, 'a'));
    s.pop();
    expect(() => s.push(item(9, 'late'))).toThrow(InvariantError);
    expect(() => s.push(item(10.5, 'fraction'))).toThrow(InvariantError);
  });
});
