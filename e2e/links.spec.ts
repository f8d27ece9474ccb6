import { expect, test } from '@playwright/test';

/** Scenarios travel as links: the same run at the same moment in a fresh page; a broken link says why. */

test('copy the link of an edited scenario, open it in a fresh page: same trace hash, same cursor, same view', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('failover-happy-path');
  const cursor = page.getByRole('textbox', { name: 'Cursor time in ms' });
  await cursor.fill('300');
  await cursor.press('Enter');
  await page.getByRole('combobox', { name: 'Fault' }).selectOption({ label: 'Kill the master' });
  await page.getByRole('button', { name: 'Inject fault at cursor' }).click();
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  await page.keyboard.press('Shift+ArrowRight'); // to the violation
  await expect(page.getByTestId('cursor-verdict')).toHaveText('Unsafe now: C1 and C2 both believe they hold the lock');
  const at = await cursor.inputValue();
  expect(Number(at)).toBeGreaterThan(6000);
  await page.getByRole('tab', { name: 'Statechart' }).click();
  const hash = await page.getByTestId('trace-hash').textContent();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(2000);
  expect(page.url()).toBe(link);

  const fresh = await browser.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('trace-hash')).toHaveText(hash ?? '');
  await expect(fresh.getByRole('textbox', { name: 'Cursor time in ms' })).toHaveValue(at);
  await expect(fresh.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  await expect(fresh.getByTestId('cursor-verdict')).toHaveText('Unsafe now: C1 and C2 both believe they hold the lock');
  await expect(fresh.getByRole('tab', { name: 'Statechart' })).toHaveAttribute('aria-selected', 'true');
  await expect(fresh.getByTestId('fault-marker')).toHaveCount(1);
  await expect(fresh.getByTestId('link-error')).toHaveCount(0);
  await fresh.screenshot({ path: 'test-results/link-opened.png' });
  await fresh.close();
});

const HOSTILE: Array<[string, RegExp]> = [
  ['v1.zVZNb9tGEP0rg73UAShVku0iVU', /damaged or cut short/],
  ['hello-there', /not a Redlock Playground scenario link/],
  ['v7.AAAA', /newer version of the playground \(link format v7/],
  [`v1.${'QUJD'.repeat(20_000)}`, /too long/],
  // A valid encoding of an invalid scenario (a node that does not exist): made in the page below.
  ['INVALID-SCENARIO', /scenario is not valid:[\s\S]*ttlMs/],
];

for (const [fragment, message] of HOSTILE) {
  test(`a hostile link (${fragment.slice(0, 24)}…) shows what is wrong and offers the default scenario`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let hash = fragment;
    if (fragment === 'INVALID-SCENARIO') {
      await page.goto('/');
      // Encode an invalid document with the page's own format (deflate + base64url), as a tampered link would be.
      hash = await page.evaluate(async () => {
        const doc = {
          scenario: { version: 1, nodes: [{ id: 'A' }], clients: [], lock: { key: 'lock', ttlMs: -5 } },
          cursorMs: 0,
          view: {},
        };
        const stream = new Blob([JSON.stringify(doc)]).stream().pipeThrough(new CompressionStream('deflate-raw'));
        const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
        let bin = '';
        for (const b of bytes) bin += String.fromCharCode(b);
        return `v1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
      });
    }
    await page.goto(`/#${hash}`);
    const banner = page.getByTestId('link-error');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('This link could not be opened.');
    await expect(banner).toContainText(message);
    // The default scenario is there underneath, working.
    await expect(page.getByTestId('scenario-name')).toHaveText('Busy Redlock: three clients, five nodes, one minute');
    await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
    await page.screenshot({ path: `test-results/hostile-link-${HOSTILE.findIndex(([f]) => f === fragment)}.png` });
    await banner.getByRole('button', { name: /^Continue with/ }).click();
    await expect(banner).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
  });
}
