/** Turns vitest's JSON report into {passed, failed, skipped}; a file that failed to load counts as a failure. */
import { existsSync, readFileSync } from 'node:fs';

export function vitestSummary(reportFile, code) {
  let report = null;
  try {
    report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null;
  } catch {
    report = null;
  }
  if (!report) return { passed: 0, failed: 1, skipped: 0, code: code || 1 };
  // A test file that fails to load has no failed assertions; count it so it cannot hide.
  const brokenFiles = (report.testResults ?? []).filter(
    (r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  const summary = {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    code,
  };
  if (code !== 0 && summary.failed === 0) summary.failed = 1;
  return summary;
}
