import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeMessage } from '../../src/protocol/bridgeMessages.ts';
import happyPath from '../../src/scenario/presets/happy-path.json' with { type: 'json' };
import type { TraceEvent } from '../../src/sim/trace/events.ts';
import { rawCommand } from '../redis/rawCommand.ts';
import { waitFor } from '../redis/waitFor.ts';
import { BridgeTestClient } from './testing/bridgeTestClient.ts';
import { type RealBridge, startRealBridge, TEST_TOKEN } from './testing/realBridge.ts';

/**
 * The operations on a real backend: createBackend's redis-servers, driven through the
 * WebSocket server as the playground drives them.
 */
let bridge: RealBridge;
const REDLOCK = ['A', 'B', 'C', 'D', 'E'];

beforeAll(async () => {
  bridge = await startRealBridge();
}, 60_000);

afterAll(async () => {
  await bridge?.stop();
}, 60_000);

const connect = () => BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN);
const eventsOf = (m: BridgeMessage): TraceEvent[] => (m.type === 'trace' ? (m.events as TraceEvent[]) : []);
const valuesOf = (key: string) => Promise.all(REDLOCK.map((id) => rawCommand(bridge.port(id), ['GET', key])));

describe('a run', () => {
  it('streams the trace in batches, the first answering start-run, then run-ended after the last batch', async () => {
    const page = await connect();
    const other = await connect();
    const start = page.send({ type: 'start-run', scenario: happyPath, speed: 4 });
    const first = await page.next((m) => m.type === 'trace' || m.type === 'error', 30_000);
    expect(first).toMatchObject({ type: 'trace', inReplyTo: start });

    // One run at a time on the shared fleet: another page is told why.
    const refused = await other.request({ type: 'start-run', scenario: happyPath });
    expect(refused).toMatchObject({ type: 'error', code: 'conflict' });

    const ended = await page.next((m) => m.type === 'run-ended', 30_000);
    expect(ended).toMatchObject({ inReplyTo: start, reason: 'completed' });
    const runMessages = page.received.filter((m) => m.type === 'trace' || m.type === 'run-ended');
    expect(runMessages.at(-1)).toBe(ended);
    const batches = runMessages.filter((m) => m.type === 'trace');
    for (const b of batches) expect(eventsOf(b).length).toBeLessThanOrEqual(1_000);
    const events = batches.flatMap(eventsOf);
    expect(events[0]?.kind).toBe('run-start');
    const acquired = events.filter((e) => e.kind === 'lock-acquired').map((e) => (e.kind === 'lock-acquired' ? e.client : ''));
    expect(acquired).toEqual(['C1', 'C2']);
    const times = events.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    await Promise.all([page.close(), other.close()]);
  }, 60_000);

  it('answers a lock-op and a fault during a run, and stop-run ends it as stopped', async () => {
    const page = await connect();
    const start = page.send({ type: 'start-run', scenario: { ...happyPath, durationMs: 60_000 }, speed: 1 });
    await page.next((m) => m.type === 'trace' && m.inReplyTo === start, 30_000);
    await page.next((m) => eventsOf(m).some((e) => e.kind === 'lock-acquired'), 30_000);

    const keyed = await page.request({ type: 'lock-op', client: 'C2', op: 'acquire', key: 'other' });
    expect(keyed).toMatchObject({ type: 'error', code: 'invalid' });
    // C1's workload holds the lock on A-E, so C2's manual acquire is refused on real Redis.
    const op = await page.request({ type: 'lock-op', client: 'C2', op: 'acquire', ttlMs: 20_000 }, 30_000);
    expect(op.type, JSON.stringify(op)).toBe('trace');
    expect(eventsOf(op).map((e) => e.kind)).toEqual(expect.arrayContaining(['lock-attempt', 'lock-failed']));
    expect(page.answersTo(op.inReplyTo ?? '')).toHaveLength(1);

    const pause = await page.request({ type: 'pause-node', node: 'B', durationMs: 200 }, 30_000);
    expect(pause.type, JSON.stringify(pause)).toBe('trace');
    expect(
      page.received
        .filter((m) => m.type === 'trace')
        .flatMap(eventsOf)
        .some((e) => e.kind === 'pause' && e.process === 'B'),
    ).toBe(true);

    page.send({ type: 'stop-run' });
    const ended = await page.next((m) => m.type === 'run-ended', 30_000);
    expect(ended).toMatchObject({ inReplyTo: start, reason: 'stopped' });
    expect(await page.request({ type: 'stop-run' })).toMatchObject({ type: 'error', code: 'conflict', message: 'no run to stop' });
    await page.close();
  }, 60_000);
});

describe('lock operations outside a run', () => {
  it('acquires and releases a key on A-E, refuses a held key to another page, and answers each op with one trace', async () => {
    const alice = await connect();
    const bob = await connect();
    const take = await alice.request({ type: 'lock-op', client: 'C1', op: 'acquire', key: 'orders:42', ttlMs: 30_000 });
    expect(take.type).toBe('trace');
    const acquired = eventsOf(take).find((e) => e.kind === 'lock-acquired');
    expect(acquired).toBeDefined();
    const value = acquired?.kind === 'lock-acquired' ? acquired.value : '';
    expect(await valuesOf('orders:42')).toEqual(REDLOCK.map(() => value));

    const refused = await bob.request({ type: 'lock-op', client: 'C1', op: 'acquire', key: 'orders:42' });
    expect(eventsOf(refused).some((e) => e.kind === 'lock-failed')).toBe(true);
    // Redlock's safety rests on lock values unique across clients: bob's compare-and-delete after his failed attempt
    // must not match alice's value.
    const bobAttempt = eventsOf(refused).find((e) => e.kind === 'lock-attempt');
    expect(bobAttempt?.kind === 'lock-attempt' && bobAttempt.value).not.toBe(value);
    expect(await valuesOf('orders:42')).toEqual(REDLOCK.map(() => value)); // bob's failed attempt left alice's lock alone

    const release = await alice.request({ type: 'lock-op', client: 'C1', op: 'release' });
    expect(eventsOf(release).some((e) => e.kind === 'lock-released')).toBe(true);
    expect(await valuesOf('orders:42')).toEqual(REDLOCK.map(() => null));
    const retake = await bob.request({ type: 'lock-op', client: 'C1', op: 'acquire', key: 'orders:42' });
    expect(eventsOf(retake).some((e) => e.kind === 'lock-acquired')).toBe(true);

    // Closing a page releases what its session holds.
    await bob.close();
    await waitFor(
      async () => (await valuesOf('orders:42')).every((v) => v === null),
      5_000,
      () => 'the closed page still holds orders:42',
    );
    await alice.close();
  }, 60_000);
});
