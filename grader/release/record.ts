/**
 * Release time: runs every public check against the reference, against two perturbations of it and
 * against every catalogued mistake, through a recording reference. The result is the table a
 * student release replays instead of shipping solutions/, and the reasons to refuse a release.
 */
import fc from 'fast-check';
import type { ExerciseId } from '../core/contract.js';
import type { CallOutcome, Submission } from '../core/submission.js';
import type { GraderConfig } from '../config/types.js';
import { checkSettings } from '../config/per-check.js';
import type { Check, CheckContext, Verdict } from '../checks/types.js';
import type { Mistake } from '../mistakes/types.js';
import { diagnose } from '../mistakes/diagnose.js';
import { checksOf, PROBES, RUNTIMES } from '../exercises/registry.js';
import type { Reference } from '../core/reference.js';
import { inProcessSubmission } from '../run/in-process-submission.js';
import { callKey, encodeValue, type Entry, type RecordedTable } from './runtime/codec.js';
import { Recording, recordCall, recordingReference } from './recording-reference.js';

export interface RecordOptions {
  /** The public checks, as the release will ship them (config applied). */
  checks: readonly Check[];
  config: GraderConfig;
  reference: Reference;
  mistakes: readonly Mistake[];
  /** More student-independent reference calls to record (e.g. the report's pictures). */
  extra?: (reference: Reference) => Promise<void>;
}

export interface RecordResult {
  table: RecordedTable;
  /** Why the release must be refused; empty when it may go out. */
  problems: string[];
  /** Checks not run at release time (training) and so not replay-verified. */
  notRun: string[];
  /** Catalogued mistakes that some public check diagnoses by name. */
  diagnosed: string[];
}

interface SubmissionCall {
  exercise: ExerciseId;
  name: string;
  args: unknown[] | undefined;
}

/** Wraps a submission to write down every call asked of it (the diagnosis needs answers on them). */
function recordingSubmission(inner: Submission, calls: Map<string, SubmissionCall>): Submission {
  return {
    ...inner,
    get(exercise, name, args) {
      const key = callKey(exercise, name, args);
      if (!calls.has(key)) calls.set(key, { exercise, name, args: args === undefined ? undefined : structuredClone(args) });
      return inner.get(exercise, name, args);
    },
  };
}

type Modules = Record<string, Record<string, unknown>>;

/** A wrong-but-plausible submission: every number the reference returns, changed by `f`. */
function perturbed(reference: Reference, exercise: ExerciseId, f: (x: number) => number): Record<string, unknown> {
  const map = (v: unknown): unknown => {
    if (typeof v === 'number') return f(v);
    if (Array.isArray(v)) return v.map(map);
    if (v instanceof Float32Array || v instanceof Float64Array) return v.map(f);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, map(x)]));
    return v;
  };
  const real = reference[exercise] as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(real).map(([name, exported]) => [
      name,
      typeof exported === 'function'
        ? (...args: unknown[]) => {
            const r = (exported as (...a: unknown[]) => unknown)(...args);
            return r instanceof Promise ? r.then(map) : map(r);
          }
        : map(exported),
    ]),
  );
}

function mutant(reference: Reference, mistake: Mistake): Record<string, unknown> {
  return { ...(reference[mistake.exercise] as Record<string, unknown>), ...mistake.apply(reference) };
}

function withEndOnFailure<T>(run: () => Promise<T>): Promise<T> {
  const previous = fc.readConfigureGlobal();
  fc.configureGlobal({ ...previous, endOnFailure: true });
  return run().finally(() => fc.configureGlobal(previous));
}

