#!/usr/bin/env node
// Sums the Vitest and Playwright JSON reports given as arguments into one closing line: "N passed, M failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
// Any number of reports, in any order: a Playwright report has `stats`, a Vitest one does not.
for (const path of process.argv.slice(2)) {
  if (!existsSync(path)) continue;
  const r = JSON.parse(readFileSync(path, 'utf8'));
  if (r.stats !== undefined) {
    const s = r.stats;
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
    continue;
  }
  passed += r.numPassedTests ?? 0;
  const failedTests = r.numFailedTests ?? 0;
  // A file that fails to load has no failed test in it; count it once so it is not lost.
  failed += failedTests + (failedTests === 0 ? (r.numFailedTestSuites ?? 0) : 0);
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
