#!/usr/bin/env bash
# `npm test`: the whole suite, in the order a failure is cheapest to find.
#   system packages -> typecheck -> lint -> unit, property and real-Redis tests (Vitest)
#   -> production build -> browser tests on the built app (Playwright, Debian Chromium)
# It ends with one line "N passed, M failed" summing both runners.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mkdir -p .tmp
rm -f .tmp/vitest.json .tmp/vitest-fidelity.json .tmp/vitest-replay.json .tmp/playwright.json

step() { printf '\n=== %s\n' "$*"; }
finish() {
  node scripts/test-summary.mjs .tmp/vitest.json .tmp/vitest-fidelity.json .tmp/vitest-replay.json .tmp/playwright.json
  exit "$1"
}

step "system packages (redis-server, chromium)"
bash scripts/ensure-system-deps.sh || finish 1
step "typecheck (tsc)"
npm run -s typecheck || finish 1
step "lint (biome + engine import boundaries)"
npm run -s lint || finish 1
step "unit and property tests (vitest)"
npx vitest run --exclude tests/fidelity.test.ts --exclude bridge/run/presetsOnRealRedis.test.ts --exclude 'bridge/crosscheck/**' --exclude bridge/server/soak.test.ts --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json || finish 1
# The fidelity test replays commands on real redis-server processes at real times, so it runs
# alone: with the property tests busy on both cores, its replay could lag behind its schedule.
step "real-Redis fidelity test (vitest, alone)"
npx vitest run tests/fidelity.test.ts --reporter=default --reporter=json --outputFile.json=.tmp/vitest-fidelity.json || finish 1
# The same for the presets replayed on real Redis through the bridge's runner (scaled real time),
# the cross-check against npm's redlock and the soak of 100 pages (per-node timeouts of 200 ms:
# with the property tests and the 100,000-run search busy on both cores, answers could miss them).
step "presets replayed on real Redis, the node-redlock cross-check, the bridge soak (vitest, alone)"
npx vitest run --no-file-parallelism bridge/run/presetsOnRealRedis.test.ts bridge/crosscheck/ bridge/server/soak.test.ts --reporter=default --reporter=json --outputFile.json=.tmp/vitest-replay.json || finish 1
step "production build (vite)"
npm run -s build || finish 1
step "browser tests on the built app (playwright, /usr/bin/chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=.tmp/playwright.json npx playwright test --reporter=list,json || finish 1
finish 0
