import type { CheckResult } from '../core/result.js';
import { formatValue } from './format-value.js';

/**
 * One check's result as plain text for a terminal (the student's `npm test`, the CLI's log):
 * what was checked, the points at stake, the counterexample, the diagnosis and how to replay it.
 */
export function formatCheckText(result: CheckResult): string {
  const { check, verdict } = result;
  const head = `${check.title} (${result.score}/${check.points} points, ${check.id})`;
  if (verdict.status === 'passed') return `✓ ${head}${verdict.message ? `\n  ${verdict.message}` : ''}`;
  const lines = [`✗ ${head}`, `  What was checked: ${check.description}`, `  Problem: ${verdict.message}`];
  const cx = verdict.counterexample;
  if (cx) {
    lines.push('  Smallest failing input:');
    for (const [name, value] of Object.entries(cx.input)) lines.push(indent(`${name} = ${formatValue(value)}`, 4));
    if (cx.expected !== undefined) lines.push(indent(`expected: ${formatValue(cx.expected)}`, 4));
    if (cx.got !== undefined) lines.push(indent(`got:      ${formatValue(cx.got)}`, 4));
  }
  if (verdict.status === 'failed') {
    for (const d of verdict.diagnosis ?? []) lines.push(`  Likely mistake — ${d.title}: ${d.explanation}`);
  }
  if (verdict.replay) lines.push(...replayLines(check.id, check.visibility, verdict.replay));
  return lines.join('\n');
}

/** One check on one line, for a log: `✗ <title> (0/3 points, <id>): <the problem's first line>`. */
export function formatCheckLine(result: CheckResult): string {
  const head = formatCheckText(result).split('\n')[0];
  const problem = result.verdict.status === 'passed' ? undefined : result.verdict.message.split('\n')[0];
  return problem ? `${head}: ${problem.length > 300 ? problem.slice(0, 300) + '…' : problem}` : head;
}

/** The REPLAY value the student test file understands: `<checkId>:<seed>[:<path>]`. */
export function replayValue(checkId: string, replay: { seed: number; path?: string }): string {
  return `${checkId}:${replay.seed}${replay.path ? `:${replay.path}` : ''}`;
}

/** The shell command that runs only this public check, on only this failing case. */
export function replayCommand(checkId: string, replay: { seed: number; path?: string }): string {
  return `REPLAY='${replayValue(checkId, replay)}' npx vitest run`;
}

/** How to run exactly this failing case again: a command for public checks, the seed for hidden ones. */
function replayLines(checkId: string, visibility: string, replay: { seed: number; path?: string }): string[] {
  const fc = `{ seed: ${replay.seed}${replay.path ? `, path: ${JSON.stringify(replay.path)}` : ''} }`;
  if (visibility !== 'public') return [`  Replay (fast-check): ${fc}`];
  return [
    '  Replay just this case (add a console.log to your function and look):',
    `    ${replayCommand(checkId, replay)}`,
    `  (fast-check: ${fc})`,
  ];
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((l) => pad + l).join('\n');
}
