/**
 * The searches the issue names, each with a fixed seed: what a student running the search
 * panel with these settings would see. Budgets are small enough for the test suite and far
 * above what each search needs to find its counterexample.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.ts';
import { check } from '../check/check.ts';
import { run } from '../sim/engine/run.ts';
import { searchChunk } from './search.ts';
import { shrink } from './shrink.ts';
import { parseSearchSpec, type SearchSpecInput } from './spec.ts';

function spec(input: SearchSpecInput) {
  const parsed = parseSearchSpec(input);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.spec;
}

function searchAndShrink(input: SearchSpecInput) {
  const s = spec(input);
  const result = searchChunk(s, 0, s.runs);
  if (result.found === null) return { result, shrunk: null };
  return { result, shrunk: shrink(result.found.scenario, result.found.finding) };
}

describe('counterexample search', () => {
  it('Redlock with clock jumps allowed: finds two holders at once, and shrinks it to one jump', () => {
    const { result, shrunk } = searchAndShrink({ strategy: 'redlock', faults: { kinds: ['clock-jump'] }, runs: 2_000, seed: 1 });
    expect(result.found?.finding.kind).toBe('exclusion');
    expect(shrunk?.scenario.timeline).toHaveLength(1);
    expect(shrunk?.scenario.timeline[0]?.kind).toBe('clock-jump');
    // The shrunk scenario is a valid document, and the checker shows the violation in it.
    const reparsed = parseScenario(JSON.parse(JSON.stringify(shrunk?.scenario)));
    expect(reparsed.ok).toBe(true);
    if (reparsed.ok) expect(check(run(reparsed.value).trace).exclusionViolations.length).toBeGreaterThan(0);
  });

  it('Redlock with pauses and fencing off: finds a stale write; with fencing token the same budget finds none', () => {
    const pauses: SearchSpecInput = { strategy: 'redlock', faults: { kinds: ['pause-client'] }, runs: 1_500, seed: 7 };
    const unfenced = searchAndShrink({ ...pauses, fencing: 'none' });
    expect(unfenced.result.found?.finding.kind).toBe('stale-write');
    expect(unfenced.shrunk?.finding.kind).toBe('stale-write');
    const pausesLeft = unfenced.shrunk?.scenario.timeline ?? [];
    expect(pausesLeft.length).toBeGreaterThan(0);
    expect(pausesLeft.length).toBeLessThanOrEqual(unfenced.result.found?.scenario.timeline.length ?? 0);
    expect(pausesLeft.every((e) => e.kind === 'pause-client')).toBe(true);
    const fenced = searchAndShrink({ ...pauses, fencing: 'token' });
    expect(fenced.result.found).toBeNull();
    expect(fenced.result.runs).toBe(1_500);
  });

  it('SET NX PX with DEL (no owner check): finds a violation', () => {
    const { result, shrunk } = searchAndShrink({ strategy: 'set-nx-px-del', runs: 2_000, seed: 3 });
    expect(result.found).not.toBeNull();
    expect(shrunk?.finding.kind).toBe('exclusion');
  });

  it('a search is the same whichever way its runs are split (the panel’s two workers find what one would)', () => {
    const s = spec({ strategy: 'redlock', faults: { kinds: ['clock-jump', 'pause-client'] }, runs: 600, seed: 11 });
    const whole = searchChunk(s, 0, s.runs);
    let first = null;
    for (let from = 0; from < s.runs && first === null; from += 50) first = searchChunk(s, from, from + 50).found;
    expect(first?.index).toBe(whole.found?.index);
    expect(first?.scenario).toEqual(whole.found?.scenario);
  });
});
