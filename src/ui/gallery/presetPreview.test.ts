import { describe, expect, it } from 'vitest';
import { cachedPresetPreview, presetPreview } from './presetPreview.ts';

describe('presetPreview', () => {
  it('runs a preset once: the second call returns the very same preview', () => {
    expect(cachedPresetPreview('split-vote')).toBeUndefined();
    const first = presetPreview('split-vote');
    expect(first.ok).toBe(true);
    expect(cachedPresetPreview('split-vote')).toBe(first);
    expect(presetPreview('split-vote')).toBe(first);
  });

  it('gives the checker’s verdict: failover-loses-lock is unsafe, setnx-expire-crash safe but deadlocked', () => {
    const failover = presetPreview('failover-loses-lock');
    const setnx = presetPreview('setnx-expire-crash');
    expect(failover.ok && { safe: failover.safe, deadlocked: failover.deadlocked }).toEqual({ safe: false, deadlocked: false });
    expect(setnx.ok && { safe: setnx.safe, deadlocked: setnx.deadlocked }).toEqual({ safe: true, deadlocked: true });
  });

  it('says what is wrong with an unknown preset instead of throwing', () => {
    const missing = presetPreview('no-such-preset');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error).toContain('no preset "no-such-preset"');
  });
});
