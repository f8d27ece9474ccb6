/**
 * What a search worker does with one request: parse it, run the chunk or the shrink with the
 * search core, and say what came of it. Plain and synchronous, so the tests drive it without
 * a real Worker (searchWorker.ts only wires it to postMessage). Never throws: a failure is an
 * error reply the panel shows.
 */
import { baseScenario } from '../../search/baseScenario.ts';
import { evaluate } from '../../search/evaluate.ts';
import { sampleRun } from '../../search/sampleRun.ts';
import { searchChunk } from '../../search/search.ts';
import { shrink } from '../../search/shrink.ts';
import { parseSearchSpec, type SearchSpec } from '../../search/spec.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { parseWorkerRequest, type WorkerReply } from './workerProtocol.ts';

/** A handler that remembers the last spec's base scenario (every chunk of a search shares it). */
export function createRequestHandler(): (data: unknown) => WorkerReply {
  let cached: { key: string; spec: SearchSpec; base: Scenario } | null = null;
  const specOf = (input: unknown): { spec: SearchSpec; base: Scenario } | string => {
    const key = JSON.stringify(input);
    if (cached !== null && cached.key === key) return cached;
    const parsed = parseSearchSpec(input);
    if (!parsed.ok) return parsed.error;
    cached = { key, spec: parsed.spec, base: baseScenario(parsed.spec) };
    return cached;
  };
  return (data) => {
    try {
      const request = parseWorkerRequest(data);
      if (!request.ok) return { type: 'error', message: request.error };
      const r = request.value;
      const s = specOf(r.spec);
      if (typeof s === 'string') return { type: 'error', message: s };
      if (r.type === 'search') {
        const chunk = searchChunk(s.spec, r.from, r.to, s.base);
        const found = chunk.found === null ? null : { index: chunk.found.index, finding: chunk.found.finding };
        return { type: 'chunk', from: r.from, to: r.to, runs: chunk.runs, found };
      }
      const scenario = sampleRun(s.spec, s.base, r.index);
      const finding = evaluate(scenario);
      if (finding === null) return { type: 'error', message: `run #${r.index} does not break the lock: nothing to shrink` };
      const shrunk = shrink(scenario, finding);
      return {
        type: 'shrunk',
        index: r.index,
        faultsBefore: scenario.timeline.length,
        scenario: shrunk.scenario,
        finding: shrunk.finding,
        runs: shrunk.runs,
        budgetExhausted: shrunk.budgetExhausted,
      };
    } catch (e) {
      return { type: 'error', message: `the search worker failed: ${e instanceof Error ? e.message.slice(0, 500) : String(e)}` };
    }
  };
}
