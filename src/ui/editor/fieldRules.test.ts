import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../scenario/parse.ts';
import { PRESETS } from '../../scenario/presets/index.ts';
import type { Scenario } from '../../sim/model/scenario.ts';
import { checkTextField, numberRuleAt } from './fieldRules.ts';

function preset(name: string): Scenario {
  const parsed = parseScenario(PRESETS.find((p) => p.name === name)?.scenario);
  if (!parsed.ok) throw new Error(name);
  return parsed.value;
}

describe('numberRuleAt reads the bounds from the schema', () => {
  const s = preset('happy-path');

  it('for top-level, node, client and workload fields', () => {
    expect(numberRuleAt(['durationMs'], s)).toEqual({ min: 1, max: 3_600_000, integer: true });
    expect(numberRuleAt(['seed'], s)).toEqual({ min: 0, max: 4_294_967_295, integer: true });
    expect(numberRuleAt(['nodes', 2, 'hz'], s)).toEqual({ min: 1, max: 500, integer: true });
    expect(numberRuleAt(['nodes', 0, 'clock', 'rate'], s)).toEqual({ min: 0.1, max: 10, integer: false });
    expect(numberRuleAt(['clients', 1, 'workload', 'rounds'], s)).toEqual({ min: 0, max: 10_000, integer: true });
    expect(numberRuleAt(['network', 'dropRate'], s)).toEqual({ min: 0, max: 1, integer: false });
  });

  it('for the branch of a union the document is on', () => {
    expect(numberRuleAt(['clients', 0, 'strategy', 'requestTimeoutMs'], s)).toEqual({ min: 1, max: 60_000, integer: true });
    expect(numberRuleAt(['clients', 0, 'strategy', 'driftFactor'], s)).toEqual({ min: 0, max: 0.5, integer: false });
    expect(numberRuleAt(['clients', 0, 'strategy', 'waitReplicas'], s)).toBeNull();
    const failover = preset('failover-with-wait');
    expect(numberRuleAt(['clients', 0, 'strategy', 'waitReplicas'], failover)).toEqual({ min: 0, max: 15, integer: true });
    expect(numberRuleAt(['network', 'latencyMs', 'ms'], failover)?.max).toBe(600_000);
    expect(numberRuleAt(['sentinel', 'pingPeriodMs'], failover)).toEqual({ min: 100, max: 10_000, integer: true });
  });

  it('for an autoExtend that is on', () => {
    const watchdog = preset('watchdog-renewal');
    expect(numberRuleAt(['clients', 0, 'strategy', 'autoExtend', 'thresholdMs'], watchdog)).toEqual({
      min: 1,
      max: 3_600_000,
      integer: true,
    });
  });

  it('null for what is not a number', () => {
    expect(numberRuleAt(['name'], s)).toBeNull();
    expect(numberRuleAt(['nodes', 0, 'nope'], s)).toBeNull();
  });
});

describe('checkTextField', () => {
  const s = preset('happy-path');
  it('refuses an empty name and a bad id with the rule', () => {
    expect(checkTextField(['name'], s, '')).toEqual({ ok: false, message: 'must not be empty' });
    expect(checkTextField(['name'], s, 'x'.repeat(121))).toEqual({ ok: false, message: 'must be at most 120 characters (this is 121)' });
    expect(checkTextField(['clients', 0, 'id'], s, '1abc')).toEqual({
      ok: false,
      message: 'an id: a letter, then up to 23 letters, digits, _ or -',
    });
    expect(checkTextField(['clients', 0, 'id'], s, 'Alice')).toEqual({ ok: true, value: 'Alice' });
    expect(checkTextField(['lock', 'key'], s, '')).toEqual({ ok: false, message: 'must not be empty' });
  });
});
