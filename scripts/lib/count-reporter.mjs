// A web-test-runner reporter that writes how many tests passed, failed and were skipped, so
// `npm test` can sum every runner into one closing line.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countReporter({ file }) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, filesFailed: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that fails to load or throws outside a test has no test result to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.filesFailed++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
