import { writeFileSync } from 'node:fs';
import { check } from '../check/check.ts';
import { run } from '../sim/engine/run.ts';
import { summarize } from '../sim/engine/summarize.ts';
import { canonicalJson } from '../sim/trace/canonical.ts';
import { parseArgs, USAGE } from './args.ts';
import { formatSummary, type RunContext } from './formatSummary.ts';
import { jsonReport } from './jsonReport.ts';
import { formatPresetList } from './listPresets.ts';
import { loadScenario } from './loadScenario.ts';

/**
 * `npm run sim -- <file.json | --preset NAME>`: run a scenario headless and check it.
 * Exit 0 when the run completed, safe or not (the verdict is in the output); 2 on bad input,
 * never a stack trace.
 */
function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`sim: ${args}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.list) {
    process.stdout.write(`${formatPresetList().join('\n')}\n`);
    return 0;
  }
  const loaded = loadScenario(args);
  if (!loaded.ok) {
    process.stderr.write(`sim: ${loaded.message}\n`);
    return 2;
  }
  const { scenario, preset } = loaded;
  const result = run(scenario);
  if (args.tracePath !== null) {
    // A JSON array with one canonical event per line; the trace hash is the SHA-256 of those
    // lines joined with "\n" (and a final "\n"), i.e. of serializeTrace(trace).
    try {
      writeFileSync(args.tracePath, `[\n${result.trace.map(canonicalJson).join(',\n')}\n]\n`);
    } catch (e) {
      process.stderr.write(`sim: cannot write ${args.tracePath}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  const summary = summarize(scenario, result);
  const lockClients = scenario.clients.filter((c) => c.strategy.kind !== 'script').length;
  const ctx: RunContext = { verdict: check(result.trace), fencing: scenario.fencing, preset, lockClients };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(jsonReport(summary, ctx))}\n`);
  } else {
    process.stdout.write(`${formatSummary(summary, ctx)}\n`);
    if (args.tracePath !== null) process.stdout.write(`trace written to ${args.tracePath}\n`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
