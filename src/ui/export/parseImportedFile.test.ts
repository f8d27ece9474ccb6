import { describe, expect, it } from 'vitest';
import { findPreset, loadPreset } from '../../scenario/presets/index.ts';
import { run } from '../../sim/engine/run.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { traceHash } from '../../sim/trace/canonical.ts';
import { scenarioDocument, traceDocument } from './exportDocuments.ts';
import { parseImportedFile, SCENARIO_FILE_CHARS_MAX, TRACE_FILE_CHARS_MAX } from './parseImportedFile.ts';

function preset(name: string): Scenario {
  const loaded = loadPreset(name);
  if (!loaded.ok) throw new Error(`preset ${name} invalid`);
  return loaded.value;
}

function refusal(text: string): string {
  const r = parseImportedFile(text);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.message;
}

describe('parseImportedFile: what opens', () => {
  it('a scenario document as written by hand (defaults filled in by validation)', () => {
    const raw = findPreset('failover-loses-lock')?.scenario;
    const r = parseImportedFile(JSON.stringify(raw, null, 2));
    expect(r.ok && [r.kind, r.scenario.name, r.traceHash]).toEqual(['scenario', 'Failover loses the lock (S8)', null]);
  });

  it('a scenario saved by "Scenario as JSON" opens as the same scenario', () => {
    const s = preset('clock-jump');
    const r = parseImportedFile(scenarioDocument(s));
    expect(r.ok && r.scenario).toEqual(s);
  });

  it('a trace saved by "Trace as JSON": its scenario is taken, its hash kept for comparison', () => {
    const s = preset('failover-loses-lock');
    const trace = run(s).trace;
    const r = parseImportedFile(traceDocument(s, trace));
    expect(r.ok && [r.kind, r.traceHash]).toEqual(['trace', traceHash(trace)]);
    expect(r.ok && r.scenario).toEqual(s);
  });

  it("busy-redlock's trace file (over 2 MB, above a scenario's 1 MB cap) still opens", () => {
    const s = preset('busy-redlock');
    const text = traceDocument(s, run(s).trace);
    expect(text.length).toBeGreaterThan(SCENARIO_FILE_CHARS_MAX);
    const r = parseImportedFile(text);
    expect(r.ok && r.scenario.name).toBe('Busy Redlock: three clients, five nodes, one minute');
  });

  it('a byte-order mark in front of the JSON is ignored', () => {
    expect(parseImportedFile(`\ufeff${scenarioDocument(preset('happy-path'))}`).ok).toBe(true);
  });
});

describe('parseImportedFile: what is refused, and the message says why', () => {
  it.each([
    ['text that is not JSON', 'hello, world', /not JSON/],
    ['an empty file', '  \n', /empty/],
    ['a JSON array', '[1, 2, 3]', /holds a JSON array, not a scenario/],
    ['a JSON number', '42', /holds a number, not a scenario/],
    ['null', 'null', /holds null/],
    ['brackets nested 10,000 deep', '['.repeat(10_000), /nested more than 64 levels/],
  ])('%s', (_, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('a scenario document over 1 MB is too large, whatever it holds', () => {
    const padded = scenarioDocument(preset('happy-path')).replace('{', `{${' '.repeat(SCENARIO_FILE_CHARS_MAX)}`);
    expect(refusal(padded)).toMatch(/too large to open \(1\.0 MB\): a scenario is at most 1\.0 MB/);
  });

  it('any file over the trace limit is refused before it is parsed', () => {
    expect(refusal(' '.repeat(TRACE_FILE_CHARS_MAX + 1))).toMatch(/too large to open \(32\.0 MB\)/);
  });

  it('an invalid scenario: the message names the field and what is wrong with it', () => {
    const raw = structuredClone(findPreset('failover-loses-lock')?.scenario) as { clients: { id: unknown }[]; durationMs: unknown };
    (raw.clients[0] as { id: unknown }).id = 42;
    const message = refusal(JSON.stringify(raw));
    expect(message.split('\n')[0]).toBe('This file is not a valid scenario:');
    expect(message).toMatch(/^clients\[0\]\.id: /m);
  });

  it('shows only the first few issues of a badly broken scenario', () => {
    const message = refusal(
      JSON.stringify({ version: 1, name: 7, seed: 'x', durationMs: -1, nodes: 'none', clients: 3, fencing: 'maybe' }),
    );
    expect(message.split('\n').length).toBeLessThanOrEqual(1 + 5 + 1);
    expect(message).toMatch(/… and \d+ more/);
  });

  it('a scenario without a version says which version this playground reads', () => {
    expect(refusal('{"name": "mine"}')).toMatch(/version: missing; this engine reads scenario format version 1/);
  });

  it('a trace file whose scenario is missing or invalid', () => {
    expect(refusal('{"traceHash": "abc", "trace": []}')).toMatch(/exported trace, but it has no scenario/);
    const s = preset('happy-path');
    const broken = traceDocument({ ...s, durationMs: -5 }, run(s).trace);
    const message = refusal(broken);
    expect(message.split('\n')[0]).toBe('The scenario in this trace file is not valid:');
    expect(message).toMatch(/^durationMs: /m);
  });
});

describe('traceDocument', () => {
  it('one JSON document: the scenario, the hash, and every event on its own line in canonical JSON', () => {
    const s = preset('failover-loses-lock');
    const trace = run(s).trace;
    const text = traceDocument(s, trace);
    const doc = JSON.parse(text) as { scenario: unknown; traceHash: string; trace: unknown[] };
    expect(Object.keys(doc)).toEqual(['scenario', 'traceHash', 'trace']);
    expect(doc.scenario).toEqual(s);
    expect(doc.trace).toEqual(trace);
    expect(doc.traceHash).toBe(traceHash(trace));
    expect(text.split('\n').filter((line) => line.startsWith('    {"'))).toHaveLength(trace.length);
  });
});
