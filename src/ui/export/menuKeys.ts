/**
 * Where the focus goes in a menu of `count` items on a key press (the ARIA menu pattern):
 * arrows move and wrap, Home/End go to the ends. Null for any other key. Pure.
 */
export function menuIndexAfter(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowDown':
      return (index + 1) % count;
    case 'ArrowUp':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
