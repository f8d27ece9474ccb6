#!/usr/bin/env node
/**
 * What opening the built playground costs: the initial JavaScript, gzipped (target ≤ 250 kB),
 * and the time until the page is interactive on localhost (target ≤ 1 s). A measurement, not
 * a test: it exits non-zero only when it could not measure (no build, no server, no page,
 * the page never became interactive), never for a large number. Prints human lines and a JSON
 * line. `npm run bench` runs it last; `npm run load-time` runs it alone.
 *
 *   node scripts/measure-load.mjs [--no-build] [--loads 5]
 *
 * Initial JavaScript: the module script and the modulepreload links of the built index.html
 * (what the browser fetches before anything runs; lazily imported chunks are not counted),
 * each gzipped with node:zlib at level 9, in kB of 1,000 bytes. The page's own resource
 * timings cross-check it: a chunk it fetched before it was interactive is reported too.
 *
 * Time to interactive: the build is served by `vite preview` on 127.0.0.1 (a child process,
 * stopped by its PID) and opened in Debian's Chromium (software rendering, 1280×720) in a
 * fresh browser context each time (empty cache), `--loads` times; the median is reported. A
 * script injected before the page's own watches the DOM; the page is interactive at the first
 * moment when (1) the timeline's canvas has drawn the default scenario's run (its data-paints
 * counter is at least 1) and (2) a click on the Play button, sent in a new task as soon as (1)
 * holds, has been handled: the playback status says "Playing". The figure is that moment in
 * the page's own clock, whose zero is navigation start (performance.now()).
 *
 * Builds into .tmp/bench/dist (not dist/, which browser tests may be serving at the time);
 * --no-build serves dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, ROOT, startPreview, stopPreview, VITE, waitForServer } from './previewServer.mjs';

const PORT = 4175;
const TARGET_INITIAL_JS_KB = 250;
const TARGET_INTERACTIVE_MS = 1_000;

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const loadsArg = args.indexOf('--loads');
const loads = loadsArg >= 0 ? Number(args[loadsArg + 1]) : 5;
if (!Number.isInteger(loads) || loads <= 0) {
  console.error('measure-load: --loads needs a positive whole number');
  process.exit(2);
}
const outDir = build ? join('.tmp', 'bench', 'dist') : 'dist';

function fail(message) {
  console.error(`measure-load: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

/** kB of 1,000 bytes, as `vite build` reports sizes (the stricter reading of the target). */
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const gzippedBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

