import { type ChildProcess, spawn } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';

/**
 * The Real Redis mode against the real bridge: this spec starts `bridge/cli.ts` itself (it
 * starts its own redis-servers on loopback ports), reads the address and the token it prints,
 * and drives the built app as a user does: a wrong token, lock operations outside a run, a run
 * of the happy path with a node killed from the topology. Ctrl-C (SIGINT) stops the bridge
 * and its redis-servers at the end.
 */

const ORIGIN = 'http://127.0.0.1:4173';
let bridge: ChildProcess;
let url = '';
let token = '';

test.describe.configure({ mode: 'serial' });

/** Waits for the banner's `url:` and `token:` lines (bridge/server/startupBanner.ts). */
function readBanner(child: ChildProcess, timeoutMs: number): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the bridge printed no address in ${timeoutMs} ms:\n${out}\n${err}`)), timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const u = /^\s*url:\s+(ws:\/\/\S+)/m.exec(out);
      const t = /^\s*token:\s+(\S+)/m.exec(out);
      if (u?.[1] !== undefined && t?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ url: u[1], token: t[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bridge exited (${code}) before it was ready:\n${out}\n${err}`));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // Its own process group, so Ctrl-C reaches npx, tsx and the bridge as it does in a terminal.
  bridge = spawn('npx', ['tsx', 'bridge/cli.ts', '--port', '0', '--origin', ORIGIN], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  ({ url, token } = await readBanner(bridge, 80_000));
});

test.afterAll(async () => {
  if (bridge.pid === undefined || bridge.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => bridge.once('exit', () => resolve()));
  process.kill(-bridge.pid, 'SIGINT');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
});

const panel = (page: Page) => page.getByRole('region', { name: 'Real Redis' });

/** Opens the page the way the bridge's printed link does, on a preset; the panel opens with the address filled in. */
async function openWithBridge(page: Page, preset: string) {
  await page.goto(`/?bridge=${encodeURIComponent(url)}`);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(preset);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByRole('textbox', { name: 'Bridge address' })).toHaveValue(url);
}

async function connect(page: Page, withToken: string) {
  await panel(page).getByLabel('Token').fill(withToken);
  await panel(page).getByRole('button', { name: 'Connect' }).click();
}

test('a wrong token is refused, in words, with what to do', async ({ page }) => {
  await openWithBridge(page, 'happy-path');
  await connect(page, 'not-the-token');
  await expect(panel(page).getByTestId('bridge-problem')).toContainText('The bridge refused the token.');
  await expect(panel(page).getByTestId('bridge-problem')).toContainText('Copy the token that “npm run bridge” printed');
  await expect(panel(page).getByRole('button', { name: 'Connect' })).toBeEnabled();
  // The token never reaches the address or the page's storage.
  expect(page.url()).not.toContain('not-the-token');
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('not-the-token');
  await page.screenshot({ path: 'test-results/bridge-wrong-token.png' });
});

test('connected: the nodes with roles and ports; Acquire and Release as C1 on real nodes, outside a run', async ({ page }) => {
  await openWithBridge(page, 'happy-path');
  await connect(page, token);
  await expect(panel(page).getByTestId('bridge-status')).toHaveText(/^Connected to ws:\/\/127\.0\.0\.1:\d+\/?: 7 redis-server nodes\.$/);
  const nodes = panel(page).getByRole('table', { name: 'Real Redis nodes' });
  await expect(nodes.getByRole('row')).toHaveCount(9); // header + A-E, M, R, S
  await expect(nodes.getByRole('row', { name: /^S sentinel 127\.0\.0\.1:\d+$/ })).toBeVisible();
  await expect(panel(page).getByTestId('bridge-clock-jump')).toContainText('Clock jumps:');
  await panel(page).getByRole('button', { name: 'Close the Real Redis panel' }).click();

  const topology = page.getByTestId('topology');
  await page.getByRole('button', { name: 'Acquire the lock as C1 on real Redis' }).click();
  await expect(page.getByTestId('real-badge')).toHaveText('REAL REDIS — lock operations, live');
  await expect(topology.locator('[data-client="C1"]').getByTestId('holds-lock')).toBeVisible();
  await expect(page.getByTestId('acquisitions')).toHaveText('1');
  await page.getByRole('button', { name: 'Release the lock as C1 on real Redis' }).click();
  await expect(topology.locator('[data-client="C1"]').getByTestId('holds-lock')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/bridge-lock-ops.png' });
});

test('Run on real Redis: the live run in the same timeline; kill node A from the topology; the crash on the timeline, A down; then the verdicts side by side', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openWithBridge(page, 'happy-path');
  await connect(page, token);
  await expect(panel(page).getByTestId('bridge-status')).toContainText('Connected');
  // ×0.5: the 8 s scenario takes 16 s, time enough to kill a node while C1 holds the lock.
  await panel(page).getByRole('combobox', { name: 'Speed' }).selectOption('0.5');
  await panel(page).getByRole('button', { name: 'Run on real Redis' }).click();
  await expect(page.getByTestId('real-badge')).toHaveText(/^REAL REDIS — (starting…|live)$/);
  await panel(page).getByRole('button', { name: 'Close the Real Redis panel' }).click();

  const topology = page.getByTestId('topology');
  await expect(topology.locator('[data-client="C1"]').getByTestId('holds-lock')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Kill node A now on real Redis' })).toBeEnabled();
  await page.getByRole('button', { name: 'Kill node A now on real Redis' }).click();

  // The crash as the real trace recorded it: a mark on A's lane, and A down in the topology.
  await expect(page.getByTestId('real-fault-mark').filter({ has: page.locator('title', { hasText: /^A crashed/ }) })).toHaveCount(1, {
    timeout: 15_000,
  });
  await expect(page.getByLabel(/^A crashed, .* on real Redis$/)).toHaveCount(1);
  await expect(topology.locator('[data-node="A"]')).toHaveAttribute('data-state', 'crashed');
  await expect(page.getByTestId('real-fault-error')).toHaveText('');
  await page.screenshot({ path: 'test-results/bridge-node-killed.png' });

  // A fault with no real equivalent is offered disabled, with the reason.
  await expect(topology.locator('[data-client="C1"]').getByRole('button', { name: 'Crash client C1 now on real Redis' })).toBeDisabled();

  await expect(page.getByTestId('real-badge')).toHaveText('REAL REDIS — run completed', { timeout: 40_000 });
  await expect(page.getByTestId('verdict-comparison')).toContainText(/^Real Redis: (SAFE|UNSAFE).* — Simulation: SAFE — (agree|disagree)/);
  await expect(page.getByTestId('verdict-comparison')).toContainText('Real Redis: SAFE — Simulation: SAFE — agree');

  // The simulation is one click away, and the real run stays until the next one.
  await page.getByRole('button', { name: 'Show the simulation' }).click();
  await expect(page.getByTestId('sim-badge')).toBeVisible();
  await expect(page.getByTestId('real-fault-mark')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the run on real Redis', pressed: false }).click();
  await expect(page.getByTestId('real-badge')).toHaveText('REAL REDIS — run completed');
  await page.screenshot({ path: 'test-results/bridge-run-completed.png' });
});
