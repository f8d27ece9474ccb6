/**
 * `npm run bench:bridge`: what the bridge costs. Starts `npm run bridge` as its own process
 * (as the playground meets it: another process on loopback) with the rate limit raised, and
 * measures round trips, one at a time:
 *   - a Redlock acquire + release of one key as two lock-ops through the bridge WebSocket,
 *   - the same operation from this process straight to the five masters with ioredis,
 *   - a ping through the bridge (the WebSocket and the bridge's dispatch, no Redis).
 * Prints p50 / p99 and the bridge-to-direct ratio (target: p50 at most 2x).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BridgeTestClient, PLAYGROUND_ORIGIN } from '../server/testing/bridgeTestClient.ts';
import { readBanner, spawnBridge } from '../server/testing/spawnBridge.ts';
import { DirectRedlock } from './directRedlock.ts';
import { percentile, sampleMs } from './percentiles.ts';

const COUNT = Number(process.env.BENCH_COUNT ?? 2_000);
const WARMUP = Math.ceil(COUNT / 10);
const TTL_MS = 10_000;

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-bridge-'));
  const bridge = spawnBridge(['--port', '0', '--rate', '100000/s', '--state-file', path.join(root, 'state.json')]);
  try {
    const banner = await readBanner(bridge);
    const masters = banner.nodes.filter((n) => ['A', 'B', 'C', 'D', 'E'].includes(n.id));
    if (masters.length !== 5) throw new Error(`expected masters A-E, got ${banner.nodes.map((n) => n.id).join(', ')}`);

    const page = await BridgeTestClient.connect(banner.url, PLAYGROUND_ORIGIN);
    const welcome = await page.request({ type: 'hello', token: banner.token, protocol: 1 });
    if (welcome.type !== 'welcome') throw new Error(`no welcome: ${JSON.stringify(welcome)}`);
    const direct = await DirectRedlock.connect(masters);

    const lockOp = async (op: 'acquire' | 'release') => {
      const answer = await page.request({
        type: 'lock-op',
        client: 'C1',
        op,
        key: 'bench-bridge',
        ...(op === 'acquire' ? { ttlMs: TTL_MS } : {}),
      });
      const kinds = answer.type === 'trace' ? answer.events.map((e) => (e as { kind?: string }).kind) : [];
      const wanted = op === 'acquire' ? 'lock-acquired' : 'lock-released';
      if (!kinds.includes(wanted)) throw new Error(`lock-op ${op} did not succeed: ${JSON.stringify(answer).slice(0, 300)}`);
    };
    const rows: [string, number[]][] = [];
    // Interleaved in rounds so a slow moment of the machine hits both sides alike.
    const rounds = 4;
    const directSamples: number[] = [];
    const bridgeSamples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      directSamples.push(...(await sampleMs(() => direct.acquireAndRelease('bench-direct', TTL_MS), COUNT / rounds, WARMUP / rounds)));
      bridgeSamples.push(
        ...(await sampleMs(
          async () => {
            await lockOp('acquire');
            await lockOp('release');
          },
          COUNT / rounds,
          WARMUP / rounds,
        )),
      );
    }
    rows.push(['Redlock acquire+release, direct ioredis', directSamples]);
    rows.push(['Redlock acquire+release, bridge lock-ops', bridgeSamples]);
    rows.push([
      'ping through the bridge',
      await sampleMs(
        async () => {
          await page.request({ type: 'ping' });
        },
        COUNT,
        WARMUP,
      ),
    ]);
    await page.close();
    await direct.close();

    const ratio = percentile(bridgeSamples, 50) / percentile(directSamples, 50);
    console.log(`bridge round trips, ${COUNT} each after ${WARMUP} warm-up, loopback, five redis-server masters A-E`);
    console.log(`${'operation'.padEnd(44)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
    for (const [name, samples] of rows) {
      console.log(`${name.padEnd(44)}${percentile(samples, 50).toFixed(3).padStart(9)}${percentile(samples, 99).toFixed(3).padStart(9)}`);
    }
    console.log(`bridge / direct at p50: ${ratio.toFixed(2)}x (target <= 2x): ${ratio <= 2 ? 'met' : 'NOT met'}`);
  } finally {
    bridge.interrupt();
    const code = await bridge.exited;
    if (code !== 0) console.error(`the bridge exited with ${code}:\n${bridge.stderr()}`);
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
