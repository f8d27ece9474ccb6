import { describe, expect, it } from 'vitest';
import { fullPageUrl, pageModeOf, searchWithFlag } from './pageMode.ts';

describe('page modes from the query string', () => {
  it('is the default page without flags', () => {
    expect(pageModeOf('')).toEqual({ present: false, embed: false });
    expect(pageModeOf('?theme=dark')).toEqual({ present: false, embed: false });
  });

  it('reads ?present and ?embed, bare or with a value, and refuses "0" / "false" / "no"', () => {
    expect(pageModeOf('?present')).toEqual({ present: true, embed: false });
    expect(pageModeOf('?embed=1&present=yes')).toEqual({ present: true, embed: true });
    expect(pageModeOf('?present=0&embed=false')).toEqual({ present: false, embed: false });
    expect(pageModeOf('?present=NO')).toEqual({ present: false, embed: false });
  });

  it('sets and removes a flag, keeping the other parameters', () => {
    expect(searchWithFlag('', 'present', true)).toBe('?present');
    expect(searchWithFlag('?present', 'present', false)).toBe('');
    expect(searchWithFlag('?a=1&present=', 'present', true)).toBe('?a=1&present');
    expect(searchWithFlag('?a=1&present', 'present', false)).toBe('?a=1');
  });

  it('links an embedded page to the full playground on the same fragment', () => {
    const at = { origin: 'https://x.test', pathname: '/play/', search: '?embed&present' };
    expect(fullPageUrl(at, 'lesson=fencing/2')).toBe('https://x.test/play/?present#lesson=fencing/2');
    expect(fullPageUrl({ ...at, search: '?embed' }, '')).toBe('https://x.test/play/');
  });
});
