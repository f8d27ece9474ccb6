import { describe, expect, it } from 'vitest';
import { type CardSpot, neighbourCard } from './cardNavigation.ts';

// Two groups: a row of 3 cards, then (a heading lower) a row of 3 and a row of 1.
const spots: CardSpot[] = [
  { leftPx: 0, topPx: 0 },
  { leftPx: 250, topPx: 0 },
  { leftPx: 500, topPx: 0.5 },
  { leftPx: 0, topPx: 200 },
  { leftPx: 250, topPx: 200 },
  { leftPx: 500, topPx: 200 },
  { leftPx: 0, topPx: 370 },
];

describe('neighbourCard', () => {
  it('left and right go through the cards in reading order and stop at the ends', () => {
    expect(neighbourCard(spots, 2, 'ArrowRight')).toBe(3);
    expect(neighbourCard(spots, 3, 'ArrowLeft')).toBe(2);
    expect(neighbourCard(spots, 0, 'ArrowLeft')).toBeNull();
    expect(neighbourCard(spots, 6, 'ArrowRight')).toBeNull();
  });

  it('down and up go to the nearest card of the next row, across groups', () => {
    expect(neighbourCard(spots, 1, 'ArrowDown')).toBe(4);
    expect(neighbourCard(spots, 5, 'ArrowDown')).toBe(6);
    expect(neighbourCard(spots, 4, 'ArrowUp')).toBe(1);
    expect(neighbourCard(spots, 6, 'ArrowUp')).toBe(3);
    expect(neighbourCard(spots, 2, 'ArrowUp')).toBeNull();
    expect(neighbourCard(spots, 6, 'ArrowDown')).toBeNull();
  });

  it('Home and End go to the first and last card; other keys are not navigation', () => {
    expect(neighbourCard(spots, 4, 'Home')).toBe(0);
    expect(neighbourCard(spots, 0, 'End')).toBe(6);
    expect(neighbourCard(spots, 0, 'Enter')).toBeNull();
    expect(neighbourCard([], 0, 'ArrowRight')).toBeNull();
  });
});
