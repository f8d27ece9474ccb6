import { expect, test } from '@playwright/test';

/**
 * The README's screenshots, taken from the built app at 1280×720 (a classroom projector),
 * each after checking that the page shows what the caption says.
 */
test.use({ viewport: { width: 1280, height: 720 } });

/** `npm run screenshots` refreshes the README's images; `npm test` only checks the pages and keeps them in test-results/. */
const shot = (name: string) => (process.env.UPDATE_SCREENSHOTS === '1' ? `docs/img/${name}` : `test-results/${name}`);

test('README: the failover overlap, light theme, auto-paused at the violation', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('failover-loses-lock');
  await page.getByRole('button', { name: 'Next violation (Shift+Right)' }).click();
  await page.getByRole('tab', { name: 'Statechart' }).click();
  await expect(page.getByTestId('cursor-verdict')).toHaveText('Unsafe now: C1 and C2 both believe they hold the lock');
  await expect(page.getByTestId('violation-band')).toHaveCount(1);
  await page.screenshot({ path: shot('playground-failover.png') });
});

test('README: the clock jump, dark theme, with the chain of causes lit', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('clock-jump');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: /^Why\? Jump to the cause of: C1 and C2/ }).click();
  await expect(page.getByTestId('cause-chain')).toContainText("C's clock jumped +10000 ms");
  await page.screenshot({ path: shot('playground-clock-jump-dark.png') });
});

test('README: the default busy Redlock run at its end (18,826 events)', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('End');
  await expect(page.getByTestId('cursor-verdict')).toHaveText('Safe so far');
  await page.screenshot({ path: shot('playground-default.png') });
});

test('README: presenter mode on the GC-pause lesson, at 1280×720', async ({ page }) => {
  await page.goto('/?present#lesson=process-pause/2');
  await expect(page.getByTestId('lesson-step-title')).toHaveText('A GC pause between the check and the write');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await page.screenshot({ path: shot('presenter-mode.png') });
});

test('README: an embedded lesson step, as an iframe of 900×500 shows it', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 500 });
  await page.goto('/?embed#lesson=failover/2');
  await expect(page.getByTestId('lesson-step-title')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0); // no top bar in an embed
  await page.screenshot({ path: shot('embedded-lesson.png') });
});
