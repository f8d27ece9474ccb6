import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from '../store/playgroundStore.ts';
import { IssueList } from './IssueList.tsx';
import { JsonView } from './JsonView.tsx';
import { freshDraft, prettyScenario } from './jsonDraft.ts';
import { ScenarioEditor } from './ScenarioEditor.tsx';

/** A server render reads the store's initial state, so render a store that starts where this one is. */
const now = (store: PlaygroundStore): PlaygroundStore => createStore<PlaygroundState>()(() => store.getState());
const render = (store: PlaygroundStore) => renderToStaticMarkup(createElement(ScenarioEditor, { store: now(store) }));
const count = (html: string, needle: string) => html.split(needle).length - 1;
const decode = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .trim();

/** The opening tag of the button with this accessible name. */
function buttonTag(html: string, name: string): string {
  const tag = [...html.matchAll(/<button[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`aria-label="${name}"`));
  if (tag === undefined) throw new Error(`no button "${name}"`);
  return tag;
}

/** Every form control's accessible name, from its <label for=…> (with the screen-reader context). */
function controlNames(html: string): { ids: string[]; names: Map<string, string> } {
  const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((m) => m[1] as string);
  const names = new Map<string, string>();
  for (const m of html.matchAll(/<label for="([^"]+)">(.*?)<\/label>/g)) names.set(m[1] as string, decode(m[2] as string));
  return { ids, names };
}

describe('ScenarioEditor', () => {
  it('shows the Redlock preset as a form: five nodes, two redlock clients, with their values', () => {
    const html = render(createPlaygroundStore('happy-path'));
    expect(html).toContain('data-testid="scenario-editor"');
    expect(html).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>Form</);
    expect(html).toMatch(/role="tab"[^>]*aria-selected="false"[^>]*>JSON</);
    expect(count(html, 'aria-label="Remove node ')).toBe(5);
    expect(html).toContain('aria-label="Remove client C2"');
    expect(html).toMatch(
      /id="scenario-editor-clients-0-strategy-kind"[^>]*>.*?<option value="redlock" selected="">redlock — Redlock over every master<\/option>/,
    );
    expect(html).toMatch(/id="scenario-editor-clients-0-workload-criticalSectionMs"[^>]*value="3000"/);
    expect(html).toMatch(/id="scenario-editor-network-latencyMs-ms"[^>]*value="2"/);
    // No error before anything was refused.
    expect(html).not.toContain('data-testid="editor-error"');
  });

  it('every control has a label, and no two share a name', () => {
    for (const example of ['happy-path', 'watchdog-renewal', 'failover-with-wait', 'set-nx-px-crash', 'failover-raw']) {
      const { ids, names } = controlNames(render(createPlaygroundStore(example)));
      expect(ids.length, example).toBeGreaterThan(20);
      expect(new Set(ids).size, example).toBe(ids.length);
      for (const id of ids) expect(names.get(id), `${example}: ${id}`).toBeTruthy();
      const all = ids.map((id) => names.get(id));
      expect(new Set(all).size, example).toBe(all.length);
    }
  });

  it('names repeated fields by their node or client', () => {
    const { names } = controlNames(render(createPlaygroundStore('happy-path')));
    expect(names.get('scenario-editor-nodes-2-hz')).toBe('Node C hz (expiry cycles/s)');
    expect(names.get('scenario-editor-clients-1-workload-rounds')).toBe('Client C2 Rounds');
    expect(names.get('scenario-editor-network-replicationLagMs-kind')).toBe('Replication lag (one way) Model');
  });

  it('shows each design’s own options: the watchdog’s, WAIT’s, a single node’s', () => {
    const watchdog = render(createPlaygroundStore('watchdog-renewal'));
    expect(watchdog).toMatch(/id="scenario-editor-clients-0-strategy-autoExtend"[^>]*checked=""/);
    expect(watchdog).toMatch(/id="scenario-editor-clients-0-strategy-autoExtend-thresholdMs"[^>]*value="500"/);
    const failover = render(createPlaygroundStore('failover-with-wait'));
    expect(failover).toContain('id="scenario-editor-clients-0-strategy-waitReplicas"');
    expect(failover).toMatch(/id="scenario-editor-sentinel-on"[^>]*checked=""/);
    expect(failover).toContain('id="scenario-editor-sentinel-downAfterMs"');
    const single = render(createPlaygroundStore('set-nx-px-crash'));
    expect(single).toContain('id="scenario-editor-clients-0-strategy-node"');
    expect(single).not.toContain('id="scenario-editor-sentinel-downAfterMs"');
    // The only node cannot be removed; either of two clients can.
    expect(buttonTag(single, 'Remove node A')).toContain('disabled=""');
    expect(buttonTag(single, 'Remove client C1')).not.toContain('disabled');
  });

  it('a raw-command client says its script is edited in JSON', () => {
    const html = render(createPlaygroundStore('failover-raw'));
    expect(decode(html)).toMatch(/Raw-command script \(2 steps\) — edit in JSON\./);
    expect(html).toContain('aria-label="Edit C1&#x27;s script in JSON"');
    expect(html).not.toContain('id="scenario-editor-clients-0-workload-rounds"');
  });

  it('follows the store: an edit made elsewhere (a seed) shows in the form', () => {
    const store = createPlaygroundStore('happy-path');
    store.getState().setSeed(777);
    expect(render(store)).toMatch(/id="scenario-editor-seed"[^>]*value="777"/);
  });
});

describe('JsonView and IssueList', () => {
  it('the JSON view is a named textarea holding the pretty-printed scenario, with Apply', () => {
    const store = createPlaygroundStore('happy-path');
    const draft = freshDraft(prettyScenario(store.getState().scenario));
    const html = renderToStaticMarkup(createElement(JsonView, { store, draft, onDraft: () => {}, focusOnOpen: false }));
    expect(html).toMatch(/<textarea[^>]*data-testid="editor-json"[^>]*aria-label="Scenario JSON"/);
    expect(html).toContain('&quot;rounds&quot;: 1,');
    expect(html).toMatch(/<button[^>]*>Apply<\/button>/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Discard changes<\/button>/);
  });

  it('lists each issue as a button with its path, message and line', () => {
    const html = renderToStaticMarkup(
      createElement(IssueList, {
        title: 'Not applied:',
        issues: [{ path: 'clients[0].workload.rounds', message: 'Too small: expected number to be >=0' }],
        message: '',
        onPick: () => {},
        lineOf: () => 42,
      }),
    );
    expect(html).toMatch(/role="alert" data-testid="editor-error"/);
    expect(decode(html)).toBe('Not applied:clients[0].workload.rounds: Too small: expected number to be >=0 (line 42)');
    expect(html).not.toContain('Dismiss');
  });
});
