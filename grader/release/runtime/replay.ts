/**
 * The replaying reference and mistake catalogue of a student release. The release carries no code
 * of solutions/: only the reference's answers on the calls the public checks make, recorded when
 * the release was made. Same shape as REFERENCE; an unrecorded call throws UnrecordedCall.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { callKey, decodeValue, type Entry, type RecordedTable } from './codec.js';

/**
 * Thrown for a call the release did not record. It is a fast-check precondition failure, so while
 * fast-check shrinks a counterexample, an input whose answer is unknown is skipped (the shrunk
 * counterexample is the smallest recorded one) instead of being taken for a failure.
 */
export class UnrecordedCall extends fc.PreconditionFailure {
  constructor(what: string) {
    super(false);
    this.name = 'UnrecordedCall';
    this.message =
      `the released grader has no recorded answer for ${what}. The public checks replay answers recorded ` +
      'when this repository was released: did grader/ or the checks\u2019 seed or numRuns change? Restore them (git checkout grader/).';
  }
}

export function loadTable(url: URL): RecordedTable {
  return JSON.parse(readFileSync(url, 'utf8')) as RecordedTable;
}

function answer(entry: Entry): unknown {
  if ('t' in entry) throw new Error(entry.t);
  const value = decodeValue(entry.v);
  return entry.async ? Promise.resolve(value) : value;
}

function describe(exercise: string, name: string): string {
  return `reference.${exercise}.${name}(…)`;
}

/** One exercise module: every exported function replays; values are there only if recorded. */
function replayModule(table: RecordedTable, exercise: string, answers: (key: string) => Entry | undefined): Record<string, unknown> {
  const module: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(table.exports[exercise] ?? {})) {
    if (kind === 'function') {
      module[name] = (...args: unknown[]) => {
        const entry = answers(callKey(exercise, name, args));
        if (!entry) throw new UnrecordedCall(describe(exercise, name));
        return answer(entry);
      };
    } else {
      const entry = answers(callKey(exercise, name, undefined));
      if (entry && 'v' in entry) module[name] = decodeValue(entry.v);
    }
  }
  return module;
}

export function replayingReference<R>(table: RecordedTable): R {
  const modules: Record<string, Record<string, unknown>> = {};
  for (const exercise of Object.keys(table.exports)) modules[exercise] = replayModule(table, exercise, (k) => table.reference[k]);
  return modules as R;
}

/** One exercise's catalogue as words plus recorded answers: `apply` serves a mistake's answers, else the reference's. */
export function replayingMistakes(table: RecordedTable, exercise: string) {
  return table.mistakes.filter((m) => m.exercise === exercise).map((m) => ({
    id: m.id,
    exercise: m.exercise,
    title: m.title,
    explanation: m.explanation,
    apply: () => {
      const all = replayModule(table, m.exercise, (k) => m.answers[k] ?? table.reference[k]);
      return Object.fromEntries(m.changes.filter((n) => n in all).map((n) => [n, all[n]]));
    },
  }));
}