/** The JavaScript index.html loads before anything runs: its module scripts and modulepreload links. */
function initialJavaScript(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const urls = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attr = (name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? null;
    if (tag.startsWith('<script') && attr('type') === 'module' && attr('src') !== null) urls.push(attr('src'));
    if (tag.startsWith('<link') && attr('rel') === 'modulepreload' && attr('href') !== null) urls.push(attr('href'));
  }
  if (urls.length === 0) fail(`${dir}/index.html loads no module script`);
  const files = urls.map((url) => {
    const path = join(dir, url.replace(/^\//, ''));
    if (!existsSync(path)) fail(`index.html loads ${url}, which is not in ${dir}`);
    const raw = readFileSync(path).length;
    return { url, rawBytes: raw, gzipBytes: gzippedBytes(path) };
  });
  return { files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), rawBytes: files.reduce((s, f) => s + f.rawBytes, 0) };
}

/**
 * Runs in the page before its own scripts: records when the timeline first drew, then clicks
 * Play in a new task (as a user's click would arrive) and records when the status says Playing.
 */
function watchForInteractive() {
  const w = window;
  w.__load = { drawnMs: null, interactiveMs: null };
  const canvasDrawn = () => Number(document.querySelector('[data-testid="timeline-canvas"]')?.dataset.paints ?? 0) >= 1;
  const playButton = () => document.querySelector('button[aria-label="Play (Space)"]');
  const playing = () => document.querySelector('[data-testid="playback-status"]')?.textContent === 'Playing';
  let clicked = false;
  const observer = new MutationObserver(() => {
    if (w.__load.drawnMs === null && canvasDrawn() && playButton() !== null) {
      w.__load.drawnMs = performance.now();
    }
    if (w.__load.drawnMs !== null && !clicked) {
      clicked = true;
      setTimeout(() => playButton()?.click(), 0);
    }
    if (clicked && w.__load.interactiveMs === null && playing()) {
      w.__load.interactiveMs = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    await context.addInitScript(watchForInteractive);
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(url);
    await page
      .waitForFunction(() => window.__load?.interactiveMs != null, null, { timeout: 30_000 })
      .catch(() => {
        fail(`the page did not become interactive within 30 s${pageErrors.length > 0 ? `: ${pageErrors.join('; ')}` : ''}`);
      });
    if (pageErrors.length > 0) fail(`the page threw: ${pageErrors.join('; ')}`);
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js') && r.startTime <= window.__load.interactiveMs)
        .map((r) => new URL(r.name).pathname);
      return {
        interactiveMs: window.__load.interactiveMs,
        drawnMs: window.__load.drawnMs,
        domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
        firstContentfulPaintMs: fcp?.startTime ?? null,
        scripts,
      };
    });
  } finally {
    await context.close().catch(() => {});
  }
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function measure() {
  let server = null;
  let browser = null;
  const cleanup = () => stopPreview(server);
  process.on('exit', cleanup);
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    if (build) {
      mkdirSync(join(ROOT, outDir), { recursive: true });
      const built = spawnSync(process.execPath, [VITE, 'build', '--outDir', outDir, '--emptyOutDir'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      if (built.status !== 0) fail(`vite build failed:\n${built.stdout}\n${built.stderr}`);
    } else if (!existsSync(join(ROOT, outDir, 'index.html'))) {
      fail(`--no-build, but ${outDir}/index.html does not exist: run \`npx vite build\` first`);
    }
    const dir = join(ROOT, outDir);
    const initial = initialJavaScript(dir);
    const names = initial.files.map((f) => `${f.url} ${kb(f.gzipBytes)}`).join(', ');
    console.log(
      `initial JavaScript (${outDir}/index.html's module script and modulepreloads): ${initial.files.length} file${initial.files.length === 1 ? '' : 's'}, ` +
        `${kb(initial.rawBytes)} minified, ${kb(initial.gzipBytes)} gzipped (${names}; target ≤ ${TARGET_INITIAL_JS_KB} kB) ${initial.gzipBytes / 1000 <= TARGET_INITIAL_JS_KB ? 'MET' : 'NOT MET'}`,
    );

    server = startPreview({ port: PORT, outDir });
    await waitForServer(server, 30_000);
    browser = await launchChromium();
    const results = [];
    for (let i = 0; i < loads; i++) results.push(await loadOnce(browser, server.url));

    // Cross-check: JavaScript the page actually fetched before it was interactive (a chunk imported at startup would show here).
    const fetched = [...new Set(results.flatMap((r) => r.scripts))];
    const fetchedGzip = fetched.reduce((s, url) => s + gzippedBytes(join(dir, url.replace(/^\//, ''))), 0);
    const interactive = results.map((r) => r.interactiveMs);
    const m = (key) => median(results.map((r) => r[key]).filter((x) => x !== null));
    const summary = {
      outDir,
      initialJs: {
        files: initial.files,
        gzipKB: Number((initial.gzipBytes / 1000).toFixed(1)),
        rawKB: Number((initial.rawBytes / 1000).toFixed(1)),
      },
      fetchedBeforeInteractive: { files: fetched, gzipKB: Number((fetchedGzip / 1000).toFixed(1)) },
      loads,
      interactiveMs: interactive.map((x) => Math.round(x)),
      medianInteractiveMs: Math.round(median(interactive)),
      medianDrawnMs: Math.round(m('drawnMs')),
      medianDomContentLoadedMs: Math.round(m('domContentLoadedMs')),
      medianFirstContentfulPaintMs: Math.round(m('firstContentfulPaintMs')),
    };
    console.log(
      `time to interactive on 127.0.0.1 (Chromium, software rendering, 1280×720, empty cache; timeline drawn and a Play click handled): ` +
        `median ${summary.medianInteractiveMs} ms of ${loads} loads (${summary.interactiveMs.join(', ')} ms; ` +
        `first contentful paint ${summary.medianFirstContentfulPaintMs} ms, DOMContentLoaded ${summary.medianDomContentLoadedMs} ms, timeline drawn ${summary.medianDrawnMs} ms; ` +
        `target ≤ ${TARGET_INTERACTIVE_MS} ms) ${summary.medianInteractiveMs <= TARGET_INTERACTIVE_MS ? 'MET' : 'NOT MET'}`,
    );
    if (fetchedGzip !== initial.gzipBytes)
      console.log(`  JavaScript fetched before interactive: ${fetched.join(', ')} — ${kb(fetchedGzip)} gzipped`);
    console.log(JSON.stringify(summary));
  } finally {
    if (browser !== null) await browser.close().catch(() => {});
    stopPreview(server);
  }
}

measure().catch((e) => {
  if (process.exitCode !== 1) console.error(`measure-load: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
