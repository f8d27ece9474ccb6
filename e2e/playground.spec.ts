import { expect, type Page, test } from '@playwright/test';

/**
 * The playground as a learner and an instructor use it: play a failover until the two
 * clients overlap, step back, break a safe run by killing its master, drag that fault, and do
 * it all from the keyboard. Each test saves a screenshot as evidence (test-results/).
 */

async function openPreset(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(name);
}

const bands = (page: Page) => page.getByTestId('violation-band');
const cursorVerdict = (page: Page) => page.getByTestId('cursor-verdict');
const cursorTime = (page: Page) => page.getByRole('textbox', { name: 'Cursor time in ms' });

async function cursorMs(page: Page): Promise<number> {
  return Number(await cursorTime(page).inputValue());
}

test('failover: press play, the violation band appears and playback pauses by itself at the overlap', async ({ page }) => {
  await openPreset(page, 'failover-loses-lock');
  await expect(cursorVerdict(page)).toHaveText(/^Safe so far/);
  await expect(bands(page)).toHaveCount(0);
  // ×10 real time: the overlap at 31 s is reached in about 3 s.
  await page.getByRole('slider', { name: 'Speed' }).fill('9');
  await expect(page.getByTestId('speed')).toHaveText('×10 real time');
  await page.getByRole('button', { name: 'Play (Space)' }).click();
  await expect(page.getByTestId('playback-status')).toHaveText('Playing');
  await expect(page.getByTestId('playback-status')).toHaveText('Paused at 31020 ms: C1 and C2 both hold the lock.', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Play (Space)' })).toBeVisible();
  await expect(cursorTime(page)).toHaveValue('31020');
  await expect(bands(page)).toHaveCount(1);
  await expect(bands(page).first()).toHaveAttribute('aria-label', 'C1 and C2 both hold the lock from 31020 to 36022 ms');
  await expect(cursorVerdict(page)).toHaveText('Unsafe now: C1 and C2 both believe they hold the lock');
  await expect(page.getByTestId('topology').getByTestId('holds-lock')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/failover-auto-paused.png' });

  // Step back, one event at a time, until the cursor is before the overlap.
  const back = page.getByRole('button', { name: 'Step back one event (Left)' });
  for (let i = 0; i < 30 && (await cursorMs(page)) >= 31020; i++) await back.click();
  expect(await cursorMs(page)).toBeLessThan(31020);
  await expect(cursorVerdict(page)).toHaveText('Safe so far (2 findings ahead)');
  await expect(bands(page)).toHaveCount(0);
  await expect(page.getByTestId('topology').getByTestId('holds-lock')).toHaveCount(1);
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE'); // the whole run still is
  await page.screenshot({ path: 'test-results/failover-stepped-back.png' });
});

test('"Why?" jumps to the crash behind the overlap and lights the chain of causes', async ({ page }) => {
  await openPreset(page, 'failover-loses-lock');
  await page.getByRole('button', { name: /^Why\? Jump to the cause of: C1 and C2 both hold the lock/ }).click();
  await expect(cursorTime(page)).toHaveValue('200');
  await expect(page.getByTestId('cursor-event')).toContainText('M crashed');
  await expect(page.getByTestId('cause-chain')).toContainText('Cause: M crashed, 1 key in memory lost');
  expect(await page.getByTestId('cause-marker').count()).toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: 'test-results/failover-jump-to-cause.png' });
});

