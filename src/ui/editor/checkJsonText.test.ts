import { describe, expect, it } from 'vitest';
import { formatIssues } from '../../scenario/issues.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { PRESETS } from '../../scenario/presets/index.ts';
import { checkJsonText } from './checkJsonText.ts';
import { prettyScenario } from './jsonDraft.ts';
import { locateIssue } from './locateJson.ts';

const parsed = parseScenario(PRESETS.find((p) => p.name === 'happy-path')?.scenario);
if (!parsed.ok) throw new Error('preset');
const current = parsed.value;

describe('checkJsonText (the JSON view’s Apply)', () => {
  it('reports a bad workload value with its path, and the issue leads to the field', () => {
    const text = prettyScenario(current).replace('"rounds": 1', '"rounds": -5');
    expect(text).not.toBe(prettyScenario(current));
    const result = checkJsonText(text, current);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(formatIssues(result.issues)).toMatch(/^clients\[0\]\.workload\.rounds: .*>=0/);
    const issue = result.issues[0];
    if (issue === undefined) throw new Error('issue');
    const r = locateIssue(text, issue);
    expect(r === null ? null : text.slice(r.start, r.end)).toBe('"rounds": -5');
  });

  it('reports a cross-field problem (a missing node) the same way', () => {
    const bad = prettyScenario({ ...current, timeline: [{ atMs: 1, kind: 'crash-node', node: 'Q', clean: false, restartAfterMs: null }] });
    const check = checkJsonText(bad, current);
    expect(check.kind === 'invalid' && formatIssues(check.issues)).toBe('timeline[0].node: no node "Q" (nodes: A, B, C, D, E)');
  });

  it('says what is wrong with text that is not JSON', () => {
    const result = checkJsonText('{"version": 1,', current);
    expect(result.kind === 'invalid' && result.issues[0]?.message).toMatch(/^not valid JSON/);
  });

  it('a document that only spells out defaults is no change', () => {
    expect(current.fencing).toBe('none');
    const minimal = JSON.stringify({ ...current, fencing: undefined, timeline: undefined });
    expect(checkJsonText(minimal, current)).toEqual({ kind: 'unchanged' });
    const changed = checkJsonText(JSON.stringify({ ...current, fencing: 'token' }), current);
    expect(changed.kind === 'valid' && changed.scenario.fencing).toBe('token');
    expect(checkJsonText(prettyScenario(current), current)).toEqual({ kind: 'unchanged' });
  });
});
