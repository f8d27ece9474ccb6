import { describe, expect, it } from 'vitest';
import { clientQuickFaults, nodeQuickFaults } from '../topology/quickFaults.ts';
import { realQuickFault } from './realQuickFault.ts';

const caps = { clockJump: false, reason: 'libfaketime is not installed' };

describe('one-click faults on real Redis', () => {
  it('happen now: the name says so, and the same entry is sent', () => {
    const [kill] = nodeQuickFaults({ id: 'A', state: 'up' }, 1200).map((f) => realQuickFault(f, caps, null));
    expect(kill?.label).toBe('Kill node A now on real Redis');
    expect(kill?.disabledReason).toBeUndefined();
    expect(kill?.entry).toEqual({ atMs: 1200, kind: 'crash-node', node: 'A', clean: false, restartAfterMs: null });
  });

  it('those real Redis cannot do are disabled with the reason', () => {
    const node = nodeQuickFaults({ id: 'A', state: 'up' }, 0).map((f) => realQuickFault(f, caps, null));
    expect(node.find((f) => f.entry.kind === 'clock-jump')?.disabledReason).toBe('Not on this bridge: libfaketime is not installed.');
    const client = clientQuickFaults({ id: 'C1', status: 'running' }, 0).map((f) => realQuickFault(f, caps, null));
    expect(client.map((f) => [f.text, f.disabledReason === undefined])).toEqual([
      ['pause', true],
      ['crash', false],
    ]);
  });

  it('without a run to inject into, every one says why', () => {
    const problem = 'The real run is over: run it on real Redis again to inject faults, or show the simulation to edit the scenario.';
    const faults = nodeQuickFaults({ id: 'M', state: 'up' }, 0).map((f) => realQuickFault(f, { clockJump: true }, problem));
    expect(faults.every((f) => f.disabledReason === problem)).toBe(true);
  });
});
