import { describe, expect, it } from 'vitest';
import { loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { scenarioDocument, traceDocument } from './exportDocuments.ts';
import { importStatusOf } from './importStatus.ts';
import { IMPORTED_ORIGIN, openImportedText } from './openImportedFile.ts';

function preset(name: string) {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  return loaded.value;
}

describe('openImportedText', () => {
  it('a valid scenario file replaces the document (undoable) and says it was opened', () => {
    const store = createPlaygroundStore('happy-path');
    const status = openImportedText(store, 'mine.json', scenarioDocument(preset('clock-jump')));
    expect(status).toEqual({ error: null, note: 'Opened “mine.json”.' });
    expect(store.getState().exampleId).toBe(IMPORTED_ORIGIN);
    expect(store.getState().scenario?.name).toBe('A clock jump on one node breaks Redlock (S6)');
    expect(store.getState().run?.verdict.safe).toBe(false);
    store.getState().undo();
    expect(store.getState().scenario?.name).toBe('Redlock happy path (S1)');
  });

  it('a refused file leaves the document as it was; the error names the file and the problem, for the Open button to show', () => {
    const store = createPlaygroundStore('happy-path');
    const before = store.getState().scenario;
    const status = openImportedText(store, 'notes.txt', 'just some notes');
    expect(status.error).toMatch(/^“notes\.txt”: This file is not JSON/);
    expect(store.getState().scenario).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    expect(importStatusOf(store).getState().error).toBe(status.error);
    // The next good file clears it.
    openImportedText(store, 'ok.json', scenarioDocument(preset('split-vote')));
    expect(importStatusOf(store).getState().error).toBeNull();
  });

  it('a trace file opens its scenario, and the run made again is checked against the recorded hash', () => {
    const s = preset('failover-loses-lock');
    const text = traceDocument(s, run(s).trace);
    const store = createPlaygroundStore('happy-path');
    expect(openImportedText(store, 't.json', text).note).toMatch(/its run here is the recorded trace, event for event/);
    const tampered = text.replace(/"traceHash": "[0-9a-f]+"/, `"traceHash": "${'0'.repeat(64)}"`);
    expect(openImportedText(store, 't.json', tampered).note).toMatch(/differs from the recorded trace/);
  });

  it('each page (store) has its own import status', () => {
    const a = createPlaygroundStore('happy-path');
    const b = createPlaygroundStore('happy-path');
    openImportedText(a, 'x.json', '{');
    expect(importStatusOf(a).getState().error).not.toBeNull();
    expect(importStatusOf(b).getState().error).toBeNull();
  });
});
