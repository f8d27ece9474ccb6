import { describe, expect, it } from 'vitest';
import { menuIndexAfter } from './menuKeys.ts';

describe('menuIndexAfter', () => {
  it('arrows move one item and wrap around at either end', () => {
    expect(menuIndexAfter('ArrowDown', 0, 4)).toBe(1);
    expect(menuIndexAfter('ArrowDown', 3, 4)).toBe(0);
    expect(menuIndexAfter('ArrowUp', 0, 4)).toBe(3);
    expect(menuIndexAfter('ArrowUp', 2, 4)).toBe(1);
  });

  it('Home and End go to the first and last item; other keys are not the menu’s', () => {
    expect(menuIndexAfter('Home', 2, 4)).toBe(0);
    expect(menuIndexAfter('End', 0, 4)).toBe(3);
    expect(menuIndexAfter('a', 0, 4)).toBeNull();
    expect(menuIndexAfter('ArrowDown', 0, 0)).toBeNull();
  });
});
