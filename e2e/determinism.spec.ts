import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseScenario } from '../src/scenario/parse.ts';
import { PRESETS } from '../src/scenario/presets/index.ts';
import { run } from '../src/sim/engine/run.ts';

/** The same scenario gives the same trace hash in the browser (built app, Chromium) and in Node. */
function nodeHash(input: unknown): string {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`invalid scenario: ${JSON.stringify(parsed.issues)}`);
  return run(parsed.value).traceHash;
}

const examplesDir = join(import.meta.dirname, '..', 'docs', 'examples');
const scenarios = [
  ...PRESETS.map((p) => ({ id: p.name, input: p.scenario })),
  ...readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ id: f.replace(/\.json$/, ''), input: JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as unknown })),
];

for (const scenario of scenarios) {
  test(`browser and Node agree on the trace hash of ${scenario.id}`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario.id);
    await expect(page.getByTestId('scenario-name')).toHaveText((scenario.input as { name: string }).name);
    const hash = nodeHash(scenario.input);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('trace-hash')).toHaveText(hash);
  });
}
