import { expect, type Page, test } from '@playwright/test';
import { check } from '../src/check/check.ts';
import { evaluateClaim } from '../src/lessons/claims.ts';
import { LESSONS } from '../src/lessons/lessons/index.ts';
import type { LessonStep } from '../src/lessons/model.ts';
import { stepScenario } from '../src/lessons/stepScenario.ts';
import type { TimelineEntry } from '../src/sim/model/scenario.ts';
import { run } from '../src/sim/engine/run.ts';
import { FAULT_KIND_LABELS } from '../src/ui/faults/faultKinds.ts';

/**
 * Every lesson from its first step to its last, as a learner does it: perform each requested
 * action with the fault bar, answer each prediction, and require that every reveal's claims
 * hold on the run the page shows (the page computes them from the engine and checker; a
 * lesson whose text and run disagree fails here). The right answer is computed the same way,
 * in Node, from the same run.
 */

/** The right answer to a step's prediction, from the run the learner will have made. */
function rightAnswer(step: LessonStep): 'yes' | 'no' {
  const prediction = step.prediction;
  if (prediction === undefined) throw new Error('no prediction');
  const base = stepScenario(step.scenario);
  const scenario = step.action === undefined ? base : { ...base, timeline: [...base.timeline, step.action.example] };
  const trace = run(scenario).trace;
  return evaluateClaim(prediction.answer, trace, check(trace)).holds ? 'yes' : 'no';
}

/** Injects a fault the way a learner does: cursor time, the Fault select, its fields, Inject. */
async function injectWithFaultBar(page: Page, entry: TimelineEntry) {
  const cursor = page.getByRole('textbox', { name: 'Cursor time in ms' });
  await cursor.fill(String(entry.atMs));
  await cursor.press('Enter');
  await expect(cursor).toHaveValue(String(entry.atMs));
  const bar = page.getByRole('form', { name: 'Inject a fault' });
  await bar.getByRole('combobox', { name: 'Fault' }).selectOption({ label: FAULT_KIND_LABELS[entry.kind] });
  const fill = async (label: string, value: number) => {
    const field = bar.getByRole('spinbutton', { name: label }).or(bar.getByRole('textbox', { name: label }));
    await field.fill(String(value));
  };
  const staysDown = async (restartAfterMs: number | null) => {
    const box = bar.getByRole('checkbox', { name: 'Stays down' });
    if (restartAfterMs === null) await box.check();
    else {
      await box.uncheck();
      await fill('Restart after', restartAfterMs);
    }
  };
  switch (entry.kind) {
    case 'kill-master':
      await staysDown(entry.restartAfterMs);
      break;
    case 'crash-node':
      await bar.getByRole('combobox', { name: 'Node' }).selectOption(entry.node);
      await staysDown(entry.restartAfterMs);
      break;
    case 'pause-node':
      await bar.getByRole('combobox', { name: 'Node' }).selectOption(entry.node);
      await fill('Duration', entry.durationMs);
      break;
    case 'pause-client':
      await bar.getByRole('combobox', { name: 'Client' }).selectOption(entry.client);
      await fill('Duration', entry.durationMs);
      break;
    case 'clock-jump':
      await bar.getByRole('combobox', { name: 'Clock of' }).selectOption(entry.process);
      await fill('Jump', entry.deltaMs);
      break;
    case 'link-delay':
      await bar.getByRole('combobox', { name: 'From' }).selectOption(entry.from);
      await bar.getByRole('combobox', { name: 'To' }).selectOption(entry.to);
      await fill('Delay', entry.extraMs);
      if (entry.durationMs !== null) await fill('Duration', entry.durationMs);
      break;
    default:
      throw new Error(`the walkthrough has no fault-bar recipe for ${entry.kind}`);
  }
  await bar.getByRole('button', { name: 'Inject fault at cursor' }).click();
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.number}, ${lesson.title}: every step, action and prediction; every reveal agrees with its run`, async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/#lesson=${lesson.id}/1`);
    const panel = page.getByTestId('lesson-panel');
    await expect(panel).toBeVisible();
    for (const [i, step] of lesson.steps.entries()) {
      await expect(panel.getByTestId('lesson-step-title')).toHaveText(step.title);
      await expect(page).toHaveURL(new RegExp(`#lesson=${lesson.id}/${i + 1}$`));
      if (step.action !== undefined) {
        const action = panel.getByTestId('lesson-action');
        await expect(action).toHaveAttribute('data-done', 'false');
        await injectWithFaultBar(page, step.action.example);
        await expect(action).toHaveAttribute('data-done', 'true');
      }
      if (step.prediction !== undefined) {
        const answer = rightAnswer(step);
        await panel.getByTestId('lesson-prediction').locator(`button[data-answer="${answer}"]`).click();
        await expect(panel.getByTestId('lesson-outcome')).toContainText('right');
      }
      const reveal = panel.getByTestId('lesson-reveal');
      await expect(reveal).toBeVisible();
      const claims = reveal.getByTestId('claim');
      await expect(claims).toHaveCount(step.claims.length);
      for (let c = 0; c < step.claims.length; c++) await expect(claims.nth(c)).toHaveAttribute('data-holds', 'true');
      const safe = step.claims.find((c) => c.kind === 'safe');
      if (safe !== undefined && safe.kind === 'safe')
        await expect(page.getByTestId('verdict-headline')).toHaveText(safe.value ? 'SAFE' : 'UNSAFE');
      if (i < lesson.steps.length - 1) await panel.getByRole('button', { name: 'Next: the next step' }).click();
    }
    if (lesson.number === 2) await page.screenshot({ path: 'test-results/lesson-failover-reveal.png' });
    expect(errors).toEqual([]);
  });
}
