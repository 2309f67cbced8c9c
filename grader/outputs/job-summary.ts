import type { Output } from './output.js';
import type { GradeResult } from '../core/result.js';

/**
 * Text from a student (messages, printed values) made inert in GitHub-flavoured markdown: no HTML,
 * no links or images, no table breaks, one line.
 */
export function escapeMarkdown(text: string, max = 300): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const short = oneLine.length > max ? oneLine.slice(0, max) + '…' : oneLine;
  return short
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~:@$])/g, '\\$1');
}

/** The job summary ($GITHUB_STEP_SUMMARY): a score table per exercise and what failed. */
export function jobSummary(result: GradeResult): string {
  const lines = [`## Autograding: ${result.score} / ${result.maxScore} points`, '', '| Exercise | Points | Checks passed |', '| --- | ---: | ---: |'];
  for (const e of result.exercises) {
    const passed = e.checks.filter((c) => c.status === 'passed').length;
    lines.push(`| ${escapeMarkdown(e.exercise)} | ${e.score} / ${e.maxScore} | ${passed} / ${e.checks.length} |`);
  }
  lines.push(`| **Total** | **${result.score} / ${result.maxScore}** | |`, '');
  const failed = result.exercises.flatMap((e) => e.checks).filter((c) => c.status !== 'passed');
  if (failed.length > 0) {
    lines.push('### Checks to fix', '', '| Check | Points | Problem |', '| --- | ---: | --- |');
    for (const c of failed) {
      const message = 'message' in c.verdict && c.verdict.message ? c.verdict.message : c.status;
      lines.push(`| ${escapeMarkdown(c.check.title)} (\`${c.check.id.replace(/[^\w.-]/g, '')}\`) | ${c.score} / ${c.check.points} | ${escapeMarkdown(message)} |`);
    }
    lines.push('', 'Run `npm test` locally for the counterexamples and diagnoses; the full report is the `grading-report` artifact.', '');
  }
  lines.push(`<sub>seed ${result.seed} · ${escapeMarkdown(Object.entries(result.environment).map(([k, v]) => `${k} ${v}`).join(', '))}</sub>`, '');
  return lines.join('\n');
}

export const jobSummaryOutput: Output = { name: 'job-summary', fileName: 'summary.md', render: jobSummary };
