import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * A retry is a backstop, not a fix: every test that passed only on a retry is printed as
 * "FLAKY: <file:line> <title>" with the errors of its failed tries, and a summary closes
 * the run, so a flake is seen and reported instead of hidden by the green result.
 */
export default class FlakyReporter implements Reporter {
  private readonly failures = new Map<TestCase, string[]>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === 'failed' || result.status === 'timedOut') {
      const first = result.errors[0]?.message?.split('\n')[0] ?? result.status;
      this.failures.set(test, [...(this.failures.get(test) ?? []), `try ${result.retry + 1}: ${first}`]);
    }
  }

  onEnd(_result: FullResult): void {
    const flaky: TestCase[] = [];
    for (const test of this.failures.keys()) if (test.outcome() === 'flaky') flaky.push(test);
    for (const test of flaky) {
      const where = `${test.location.file.replace(/^.*\/tests\/e2e\//, 'tests/e2e/')}:${test.location.line}`;
      console.log(`FLAKY: ${where} ${test.titlePath().filter(Boolean).slice(1).join(' › ')}`);
      for (const line of this.failures.get(test) ?? []) console.log(`       ${line}`);
    }
    console.log(`Flaky tests (passed only on a retry): ${flaky.length}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
