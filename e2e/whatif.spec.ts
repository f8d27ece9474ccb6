import { expect, test } from '@playwright/test';

/** What if: fork a run, change one thing, compare both runs on aligned timelines. */
test("fork Kleppmann's GC pause, turn fencing on in the fork: stale writes in one run, fencing rejections and none in the other", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('gc-pause-after-acquire');
  await page.getByRole('button', { name: 'What if…' }).click();
  const dialog = page.getByTestId('whatif-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('whatif-diff')).toHaveText('The fork is the same as the original: change one thing above.');
  const base = dialog.getByTestId('whatif-base');
  const fork = dialog.getByTestId('whatif-fork');
  await expect(fork.getByTestId('whatif-stale')).toHaveText('1');

  await dialog.getByRole('combobox', { name: 'Fork fencing' }).selectOption('token');
  await expect(dialog.getByTestId('whatif-diff')).toHaveText('What if: fencing: none → token');
  await expect(base.getByTestId('whatif-verdict')).toHaveText('UNSAFE');
  await expect(base.getByTestId('whatif-stale')).toHaveText('1');
  await expect(base.getByTestId('whatif-rejections')).toHaveText('0');
  await expect(fork.getByTestId('whatif-verdict')).toHaveText('SAFE');
  await expect(fork.getByTestId('whatif-stale')).toHaveText('0');
  expect(Number(await fork.getByTestId('whatif-rejections').textContent())).toBeGreaterThan(0);
  // Two timelines, one per run, over the same span of time.
  await expect(dialog.getByTestId('timeline')).toHaveCount(2);
  const axes = dialog.getByTestId('timeline-axis');
  await expect(axes).toHaveCount(2);
  const [a, b] = [await axes.nth(0).boundingBox(), await axes.nth(1).boundingBox()];
  expect(a?.x).toBe(b?.x);
  expect(a?.width).toBe(b?.width);
  await page.screenshot({ path: 'test-results/whatif-fencing.png' });

  // Keep the fork: the playground now runs with fencing, and Undo brings the original back.
  await dialog.getByRole('button', { name: 'Keep the fork' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Fencing' })).toHaveValue('token');
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
});
