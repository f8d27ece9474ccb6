import { describe, expect, it } from 'vitest';
import { fileNameFor } from './fileName.ts';

describe('fileNameFor', () => {
  it.each([
    ['Failover loses the lock (S8)', 'timeline.svg', 'failover-loses-the-lock-s8.timeline.svg'],
    ['Busy Redlock: three clients, five nodes, one minute', 'trace.json', 'busy-redlock-three-clients-five-nodes-one-minute.trace.json'],
    [
      "DEL without an ownership check deletes someone else's lock (S10)",
      'png',
      'del-without-an-ownership-check-deletes-someone-else-s-lock-s10.png',
    ],
    ['Café über naïve', 'json', 'cafe-uber-naive.json'],
    ['../../etc/passwd', 'json', 'etc-passwd.json'],
    ['  <>:"/\\|?*  ', 'json', 'scenario.json'],
    ['', 'timeline.png', 'scenario.timeline.png'],
  ])('%j → %s', (name, suffix, expected) => {
    expect(fileNameFor({ name }, suffix)).toBe(expected);
  });

  it('cuts a very long name so the file name stays usable', () => {
    const name = fileNameFor({ name: 'x'.repeat(500) }, 'svg');
    expect(name).toBe(`${'x'.repeat(80)}.svg`);
  });
});
