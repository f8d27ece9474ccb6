/**
 * `npm run search -- [options] [--json]`: search fault schedules for a run that breaks the lock,
 * shrink the first one found to the simplest that still does, and print it with a playground
 * link. The seed is printed first (as TigerBeetle's simulator does): the same seed and options
 * make the same search. Exit 0 when the search finished, found or not; 2 on bad arguments.
 */
import { writeFileSync } from 'node:fs';
import { check } from '../check/check.ts';
import { formatVerdict } from '../check/formatVerdict.ts';
import { encodeLink } from '../scenario/link/encodeLink.ts';
import { baseScenario } from '../search/baseScenario.ts';
import { describeCoverage } from '../search/coverage.ts';
import { describeFinding } from '../search/evaluate.ts';
import { type Counterexample, searchChunk } from '../search/search.ts';
import { shrink, type ShrinkResult } from '../search/shrink.ts';
import type { SearchSpec } from '../search/spec.ts';
import { run } from '../sim/engine/run.ts';
import { parseSearchArgs, SEARCH_USAGE } from './searchArgs.ts';

const CHUNK_RUNS = 1_000;
const PLAYGROUND_URL = 'http://127.0.0.1:5173/';

interface Outcome {
  runs: number;
  elapsedMs: number;
  found: Counterexample | null;
  shrunk: ShrinkResult | null;
  shrinkMs: number;
}

function searchAll(spec: SearchSpec, progress: (runs: number) => void): Omit<Outcome, 'shrunk' | 'shrinkMs'> {
  const base = baseScenario(spec);
  const startedMs = performance.now();
  let runs = 0;
  for (let from = 0; from < spec.runs; from += CHUNK_RUNS) {
    const chunk = searchChunk(spec, from, Math.min(spec.runs, from + CHUNK_RUNS), base);
    runs += chunk.runs;
    if (chunk.found !== null) return { runs, elapsedMs: performance.now() - startedMs, found: chunk.found };
    progress(runs);
  }
  return { runs, elapsedMs: performance.now() - startedMs, found: null };
}

function linkFor(result: ShrinkResult): string {
  const fragment = encodeLink({ scenario: result.scenario, cursorMs: result.finding.atMs, view: { selected: null, panel: 'faults' } });
  return `${PLAYGROUND_URL}#${fragment}`;
}

function textReport(spec: SearchSpec, o: Outcome): string {
  const rate = Math.round(o.runs / Math.max(o.elapsedMs / 1000, 1e-3));
  const lines = [`${o.runs.toLocaleString('en-US')} runs in ${(o.elapsedMs / 1000).toFixed(1)} s (${rate.toLocaleString('en-US')} runs/s)`];
  if (o.found === null) {
    lines.push(`no counterexample: ${describeCoverage(spec, o.runs)}`);
    return lines.join('\n');
  }
  lines.push(`found at run #${o.found.index}: ${describeFinding(o.found.finding)} (${o.found.scenario.timeline.length} faults)`);
  const final = o.shrunk ?? { scenario: o.found.scenario, finding: o.found.finding, runs: 0, budgetExhausted: false };
  if (o.shrunk !== null) {
    lines.push(
      `shrunk in ${o.shrunk.runs} runs (${Math.round(o.shrinkMs)} ms)${o.shrunk.budgetExhausted ? ', budget spent: it may shrink further' : ''}: ${describeFinding(o.shrunk.finding)}`,
    );
  }
  const s = final.scenario;
  lines.push(
    `  ${s.nodes.length} nodes (${s.nodes.map((n) => `${n.id}${n.persistence === 'none' ? '' : ` ${n.persistence}`}`).join(', ')}), ${s.clients.length} clients, ${s.durationMs} ms, scenario seed ${s.seed}`,
  );
  if (s.timeline.length === 0) lines.push('  no faults: the design breaks on a healthy network');
  for (const e of s.timeline) lines.push(`  fault: ${JSON.stringify(e)}`);
  lines.push(...formatVerdict(check(run(s).trace)).map((l) => `  ${l}`));
  lines.push(`open it: ${linkFor(final)}`);
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  const args = parseSearchArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`search: ${args}\n${SEARCH_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${SEARCH_USAGE}\n`);
    return 0;
  }
  const { spec } = args;
  if (!args.json)
    process.stdout.write(
      `search seed ${spec.seed}: ${spec.strategy}, fencing ${spec.fencing}, up to ${spec.runs.toLocaleString('en-US')} runs\n`,
    );
  let lastReportMs = performance.now();
  const found = searchAll(spec, (runs) => {
    if (args.json || performance.now() - lastReportMs < 1000) return;
    lastReportMs = performance.now();
    process.stderr.write(`  ${runs.toLocaleString('en-US')} runs…\n`);
  });
  const shrinkStartMs = performance.now();
  const shrunk = found.found !== null && args.shrink ? shrink(found.found.scenario, found.found.finding) : null;
  const outcome: Outcome = { ...found, shrunk, shrinkMs: performance.now() - shrinkStartMs };
  const final = shrunk?.scenario ?? found.found?.scenario ?? null;
  if (args.outPath !== null && final !== null) {
    try {
      writeFileSync(args.outPath, `${JSON.stringify(final, null, 2)}\n`);
    } catch (e) {
      process.stderr.write(`search: cannot write ${args.outPath}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify(jsonReport(spec, outcome))}\n`);
  else process.stdout.write(`${textReport(spec, outcome)}\n`);
  return 0;
}

function jsonReport(spec: SearchSpec, o: Outcome) {
  const final = o.shrunk ?? (o.found === null ? null : { scenario: o.found.scenario, finding: o.found.finding });
  return {
    spec,
    runs: o.runs,
    runsPerSecond: Math.round(o.runs / Math.max(o.elapsedMs / 1000, 1e-3)),
    found: o.found === null ? null : { index: o.found.index, finding: o.found.finding, faults: o.found.scenario.timeline.length },
    shrunk: o.shrunk === null ? null : { runs: o.shrunk.runs, ms: Math.round(o.shrinkMs), budgetExhausted: o.shrunk.budgetExhausted },
    counterexample:
      final === null
        ? null
        : {
            finding: final.finding,
            description: describeFinding(final.finding),
            scenario: final.scenario,
            link: linkFor({ ...final, runs: 0, budgetExhausted: false }),
          },
    coverage: o.found === null ? describeCoverage(spec, o.runs) : null,
  };
}

process.exitCode = main(process.argv.slice(2));
