import { describe, expect, it } from 'vitest';
import { Clock } from '../../sim/clock/clock.ts';
import { clockOf, jumped, rated, wallAt } from './localClock.ts';

describe('localClock', () => {
  it('reads offset + rate × true time, floored', () => {
    expect(wallAt(clockOf({ offsetMs: 250, rate: 1 }), 1000)).toBe(1250);
    expect(wallAt(clockOf({ offsetMs: 0, rate: 1.1 }), 1005)).toBe(1105);
  });

  it('reads the same as the engine’s Clock through any sequence of jumps and rate changes', () => {
    // A fixed, awkward script: fractional rates leave fractions in the base that must not be floored early.
    const script: Array<[number, 'jump' | 'rate', number]> = [
      [333, 'rate', 1.07],
      [1001, 'jump', 10_000],
      [1777, 'rate', 0.93],
      [2503, 'jump', -4321],
      [4099, 'rate', 1.333],
      [5000, 'jump', 7],
    ];
    const engine = new Clock({ offsetMs: 17, rate: 0.999 });
    let view = clockOf({ offsetMs: 17, rate: 0.999 });
    let step = 0;
    for (let t = 0; t <= 6000; t += 7) {
      while (step < script.length && (script[step] as [number, string, number])[0] <= t) {
        const [at, kind, x] = script[step] as [number, 'jump' | 'rate', number];
        if (kind === 'jump') {
          engine.jump(at, x);
          view = jumped(view, at, x);
        } else {
          engine.setRate(at, x);
          view = rated(view, at, x);
        }
        step++;
      }
      expect(wallAt(view, t)).toBe(engine.wallMs(t));
    }
  });
});
