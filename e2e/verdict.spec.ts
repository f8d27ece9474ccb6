import { expect, test } from '@playwright/test';
import { check } from '../src/check/check.ts';
import { loadPreset } from '../src/scenario/presets/index.ts';
import { run } from '../src/sim/engine/run.ts';

/** What the checker says in Node about a preset, to compare with what the page shows. */
function nodeVerdict(name: string) {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  const result = run(loaded.value);
  return { hash: result.traceHash, verdict: check(result.trace) };
}

test('the page opens on the busy Redlock run and shows the checker find it safe', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Redlock Playground' })).toBeVisible();
  const expected = nodeVerdict('busy-redlock');
  await expect(page.getByTestId('scenario-name')).toHaveText('Busy Redlock: three clients, five nodes, one minute');
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByTestId('acquisitions')).toHaveText(String(expected.verdict.acquisitions));
  expect(expected.verdict.acquisitions).toBeGreaterThan(20);
  await expect(page.getByTestId('trace-hash')).toHaveText(expected.hash);
  await page.screenshot({ path: 'test-results/default-scenario.png', fullPage: true });
});

test("Kleppmann's GC pause: unsafe without fencing, safe with a fencing token or antirez's check-and-set", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('gc-pause-after-acquire');
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  await expect(page.getByTestId('stale-writes')).toContainText("the storage accepted C1's write from epoch 1 after C2's from epoch 2");
  const fencing = page.getByRole('combobox', { name: 'Fencing' });
  await fencing.selectOption('token');
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByTestId('fencing-rejections')).toContainText("fencing rejected C1's write (epoch 1): token 1 is lower than 2");
  await fencing.selectOption('cas');
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByTestId('fencing-rejections')).toContainText('the resource no longer holds its lock value');
  // Choosing another scenario goes back to that scenario's own fencing mode.
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('happy-path');
  await expect(fencing).toHaveValue('none');
});

test('a clock jump on a Redis node: the page explains which two clients held the lock and why', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('clock-jump');
  const expected = nodeVerdict('clock-jump').verdict.exclusionViolations[0];
  if (expected === undefined) throw new Error('clock-jump should have a violation in Node');
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  const violation = page.getByTestId('violations').locator('li').first();
  await expect(violation).toContainText(`C1 and C2 both held the lock from ${expected.atMs} to ${expected.untilMs} ms.`);
  await expect(violation).toContainText('after a clock jump on C');
});

test('SETNX then EXPIRE with a crash in between: the page reports the deadlock', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('setnx-expire-crash');
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByTestId('deadlock')).toContainText('yes: lock on A, owner C1');
  await expect(page.getByTestId('deadlock-warning')).toContainText('Safe, but deadlocked: lock on A has no TTL and its owner C1 is gone');
});

test('the happy path: the page lists who held the lock, one after the other', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('happy-path');
  const beliefs = nodeVerdict('happy-path').verdict.beliefs;
  const rows = page.getByTestId('beliefs').locator('tbody tr');
  await expect(rows).toHaveCount(beliefs.length);
  await expect(rows.nth(0)).toContainText('C1');
  await expect(rows.nth(0)).toContainText('released it');
  await expect(rows.nth(1)).toContainText('C2');
  await expect(rows.nth(1)).toContainText(`${beliefs[1]?.startMs} ms`);
});
