import { describe, expect, it } from 'vitest';
import { baseScenario } from '../../search/baseScenario.ts';
import { sampleRun } from '../../search/sampleRun.ts';
import { searchChunk } from '../../search/search.ts';
import { shrink } from '../../search/shrink.ts';
import { parseSearchSpec } from '../../search/spec.ts';
import { createRequestHandler } from './workerHandler.ts';
import { parseWorkerReply } from './workerProtocol.ts';

const parsed = parseSearchSpec({ strategy: 'redlock', faults: { kinds: ['clock-jump'] }, runs: 2_000, seed: 1 });
if (!parsed.ok) throw new Error(parsed.error);
const spec = parsed.spec;

describe('the search worker', () => {
  it('runs a chunk as the search core does and stops at its first failing run', () => {
    const handle = createRequestHandler();
    const want = searchChunk(spec, 100, 300);
    const reply = handle({ type: 'search', spec, from: 100, to: 300 });
    expect(reply).toEqual({
      type: 'chunk',
      from: 100,
      to: 300,
      runs: want.runs,
      found: { index: want.found?.index, finding: want.found?.finding },
    });
    // The reply passes the page's own check of worker messages, after a structured clone.
    expect(parseWorkerReply(structuredClone(reply)).ok).toBe(true);
    expect(handle({ type: 'search', spec, from: 0, to: 50 })).toMatchObject({ type: 'chunk', runs: 50, found: null });
  });

  it('rebuilds a counterexample from its index and shrinks it as the core does', () => {
    const index = searchChunk(spec, 0, spec.runs).found?.index ?? -1;
    const scenario = sampleRun(spec, baseScenario(spec), index);
    const finding = searchChunk(spec, index, index + 1).found?.finding;
    if (finding === undefined) throw new Error('run does not fail');
    const want = shrink(scenario, finding);
    const reply = createRequestHandler()({ type: 'shrink', spec, index });
    expect(reply).toEqual({
      type: 'shrunk',
      index,
      faultsBefore: scenario.timeline.length,
      scenario: want.scenario,
      finding: want.finding,
      runs: want.runs,
      budgetExhausted: false,
    });
    const checked = parseWorkerReply(structuredClone(reply));
    expect(checked.ok && checked.value.type === 'shrunk' && checked.value.scenario).toEqual(want.scenario);
  });

  it('answers a bad request with an error that says what is wrong, and keeps working', () => {
    const handle = createRequestHandler();
    expect(handle('go')).toMatchObject({ type: 'error', message: expect.stringMatching(/malformed request/) });
    expect(handle({ type: 'search', spec: { ...spec, runs: -1 }, from: 0, to: 5 })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/runs:/),
    });
    expect(handle({ type: 'shrink', spec, index: 0 })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/does not break the lock/),
    });
    expect(handle({ type: 'search', spec, from: 0, to: 5 })).toMatchObject({ type: 'chunk', runs: 5 });
  });
});
