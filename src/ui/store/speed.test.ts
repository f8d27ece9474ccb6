import { describe, expect, it } from 'vitest';
import { defaultSpeed, describeSpeed, SPEED_STEPS, sliderFromSpeed, speedFromSlider } from './speed.ts';

describe('playback speed', () => {
  it('steps 1–2–5 per decade from ×0.01 to ×100 real time, every step a different speed', () => {
    expect(SPEED_STEPS[0]).toBe(10);
    expect(SPEED_STEPS.at(-1)).toBe(100_000);
    expect(SPEED_STEPS).toEqual([10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]);
    for (let i = 0; i < SPEED_STEPS.length; i++) expect(speedFromSlider(i)).toBe(SPEED_STEPS[i]);
  });

  it('maps a speed to its slider position and back (one arrow press = one step)', () => {
    const position = sliderFromSpeed(2000);
    expect(speedFromSlider(position + 1)).toBe(5000);
    expect(speedFromSlider(position - 1)).toBe(1000);
    expect(speedFromSlider(99)).toBe(100_000);
  });

  it('plays a run in about 20 s by default, and says how fast that is', () => {
    expect(defaultSpeed(45_000)).toBe(2000);
    expect(defaultSpeed(8000)).toBe(500);
    expect(describeSpeed(2000)).toBe('×2 real time');
    expect(describeSpeed(500)).toBe('×0.5 real time');
    expect(describeSpeed(20)).toBe('×0.02 real time');
  });
});
