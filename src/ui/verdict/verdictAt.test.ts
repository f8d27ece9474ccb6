import { describe, expect, it } from 'vitest';
import { check } from '../../check/check.ts';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { verdictAt } from './verdictAt.ts';

const parsed = loadPreset('failover-loses-lock');
if (!parsed.ok) throw new Error('preset');
const verdict = check(run(parsed.value).trace);

describe('verdictAt (failover-loses-lock: overlap 31020–36022 ms, stale write at 40012 ms)', () => {
  it('is safe so far before the overlap, with the findings counted as ahead', () => {
    const v = verdictAt(verdict, 31019);
    expect(v.status).toBe('safe-so-far');
    expect(v.headline).toBe('Safe so far');
    expect(v.ahead).toBe(2);
  });

  it('is unsafe now from the instant the second client acquires until the first belief ends', () => {
    for (const t of [31020, 33000, 36021]) {
      const v = verdictAt(verdict, t);
      expect(v.status).toBe('unsafe-now');
      expect(v.headline).toBe('Unsafe now: C1 and C2 both believe they hold the lock');
    }
  });

  it('stays unsafe afterwards, and counts the stale write once the cursor reaches it', () => {
    expect(verdictAt(verdict, 36022).headline).toBe('Unsafe so far: 1 exclusion violation');
    expect(verdictAt(verdict, 40012).headline).toBe('Unsafe so far: 1 exclusion violation, 1 stale write');
    expect(verdictAt(verdict, 40012).ahead).toBe(0);
  });
});
