import { describe, expect, it } from 'vitest';
import { run } from '../../sim/engine/run.ts';
import { TIMELINE_KINDS } from '../../sim/model/scenario.ts';
import { masterNow, realFaultUnavailable } from './realFaults.ts';
import { presetScenario } from './testing/presetScenario.ts';

const noClock = { clockJump: false, reason: 'libfaketime is not installed on this host' };

describe('faults on real Redis', () => {
  it('offers every kind with a real equivalent; crash-client and clock-rate say why not', () => {
    const unavailable = TIMELINE_KINDS.filter((k) => realFaultUnavailable(k, { clockJump: true }) !== null);
    expect(unavailable.sort()).toEqual(['clock-rate', 'crash-client']);
    expect(realFaultUnavailable('crash-client', { clockJump: true })).toContain('not processes it can crash');
    expect(realFaultUnavailable('clock-rate', { clockJump: true })).toContain("reads the host's clock");
  });

  it('a clock jump needs the capability; its reason is the bridge’s own', () => {
    expect(realFaultUnavailable('clock-jump', noClock)).toBe('Not on this bridge: libfaketime is not installed on this host.');
    expect(realFaultUnavailable('clock-jump', { clockJump: false })).toContain('no fake clock');
  });

  it('"kill the master" aims at the master Sentinel watches, and at the promoted replica after a failover', () => {
    const scenario = presetScenario('failover-loses-lock');
    expect(masterNow(scenario, [])).toBe('M');
    expect(masterNow(scenario, run(scenario).trace)).toBe('R');
    expect(masterNow(presetScenario('happy-path'), [])).toBe('A');
  });
});