export async function recordPublicChecks(o: RecordOptions): Promise<RecordResult> {
  const recording = new Recording();
  const checkReference = recordingReference(o.reference, recording, { values: true });
  const diagnoseReference = recordingReference(o.reference, recording, { values: false });
  const submissionCalls = new Map<string, SubmissionCall>();
  const problems: string[] = [];
  const run = o.checks.filter((c) => c.kind !== 'training');
  const notRun = o.checks.filter((c) => c.kind === 'training').map((c) => c.id);
  const ctxOf = (check: Check, submission: Submission): CheckContext => ({
    exercise: check.exercise,
    submission,
    reference: checkReference,
    checksOf,
    ...checkSettings(o.config, check.id),
  });
  const runOn = async (check: Check, modules: Modules, label: string): Promise<Verdict> => {
    const submission = recordingSubmission(inProcessSubmission(label, modules as never, RUNTIMES), submissionCalls);
    return check.run(ctxOf(check, submission));
  };

  // 1. The reference must pass every public check; what it asks is what students will replay.
  const askedByReference = new Map<string, Set<string>>();
  for (const check of run) {
    recording.take();
    const verdict = await runOn(check, { [check.exercise]: o.reference[check.exercise] as Record<string, unknown> }, 'reference');
    askedByReference.set(check.id, recording.take());
    if (verdict.status !== 'passed' || (verdict.fraction ?? 1) < 1) {
      problems.push(`the reference does not pass the public check ${check.id}: ${'message' in verdict ? verdict.message : ''}`);
    }
  }

  if (o.extra) await o.extra(checkReference).catch(() => undefined);

  // 2. A check is replayable when a wrong submission makes it ask the reference nothing new on the
  //    same generated inputs (no shrinking): then what it asks depends on the inputs only.
  for (const check of run) {
    const wrong: [string, Record<string, unknown>][] = [
      ['plus-one', perturbed(o.reference, check.exercise, (x) => x + 1)],
      ['halved', perturbed(o.reference, check.exercise, (x) => x / 2 + 0.25)],
      ...o.mistakes.filter((m) => m.exercise === check.exercise).map((m) => [m.id, mutant(o.reference, m)] as [string, Record<string, unknown>]),
    ];
    const known = askedByReference.get(check.id)!;
    for (const [label, module] of wrong) {
      recording.take();
      await withEndOnFailure(() => runOn(check, { [check.exercise]: module }, label)).catch(() => undefined);
      const extra = [...recording.take()].filter((k) => !known.has(k));
      if (extra.length > 0) {
        problems.push(
          `the public check ${check.id} cannot be replayed without the reference: on a wrong submission (${label}) it asks ` +
            `${recording.labels.get(extra[0])}, which depends on the submission's own output. Make it hidden (grader.config.ts: ` +
            `checks['${check.id}'].visibility = 'hidden') or compute that value without ctx.reference.`,
        );
        break;
      }
    }
  }

  // 3. Each catalogued mistake, checked and shrunk as a student's would be, with its diagnosis;
  //    and the perturbations shrunk too, so that other wrong answers shrink to small inputs.
  for (const check of run) {
    for (const f of [(x: number) => x + 1, (x: number) => x / 2 + 0.25]) {
      await runOn(check, { [check.exercise]: perturbed(o.reference, check.exercise, f) }, 'perturbed').catch(() => undefined);
    }
  }
  const diagnosed = new Set<string>();
  for (const mistake of o.mistakes) {
    for (const check of run.filter((c) => c.exercise === mistake.exercise)) {
      let verdict: Verdict;
      const submission = recordingSubmission(inProcessSubmission(mistake.id, { [mistake.exercise]: mutant(o.reference, mistake) } as never, RUNTIMES), submissionCalls);
      try {
        verdict = await check.run(ctxOf(check, submission));
      } catch (e) {
        problems.push(`the public check ${check.id} threw on the mistake ${mistake.id}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (verdict.status === 'failed' && verdict.counterexample) {
        const found = await diagnose(check.exercise, verdict.counterexample.calls, submission, diagnoseReference, o.mistakes, PROBES[check.exercise]);
        if (found.diagnosis.some((d) => d.mistakeId === mistake.id)) diagnosed.add(mistake.id);
      }
    }
  }
  // The probes a diagnosis asks a student's submission: their answers are needed whatever failed.
  for (const check of run) {
    for (const p of PROBES[check.exercise]) {
      const key = callKey(check.exercise, p.name, p.args as unknown[] | undefined);
      if (!submissionCalls.has(key)) submissionCalls.set(key, { exercise: check.exercise, name: p.name, args: p.args === undefined ? undefined : structuredClone(p.args as unknown[]) });
    }
  }

  // 4. Answers for the diagnosis: the reference's and each mistake's, on every call a submission got.
  const mistakeAnswers = new Map<string, Record<string, Entry>>(o.mistakes.map((m) => [m.id, {}]));
  const changes = new Map<string, string[]>(o.mistakes.map((m) => [m.id, Object.keys(m.apply(o.reference))]));
  for (const [key, call] of submissionCalls) {
    const real = (o.reference[call.exercise] as Record<string, unknown>)[call.name];
    // A value export's reference answer is never shipped unless a check itself read it.
    if (call.args !== undefined && typeof real === 'function') {
      try {
        (diagnoseReference[call.exercise] as Record<string, (...a: unknown[]) => unknown>)[call.name](...structuredClone(call.args));
      } catch {
        /* recorded as thrown */
      }
    }
    const referenceJson = JSON.stringify(recording.answers.get(key));
    for (const mistake of o.mistakes) {
      if (mistake.exercise !== call.exercise || !changes.get(mistake.id)!.includes(call.name)) continue;
      const module = mutant(o.reference, mistake);
      const entry = entryOf(() => (call.args === undefined ? module[call.name] : (module[call.name] as (...a: unknown[]) => unknown)(...structuredClone(call.args))));
      if (entry && JSON.stringify(entry) !== referenceJson) mistakeAnswers.get(mistake.id)![key] = entry;
    }
  }

  // The replayed modules: the released exercises' and any other a check asked (a homework's
  // release names no other exercise).
  const replayed = new Set([...recording.exercises, ...o.checks.map((c) => c.exercise), ...o.mistakes.map((m) => m.exercise)]);
  const exports: RecordedTable['exports'] = {};
  for (const [exercise, module] of Object.entries(o.reference).filter(([e]) => replayed.has(e))) {
    exports[exercise] = Object.fromEntries(Object.entries(module as Record<string, unknown>).map(([n, v]) => [n, typeof v === 'function' ? 'function' : 'value']));
  }
  const table: RecordedTable = {
    version: 1,
    exports,
    reference: Object.fromEntries([...recording.answers].sort(([a], [b]) => (a < b ? -1 : 1))),
    mistakes: o.mistakes.map((m) => ({ id: m.id, exercise: m.exercise, title: m.title, explanation: m.explanation, changes: changes.get(m.id)!, answers: mistakeAnswers.get(m.id)! })),
  };
  return { table, problems, notRun, diagnosed: [...diagnosed] };
}

/** A synchronous answer as an Entry; promises are not expected from the exports a mistake changes. */
function entryOf(fn: () => unknown): Entry | undefined {
  try {
    const v = fn();
    return v instanceof Promise ? undefined : { v: encodeValue(v) };
  } catch (e) {
    return { t: e instanceof Error ? e.message : String(e) };
  }
}

export type { CallOutcome };
