import { readFileSync, writeFileSync } from 'node:fs';
import { formatIssues } from '../scenario/issues.ts';
import { parseScenarioJson } from '../scenario/parse.ts';
import { run } from '../sim/engine/run.ts';
import { summarize } from '../sim/engine/summarize.ts';
import { canonicalJson } from '../sim/trace/canonical.ts';
import { parseArgs, USAGE } from './args.ts';
import { formatSummary } from './formatSummary.ts';

/** `npm run sim -- <file.json>`: run a scenario headless. Exit 2 on bad input, never a stack trace. */
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
  let text: string;
  try {
    text = readFileSync(args.file === '-' ? 0 : (args.file as string), 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read ${args.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) {
    process.stderr.write(`sim: ${args.file} is not a valid scenario:\n${indent(formatIssues(parsed.issues))}\n`);
    return 2;
  }
  const scenario = args.seed === null ? parsed.value : { ...parsed.value, seed: args.seed };
  const result = run(scenario);
  if (args.tracePath !== null) {
    // A JSON array with one canonical event per line; the trace hash is the SHA-256 of those
    // lines joined with "\n" (and a final "\n"), i.e. of serializeTrace(trace).
    writeFileSync(args.tracePath, `[\n${result.trace.map(canonicalJson).join(',\n')}\n]\n`);
  }
  const summary = summarize(scenario, result);
  if (args.json) {
    const { nodes, faults, ...rest } = summary;
    process.stdout.write(`${JSON.stringify({ ...rest, faults, nodes })}\n`);
  } else {
    process.stdout.write(`${formatSummary(summary)}\n`);
    if (args.tracePath !== null) process.stdout.write(`  trace written to ${args.tracePath}\n`);
  }
  return 0;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

process.exitCode = main(process.argv.slice(2));
