import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_SCENARIO } from '../src/scenario/defaultScenario.ts';
import { parseScenario } from '../src/scenario/parse.ts';
import { run } from '../src/sim/engine/run.ts';

/** The same scenario gives the same trace hash in the browser (built app, Chromium) and in Node. */
function nodeHash(input: unknown): string {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`invalid example: ${JSON.stringify(parsed.issues)}`);
  return run(parsed.value).traceHash;
}

const examplesDir = join(import.meta.dirname, '..', 'docs', 'examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json') && f !== 'failover-raw.json')
  .map((f) => ({ id: f.replace(/\.json$/, ''), input: JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as unknown }));

test('the page loads the default scenario and shows its run summary from the engine', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Redlock Playground' })).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toHaveText('Failover loses the lock (raw commands)');
  // The run's story: the master crashes, Sentinel promotes the replica, C2 then holds the lock.
  await expect(page.getByTestId('faults')).toContainText('failover: R promoted, replacing M');
  await expect(page.getByTestId('node-R')).toContainText('lock=c2-token');
  // Both clients were told OK for the same lock: C1 by the old master, C2 by the promoted replica.
  const okRows = page
    .getByTestId('replies')
    .locator('tbody tr', { hasText: 'SET lock' })
    .filter({ has: page.locator('td:last-child', { hasText: /^OK$/ }) });
  await expect(okRows).toHaveCount(2);
  await expect(page.getByTestId('trace-hash')).toHaveText(nodeHash(DEFAULT_SCENARIO));
  await page.screenshot({ path: 'test-results/default-scenario.png', fullPage: true });
});

for (const example of examples) {
  test(`browser and Node agree on the trace hash of ${example.id}`, async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption(example.id);
    await expect(page.getByTestId('scenario-name')).toHaveText((example.input as { name: string }).name);
    const hash = nodeHash(example.input);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('trace-hash')).toHaveText(hash);
  });
}
