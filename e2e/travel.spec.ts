import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { findPreset } from '../src/scenario/presets/index.ts';

/** Scenarios travel: built in the editor and shared by link, exported as images and files, imported, picked from the gallery. */

const cursorTime = (page: Page) => page.getByRole('textbox', { name: 'Cursor time in ms' });

test('build a scenario in the editor, copy its link, open it in a fresh page: same trace hash, same cursor', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('happy-path');
  const original = await page.getByTestId('trace-hash').textContent();
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByTestId('scenario-editor');
  await expect(editor).toBeVisible();
  const ttl = editor.getByLabel('Lock TTL (ms)');
  await ttl.fill('2500');
  await ttl.press('Enter');
  await editor.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByTestId('client-card')).toHaveCount(3);
  const hash = await page.getByTestId('trace-hash').textContent();
  expect(hash).not.toBe(original);
  await cursorTime(page).fill('2600');
  await cursorTime(page).press('Enter');
  await expect(cursorTime(page)).toHaveValue('2600');
  await page.screenshot({ path: 'test-results/editor-built.png' });
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link.length).toBeLessThan(2000);

  const fresh = await browser.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('trace-hash')).toHaveText(hash ?? '');
  await expect(fresh.getByRole('textbox', { name: 'Cursor time in ms' })).toHaveValue('2600');
  await expect(fresh.getByTestId('client-card')).toHaveCount(3);
  await fresh.close();
});

test('the JSON view refuses an invalid document with the field named, and keeps the text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('happy-path');
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByTestId('scenario-editor');
  await editor.getByRole('tab', { name: 'JSON' }).click();
  const json = editor.getByTestId('editor-json');
  const text = (await json.inputValue()).replace('"ttlMs": 10000', '"ttlMs": -4');
  await json.fill(text);
  await editor.getByRole('button', { name: 'Apply' }).click();
  await expect(editor.getByTestId('editor-error')).toContainText('lock.ttlMs');
  await expect(json).toHaveValue(text);
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE'); // the run is untouched
});

async function download(page: Page, item: string): Promise<string> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const path = join('test-results', file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('export the timeline as SVG and PNG (valid images of the run), the trace and the scenario as JSON', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('failover-loses-lock');
  const svgPath = await download(page, 'Timeline as SVG');
  expect(svgPath).toMatch(/failover-loses-the-lock-s8\.timeline\.svg$/);
  const svg = readFileSync(svgPath, 'utf8');
  // The browser's own XML parser accepts it as an SVG with a lane per process and the violation band.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, texts };
  }, svg);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  for (const lane of ['M', 'R', 'C1', 'C2']) expect(parsed.texts).toContain(lane);
  expect(svg).toContain('C1 and C2');

  const pngPath = await download(page, 'Timeline as PNG');
  const png = readFileSync(pngPath);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBeGreaterThanOrEqual(1600);
  expect(height).toBeGreaterThan(300);
  // And it decodes as an image in the browser.
  const size = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    return [bitmap.width, bitmap.height];
  }, png.toString('base64'));
  expect(size).toEqual([width, height]);

  const trace = JSON.parse(readFileSync(await download(page, 'Trace as JSON'), 'utf8')) as { traceHash: string; trace: unknown[] };
  await expect(page.getByTestId('trace-hash')).toHaveText(trace.traceHash);
  expect(trace.trace.length).toBe(Number(await page.getByTestId('event-count').textContent()));
  const scenario = JSON.parse(readFileSync(await download(page, 'Scenario as JSON'), 'utf8')) as { name: string };
  expect(scenario.name).toBe('Failover loses the lock (S8)');
});

test('open a scenario file; a bad file says why and changes nothing', async ({ page }) => {
  await page.goto('/');
  const doc = { ...(findPreset('clock-jump')?.scenario as object), name: 'My clock jump' };
  const good = join('test-results', 'my-clock-jump.json');
  writeFileSync(good, JSON.stringify(doc));
  await page.getByTestId('import-input').setInputFiles(good);
  await expect(page.getByTestId('scenario-name')).toHaveText('My clock jump');
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');

  const bad = join('test-results', 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...doc, clients: [{ id: 'C1', strategy: { kind: 'teleport' } }] }));
  await page.getByTestId('import-input').setInputFiles(bad);
  await expect(page.getByTestId('import-error')).toContainText('bad.json');
  await expect(page.getByTestId('import-error')).toContainText('clients[0]');
  await expect(page.getByTestId('scenario-name')).toHaveText('My clock jump');
});

test('the gallery: filter by S-number, open a preset', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Gallery' }).click();
  const gallery = page.getByTestId('gallery');
  await expect(gallery.getByTestId('gallery-card')).toHaveCount(20);
  await page.getByRole('searchbox', { name: 'Filter presets' }).fill('S8');
  await expect(gallery.getByTestId('gallery-card')).toHaveCount(3);
  await gallery.locator('[data-preset="failover-loses-lock"]').click();
  await expect(page.getByTestId('gallery-dialog')).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText('Failover loses the lock (S8)');
});