test('kill the master at a chosen time on the failover happy path: exclusion breaks; drag the fault later: safe again; undo', async ({
  page,
}) => {
  await openPreset(page, 'failover-happy-path');
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByTestId('fault-marker')).toHaveCount(0);

  // Go to 500 ms: C1 holds the lock on M, and its key has not reached the replica yet.
  await cursorTime(page).fill('500');
  await cursorTime(page).press('Enter');
  await expect(cursorTime(page)).toHaveValue('500');
  await page.getByRole('combobox', { name: 'Fault' }).selectOption({ label: 'Kill the master' });
  await page.getByRole('button', { name: 'Inject fault at cursor' }).click();

  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  await expect(page.getByTestId('violations')).toContainText('C1 and C2 both held the lock from');
  const marker = page.getByTestId('fault-marker');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute('aria-valuenow', '500');
  await page.screenshot({ path: 'test-results/kill-master-unsafe.png' });

  // Drag the fault later — it sits right under the cursor, where it was injected — past the
  // moment the key reaches R (≈1 s): the lock survives the failover.
  const box = await marker.boundingBox();
  if (box === null) throw new Error('the fault marker is not on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let dx = 10; dx <= 150; dx += 10) await page.mouse.move(x + dx, y);
  await page.mouse.up();
  await expect(cursorTime(page)).toHaveValue('500'); // the drag moved the fault, not the cursor
  const movedTo = Number(await marker.getAttribute('aria-valuenow'));
  expect(movedTo).toBeGreaterThan(1100);
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByRole('button', { name: 'Next violation (Shift+Right)' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/kill-master-dragged-later.png' });

  // One undo takes the whole drag back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(marker).toHaveAttribute('aria-valuenow', '500');
  await expect(page.getByTestId('verdict-headline')).toHaveText('UNSAFE');
  await page.keyboard.press('Shift+ArrowRight'); // to the violation: the band is there
  await expect(bands(page)).toHaveCount(1);
  await expect(cursorVerdict(page)).toHaveText('Unsafe now: C1 and C2 both believe they hold the lock');
  await page.screenshot({ path: 'test-results/kill-master-undone-violation.png' });
});

test('Redlock shrugs off a killed master: the same fault on the Redlock happy path stays safe', async ({ page }) => {
  await openPreset(page, 'happy-path');
  await cursorTime(page).fill('1000');
  await cursorTime(page).press('Enter');
  await page.getByRole('combobox', { name: 'Fault' }).selectOption({ label: 'Kill the master' });
  await page.getByRole('button', { name: 'Inject fault at cursor' }).click();
  await expect(page.getByTestId('fault-marker')).toHaveCount(1);
  await expect(page.getByTestId('verdict-headline')).toHaveText('SAFE');
  await expect(page.getByTestId('acquisitions')).toHaveText('2');
});

test('keyboard only: play, pause, step, and jump to a violation and back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('cursor-verdict')).toBeVisible(); // the page has rendered
  // Tab to the scenario picker and type to choose "Failover loses the lock".
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toBeFocused();
  await page.keyboard.type('Failover loses the lock (S8)');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('failover-loses-lock');
  // Tab on to the Play button (disabled buttons are skipped).
  const play = page.getByRole('button', { name: 'Play (Space)' });
  for (let i = 0; i < 15 && !(await play.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(play).toBeFocused();

  await page.keyboard.press('Shift+ArrowRight');
  await expect(cursorTime(page)).toHaveValue('31020');
  await expect(cursorVerdict(page)).toHaveText('Unsafe now: C1 and C2 both believe they hold the lock');
  await expect(bands(page)).toHaveCount(1);
  const atViolation = (await page.getByTestId('cursor-event').textContent()) ?? '';
  const stepNumber = Number(/^#(\d+)\//.exec(atViolation)?.[1]);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('cursor-event')).toContainText(`#${stepNumber - 1}/`);
  await page.keyboard.press('Home');
  await expect(cursorTime(page)).toHaveValue('0');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-event')).toContainText('#1/');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('cursor-event')).toContainText('#2/');

  // Speed with the arrow keys: each press is one step of 1–2–5.
  const speed = page.getByRole('slider', { name: 'Speed' });
  const focused = (locator: typeof play) => locator.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < 8 && !(await focused(speed)); i++) await page.keyboard.press('Tab');
  await expect(speed).toBeFocused();
  await expect(page.getByTestId('speed')).toHaveText('×2 real time');
  await page.keyboard.press('ArrowRight'); // on the slider the arrows change the speed, not the cursor
  await expect(page.getByTestId('speed')).toHaveText('×5 real time');
  for (let i = 0; i < 8 && !(await focused(play)); i++) await page.keyboard.press('Shift+Tab');
  await expect(play).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('playback-status')).toHaveText('Playing');
  await expect.poll(() => cursorMs(page)).toBeGreaterThan(100);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('playback-status')).toHaveText('Paused');
  const pausedAt = await cursorMs(page);
  await page.waitForTimeout(300);
  expect(await cursorMs(page)).toBe(pausedAt);

  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cursorTime(page)).toHaveValue('40012'); // the stale write
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(cursorTime(page)).toHaveValue('31020');
  await page.screenshot({ path: 'test-results/keyboard-only.png' });
});

test('every control has an accessible name, and the panels do not overlap at 1280x720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPreset(page, 'failover-loses-lock');
  const unnamed = await page.evaluate(() => {
    const controls = [...document.querySelectorAll('button, input, select, textarea, [role="slider"], [role="tab"], [tabindex="0"]')];
    return controls
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const label = el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? '';
        const text = (el.textContent ?? '').trim();
        const id = el.getAttribute('id');
        const forLabel = id !== null && document.querySelector(`label[for="${id}"]`) !== null;
        const wrapped = el.closest('label') !== null;
        return label === '' && text === '' && !forLabel && !wrapped;
      })
      .map((el) => el.outerHTML.slice(0, 120));
  });
  expect(unnamed).toEqual([]);
  const boxes = await page.evaluate(() =>
    ['.topology-panel', '.timeline-panel', '.verdict-panel', '.details-panel'].map((sel) => {
      const r = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
      return { sel, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }),
  );
  for (const a of boxes) {
    expect(a.right, `${a.sel} fits the width`).toBeLessThanOrEqual(1280);
    expect(a.bottom - a.top, `${a.sel} has room`).toBeGreaterThan(120);
    for (const b of boxes) {
      if (a === b) continue;
      const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      expect(overlap, `${a.sel} overlaps ${b.sel}`).toBe(false);
    }
  }
  await page.screenshot({ path: 'test-results/layout-1280x720.png' });
});
