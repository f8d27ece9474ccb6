import { describe, expect, it } from 'vitest';
import { STATECHARTS } from '../../lock/statechart.ts';
import type { ClientSpec, Scenario } from '../../sim/model/scenario.ts';
import { clientMachine } from './clientMachine.ts';
import { presetRun } from './testTraces.ts';

describe('clientMachine', () => {
  const happy = presetRun('happy-path').scenario;

  it("a Redlock client runs the redlock machine; with autoExtend, the watchdog's", () => {
    expect(clientMachine(happy, 'C1')).toEqual({ kind: 'machine', client: 'C1', name: 'redlock', chart: STATECHARTS.redlock });
    expect(clientMachine(presetRun('watchdog-renewal').scenario, 'C1')).toMatchObject({ kind: 'machine', name: 'redlock-watchdog' });
    expect(clientMachine(presetRun('failover-loses-lock').scenario, 'C2')).toMatchObject({ kind: 'machine', name: 'single-failover' });
  });

  it('a script client has no machine; a node or nothing selected is not a client', () => {
    const script: ClientSpec = { ...(happy.clients[0] as ClientSpec), id: 'S1', strategy: { kind: 'script', steps: [] } };
    const scenario: Scenario = { ...happy, clients: [...happy.clients, script] };
    expect(clientMachine(scenario, 'S1')).toEqual({ kind: 'script', client: 'S1' });
    expect(clientMachine(scenario, happy.nodes[0]?.id ?? 'A')).toEqual({ kind: 'none' });
    expect(clientMachine(scenario, null)).toEqual({ kind: 'none' });
    expect(clientMachine(null, 'C1')).toEqual({ kind: 'none' });
  });
});
