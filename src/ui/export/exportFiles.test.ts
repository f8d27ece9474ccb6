import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { EXPORT_WIDTH_PX, scenarioFile, timelineSvgFile, traceFile } from './exportFiles.ts';
import { parseImportedFile } from './parseImportedFile.ts';

describe('export files from the page state', () => {
  it('names every file after the scenario, with its kind and type', () => {
    const s = createPlaygroundStore('failover-loses-lock').getState();
    expect([timelineSvgFile(s), traceFile(s), scenarioFile(s)].map((f) => [f?.name, f?.mime])).toEqual([
      ['failover-loses-the-lock-s8.timeline.svg', 'image/svg+xml'],
      ['failover-loses-the-lock-s8.trace.json', 'application/json'],
      ['failover-loses-the-lock-s8.scenario.json', 'application/json'],
    ]);
  });

  it('the timeline is the whole run in the page’s theme; the cursor is marked once it has left the start', () => {
    const store = createPlaygroundStore('failover-loses-lock', 'dark');
    const first = timelineSvgFile(store.getState());
    expect(first?.widthPx).toBe(EXPORT_WIDTH_PX);
    expect(first?.text).toContain('fill="#14161b"');
    expect(first?.text).not.toContain('class="cursor"');
    store.getState().seek(31_020);
    expect(timelineSvgFile(store.getState())?.text).toContain('class="cursor" data-ms="31020"');
  });

  it('the scenario file holds the edits and opens again as the same scenario', () => {
    const store = createPlaygroundStore('failover-loses-lock');
    store.getState().setSeed(12345);
    const file = scenarioFile(store.getState());
    const back = parseImportedFile(file?.text ?? '');
    expect(back.ok && back.scenario).toEqual(store.getState().scenario);
    expect(back.ok && back.scenario.seed).toBe(12345);
  });

  it('nothing to export while no scenario could be run', () => {
    const s = createPlaygroundStore('no-such-example').getState();
    expect([timelineSvgFile(s), traceFile(s), scenarioFile(s)]).toEqual([null, null, null]);
  });
});
