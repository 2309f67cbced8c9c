import type { Output } from './output.js';
import { formatCheckText } from '../feedback/format-text.js';
import { escapeXml } from '../feedback/escape.js';

/**
 * JUnit XML for CI systems: one test suite per exercise, one test case per check. A test is named
 * by its check's title and id, never its score, so GitLab, Jenkins and test-reporter keep its
 * history; the points go in the suite's properties and the failure message.
 */
export const junitOutput: Output = {
  name: 'junit',
  fileName: 'junit.xml',
  render(result) {
    const suites = result.exercises.map((e) => {
      const failures = e.checks.filter((r) => r.status === 'failed').length;
      const errors = e.checks.filter((r) => r.status === 'errored' || r.status === 'timed-out').length;
      const seconds = e.checks.reduce((s, r) => s + r.seconds, 0);
      const cases = e.checks.map((r) => {
        const open = `    <testcase classname="${escapeXml(e.exercise)}" name="${escapeXml(`${r.check.title} (${r.check.id})`)}" time="${r.seconds.toFixed(3)}"`;
        if (r.status === 'passed') return `${open}/>`;
        const tag = r.status === 'failed' ? 'failure' : 'error';
        const message = 'message' in r.verdict && r.verdict.message ? r.verdict.message : r.status;
        return `${open}>\n      <${tag} message="${escapeXml(`${r.score}/${r.check.points} points: ${message}`.slice(0, 500))}" type="${r.status}">${escapeXml(formatCheckText(r))}</${tag}>\n    </testcase>`;
      });
      const points = [['score', e.score], ['max_score', e.maxScore], ...e.checks.map((r) => [`points:${r.check.id}`, `${r.score}/${r.check.points}`])];
      const properties = `    <properties>\n${points.map(([name, value]) => `      <property name="${escapeXml(String(name))}" value="${escapeXml(String(value))}" />`).join('\n')}\n    </properties>`;
      return `  <testsuite name="${escapeXml(e.exercise)}" tests="${e.checks.length}" failures="${failures}" errors="${errors}" time="${seconds.toFixed(3)}">\n${properties}\n${cases.join('\n')}\n  </testsuite>`;
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(result.submission)}" time="${result.seconds.toFixed(3)}">\n${suites.join('\n')}\n</testsuites>\n`;
  },
};
