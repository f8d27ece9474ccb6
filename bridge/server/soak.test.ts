import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeMessage } from '../../src/protocol/bridgeMessages.ts';
import { rawCommand } from '../redis/rawCommand.ts';
import { BridgeTestClient } from './testing/bridgeTestClient.ts';
import { type RealBridge, startRealBridge, TEST_TOKEN } from './testing/realBridge.ts';

/**
 * Many pages at once on a real backend: 100 connections, each acquiring and releasing its
 * own key 500 times (1,000 lock-ops each, 100,000 in all, every one a Redlock round on the
 * five real masters). Nothing may be lost, answered twice or left locked.
 */
const PAGES = 100;
const OPS_PER_PAGE = 1_000;
const REDLOCK = ['A', 'B', 'C', 'D', 'E'];
let bridge: RealBridge;

beforeAll(async () => {
  // The default limit (20/s) is for browsers; this test is a deliberate flood of good traffic.
  bridge = await startRealBridge({ rateLimit: { burst: 10_000, perSecond: 100_000 } });
}, 60_000);

afterAll(async () => {
  await bridge?.stop();
}, 60_000);

const kindsOf = (m: BridgeMessage | undefined): string[] =>
  m?.type === 'trace' ? m.events.map((e) => (e as { kind?: string }).kind ?? '') : [`(${m?.type ?? 'no answer'})`];

/** One page: acquire, release, acquire, ... on its own key; returns what went wrong. */
async function runPage(page: BridgeTestClient, key: string): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < OPS_PER_PAGE; i++) {
    const op = i % 2 === 0 ? 'acquire' : 'release';
    const answer = await page.request(
      { type: 'lock-op', id: `op${i}`, client: 'C1', op, key, ...(op === 'acquire' ? { ttlMs: 60_000 } : {}) },
      30_000,
    );
    const wanted = op === 'acquire' ? 'lock-acquired' : 'lock-released';
    if (!kindsOf(answer).includes(wanted)) problems.push(`${key} op${i} ${op}: ${kindsOf(answer).join(',')}`);
  }
  return problems;
}

describe('soak', () => {
  it(`${PAGES} pages x ${OPS_PER_PAGE} lock-ops: every op answered once and as expected, no key left`, async () => {
    const pages = await Promise.all(Array.from({ length: PAGES }, () => BridgeTestClient.authenticated(bridge.server.url, TEST_TOKEN)));
    expect(bridge.server.connections()).toBe(PAGES);
    const problems = (await Promise.all(pages.map((page, i) => runPage(page, `soak-${i}`)))).flat();
    expect(problems.slice(0, 10)).toEqual([]);

    // Exactly one answer per op, and nothing else on the connection after the welcome.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const page of pages) {
      const replies = page.received.slice(1).map((m) => ('inReplyTo' in m ? m.inReplyTo : `(${m.type})`));
      expect(replies).toEqual(Array.from({ length: OPS_PER_PAGE }, (_, i) => `op${i}`));
    }
    await Promise.all(pages.map((p) => p.close()));

    for (const id of REDLOCK) expect(await rawCommand(bridge.port(id), ['KEYS', 'soak-*']), `keys left on ${id}`).toEqual([]);
  }, 120_000);
});
