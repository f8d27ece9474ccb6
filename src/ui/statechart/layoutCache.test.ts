import { describe, expect, it } from 'vitest';
import { STATECHARTS } from '../../lock/statechart.ts';
import { cachedLayout, layoutWidth } from './layoutCache.ts';
import { MIN_WIDTH_PX } from './layoutStatechart.ts';

describe('cachedLayout', () => {
  const chart = STATECHARTS['single-failover'];

  it('lays the chart out for the width it is shown in, rounded down to a step', () => {
    expect(layoutWidth(339)).toBe(320);
    expect(layoutWidth(1144)).toBe(1140);
    expect(layoutWidth(0)).toBe(MIN_WIDTH_PX);
  });

  it('fills the side panel and, enlarged, the overlay (measured: 339 and 1144 px at 1280×720)', () => {
    expect(cachedLayout(chart, 339).width).toBe(320);
    const enlarged = cachedLayout(chart, 1144);
    expect(enlarged.width).toBe(1140);
    expect(enlarged.width).toBeLessThanOrEqual(1144);
  });

  it('computes a layout once per machine and rounded width', () => {
    expect(cachedLayout(chart, 1144)).toBe(cachedLayout(chart, 1150));
    expect(cachedLayout(chart, 1144)).not.toBe(cachedLayout(chart, 339));
  });
});
