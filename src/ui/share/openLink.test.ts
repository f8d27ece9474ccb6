import { describe, expect, it } from 'vitest';
import { createPlaygroundStore } from '../store/playgroundStore.ts';
import { linkOfState, urlWithFragment } from './linkOfState.ts';
import { fragmentOf, openLink } from './openLink.ts';

describe('opening links in the page', () => {
  it('a link made from one page opens the same run, cursor, selection and panel in another', () => {
    const a = createPlaygroundStore('failover-happy-path');
    a.getState().injectFault({ atMs: 300, kind: 'kill-master', restartAfterMs: null });
    a.getState().seek(7100);
    a.getState().select('C2');
    a.getState().setPanel('faults');
    const fragment = linkOfState(a.getState());
    if (fragment === null) throw new Error('no link');
    const b = createPlaygroundStore('busy-redlock');
    expect(openLink(b, fragmentOf(`#${fragment}`))).toBe(true);
    const s = b.getState();
    expect(s.run?.summary.traceHash).toBe(a.getState().run?.summary.traceHash);
    expect(s.cursor).toEqual(a.getState().cursor);
    expect(s.selected).toBe('C2');
    expect(s.panel).toBe('faults');
    expect(s.exampleId).toBe('link');
    expect(s.linkError).toBeNull();
  });

  it('a broken link leaves the default scenario and says why', () => {
    const store = createPlaygroundStore('busy-redlock');
    expect(openLink(store, fragmentOf('#v1.%E0%A4%A'))).toBe(false);
    expect(store.getState().linkError).toContain('damaged');
    expect(store.getState().exampleId).toBe('busy-redlock');
    expect(openLink(store, '')).toBe(false); // no link at all: nothing to say
  });

  it('puts the fragment in the address, replacing any older one', () => {
    expect(urlWithFragment('http://127.0.0.1:4173/?x=1#v1.old', 'v1.new')).toBe('http://127.0.0.1:4173/?x=1#v1.new');
    expect(urlWithFragment('http://127.0.0.1:4173/', 'v1.a')).toBe('http://127.0.0.1:4173/#v1.a');
  });
});
