import { expect, test } from '@playwright/test';

/**
 * Search for a counterexample from the panel: Redlock with clock jumps breaks, the search runs
 * in workers with a moving progress bar, the shrunk run lands on the timeline, and its link
 * opens the same violation in a fresh page.
 */
test('search Redlock with clock jumps: the progress moves, a one-jump violation lands on the timeline, its link reproduces it', async ({
  page,
  browser,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const panel = page.getByTestId('search-panel');
  await expect(panel).toBeVisible();

  await panel.getByRole('combobox', { name: 'Design' }).selectOption('redlock');
  const kinds = panel.getByRole('group', { name: 'Fault kinds' }).getByRole('checkbox');
  for (const box of await kinds.all()) {
    if (await box.isEnabled()) await box.uncheck();
  }
  await panel.getByRole('checkbox', { name: 'Clock jumps' }).check();
  // Failover is for the single-failover design only.
  await expect(panel.getByRole('checkbox', { name: 'Failover (the master dies)' })).toBeDisabled();
  const budget = panel.getByRole('textbox', { name: 'Run budget' });
  await budget.fill('');
  await expect(panel.getByTestId('search-errors')).toContainText('Run budget: enter a number');
  await expect(panel.getByRole('button', { name: 'Start' })).toBeDisabled();
  await budget.fill('2000');
  await panel.getByRole('textbox', { name: 'Search seed' }).fill('1');
  await expect(panel.getByTestId('search-errors')).toHaveCount(0);
  await expect(panel.getByTestId('search-command')).toHaveText('npm run search -- --faults clock-jump --runs 2000');

  // Record every value the progress bar shows while the search runs.
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="search-progress"]');
      if (bar !== null && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await panel.getByRole('button', { name: 'Start' }).click();
  const finding = panel.getByTestId('search-finding');
  await expect(finding).toHaveText(/^C\d and C\d both believe they hold the lock at \d+ ms\.$/, { timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  expect(seen.length, `progress values: ${seen.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(seen[0]).toBe(0);
  expect(seen[seen.length - 1]).toBeGreaterThan(134); // the first counterexample is run #134, as `npm run search` finds
  // The same run and the same shrunk fault as `npm run search -- --faults clock-jump --runs 2000` prints.
  await expect(panel.getByTestId('search-found')).toContainText('First found at run #134; shrunk from 1 fault to 1 fault');
  await expect(panel.getByTestId('search-found').getByRole('listitem')).toHaveText(["at 2 ms: C's clock jumps 10000 ms forward"]);

  // The shrunk run is the playground's scenario now, at the moment the lock breaks.
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('search');
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  const violation = /^Unsafe now: C\d and C\d both believe they hold the lock$/;
  await expect(page.getByTestId('cursor-verdict')).toHaveText(violation);
  await expect(page.getByTestId('fault-marker')).toHaveCount(1);
  const at = await page.getByRole('textbox', { name: 'Cursor time in ms' }).inputValue();
  expect(await finding.textContent()).toContain(`at ${at} ms`);
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.screenshot({ path: 'test-results/search-found.png' });

  await panel.getByRole('button', { name: 'Copy link' }).click();
  const link = await panel.getByTestId('search-link').inputValue();
  expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
  expect(page.url()).toBe(link);

  const fresh = await browser.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('link-error')).toHaveCount(0);
  await expect(fresh.getByTestId('trace-hash')).toHaveText(hash ?? '');
  await expect(fresh.getByRole('textbox', { name: 'Cursor time in ms' })).toHaveValue(at);
  await expect(fresh.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  await expect(fresh.getByTestId('cursor-verdict')).toHaveText(violation);
  await expect(fresh.getByTestId('fault-marker')).toHaveCount(1);
  await fresh.close();

  // Loading was an edit like any other: Undo brings back the scenario from before.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('busy-redlock');
  expect(errors).toEqual([]);
});

test('Stop ends a search that finds nothing and says how many runs were done', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const panel = page.getByTestId('search-panel');
  await panel.getByRole('combobox', { name: 'Design' }).selectOption('set-nx-px-cad');
  for (const box of await panel.getByRole('group', { name: 'Fault kinds' }).getByRole('checkbox').all()) {
    if (await box.isEnabled()) await box.uncheck();
  }
  await panel.getByRole('textbox', { name: 'Run budget' }).fill('1000000');
  await panel.getByRole('button', { name: 'Start' }).click();
  const runs = panel.getByTestId('search-runs');
  await expect(runs).not.toHaveText(/^0 of/);
  await expect(panel.getByTestId('search-best')).toHaveText('Best so far: nothing yet');
  await panel.getByRole('button', { name: 'Stop' }).click();
  const stopped = panel.getByTestId('search-stopped');
  await expect(stopped).toContainText(/Stopped after [\d,]+ runs\. Nothing broke the lock in them\./);
  const done = (await runs.textContent())?.split(' of ')[0];
  expect(await stopped.textContent()).toContain(`Stopped after ${done} runs`);
  await expect(panel.getByRole('button', { name: 'Start' })).toBeEnabled();
});
