// A node:test reporter that writes how many tests passed, failed and were skipped (suites are
// not tests), so `npm test` can sum every runner into one closing line.
export default async function* countReporter(source) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') {
      // A suite that failed outside its tests (a hook, a load error) still counts as a failure.
      if (event.type === 'test:fail' && event.data.details.error?.failureType !== 'subtestsFailed') totals.failed++;
      continue;
    }
    if (event.data.skip || event.data.todo) totals.skipped++;
    else if (event.type === 'test:pass') totals.passed++;
    else totals.failed++;
  }
  yield JSON.stringify(totals);
}
