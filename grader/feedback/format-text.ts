import type { CheckResult } from '../core/result.js';
import { counterexampleLabels } from './counterexample-labels.js';
import { formatValue } from './format-value.js';

/**
 * One check's result as plain text for a terminal (the student's `npm test`, the CLI's log):
 * what was checked, the points at stake, the counterexample, the diagnosis and how to replay it.
 * `brief` (a release's `npm test`, one block per failing check): the title stands for what was
 * checked, and the replay is one line.
 */
export function formatCheckText(result: CheckResult, { brief = false } = {}): string {
  const { check, verdict } = result;
  const head = `${check.title} (${result.score}/${check.points} points, ${check.id})`;
  if (verdict.status === 'passed') return `✓ ${head}${verdict.message ? `\n  ${verdict.message}` : ''}`;
  const lines = [`✗ ${head}`, ...(brief ? [] : [`  What was checked: ${check.description}`]), `  Problem: ${verdict.message}`];
  const cx = verdict.counterexample;
  if (cx) {
    // Brief: a small matrix on one line, [[0, 1], [2, 3]], where it fits.
    const shown = (value: unknown) => (brief && formatValue(value, 1).length <= 60 ? formatValue(value, 1) : formatValue(value));
    const inputs = Object.entries(cx.input).map(([name, value]) => `${name} = ${shown(value)}`);
    if (brief && inputs.length === 0) {
      // Nothing to show: the export was read, not called.
    } else if (brief && !inputs.some((i) => i.includes('\n'))) lines.push(...packed('  Smallest failing input: ', inputs));
    else lines.push('  Smallest failing input:', ...inputs.map((i) => indent(i, 4)));
    const word = counterexampleLabels(cx.expectedIs).expectedWord;
    const label = (w: string) => `${w}:`.padEnd(word.length + 2);
    if (cx.expected !== undefined) lines.push(indent(`${label(word)}${shown(cx.expected)}`, 4));
    if (cx.got !== undefined) lines.push(indent(`${label('got')}${shown(cx.got)}`, 4));
  }
  if (verdict.status === 'failed') {
    for (const d of verdict.diagnosis ?? []) lines.push(`  Likely mistake — ${d.title}: ${d.explanation}`);
  }
  if (verdict.replay) lines.push(...(brief && check.visibility === 'public' ? [`  Replay: ${replayCommand(check.id, verdict.replay)}`] : replayLines(check.id, check.visibility, verdict.replay)));
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

/** `items` after `first`, comma-separated, in lines of at most 100 characters (continued with 4 spaces). */
function packed(first: string, items: string[]): string[] {
  const lines = [first];
  items.forEach((item, i) => {
    const last = lines.length - 1;
    const sep = i === 0 ? '' : ', ';
    if (i > 0 && lines[last].length + sep.length + item.length > 100) {
      lines[last] += ',';
      lines.push(`    ${item}`);
    } else lines[last] += sep + item;
  });
  return lines;
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((l) => pad + l).join('\n');
}
