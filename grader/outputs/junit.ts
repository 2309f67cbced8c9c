import type { Output } from './output.js';
import { formatCheckText } from '../feedback/format-text.js';
import { escapeXml } from '../feedback/escape.js';

/** JUnit XML for CI systems: one test suite per exercise, one test case per check. */
export const junitOutput: Output = {
  name: 'junit',
  fileName: 'junit.xml',
  render(result) {
    const suites = result.exercises.map((e) => {
      const failures = e.checks.filter((r) => r.status === 'failed').length;
      const errors = e.checks.filter((r) => r.status === 'errored' || r.status === 'timed-out').length;
      const seconds = e.checks.reduce((s, r) => s + r.seconds, 0);
      const cases = e.checks.map((r) => {
        const open = `    <testcase classname="${escapeXml(e.exercise)}" name="${escapeXml(`${r.check.title} (${r.score}/${r.check.points})`)}" time="${r.seconds.toFixed(3)}"`;
        if (r.status === 'passed') return `${open}/>`;
        const tag = r.status === 'failed' ? 'failure' : 'error';
        const message = 'message' in r.verdict && r.verdict.message ? r.verdict.message : r.status;
        return `${open}>\n      <${tag} message="${escapeXml(message.slice(0, 500))}" type="${r.status}">${escapeXml(formatCheckText(r))}</${tag}>\n    </testcase>`;
      });
      return `  <testsuite name="${escapeXml(e.exercise)}" tests="${e.checks.length}" failures="${failures}" errors="${errors}" time="${seconds.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(result.submission)}" time="${result.seconds.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
  },
};
