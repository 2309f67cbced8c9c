import type { ExerciseId } from '../core/contract.js';
import type { CallOutcome, Submission } from '../core/submission.js';
import type { Reference } from '../core/reference.js';
import type { Diagnosis, RecordedCall } from '../checks/types.js';
import type { Mistake, ProbeCall } from './types.js';
import { agrees, answer } from './agreement.js';
import { describeDifference, type Pair } from './shapes.js';

/** What the grader can say about a failure: the confirmed mistake, or what the output looks like. */
export interface Findings {
  /** One confirmed mistake, or none (never a guess among several). */
  diagnosis: Diagnosis[];
  /** When no mistake is confirmed: what the wrong output has in common with the expected one. */
  observation?: string;
}

/**
 * Names a known mistake only when it is confirmed by values, never by sizes alone: its
 * implementation (or one of its variants, the other ways students write it) reproduces every value
 * the submission returned on the failing input and on the exercise's probes of the functions
 * involved that the submission answered (fixed inputs on which every catalogued mistake differs
 * from every other one and from the reference: test/self/probes-discriminate.test.ts), and those
 * inputs tell it apart from every other mistake. The probes are asked of the submission itself,
 * through the same Submission (so in the sandbox too), once per submission. When no single
 * mistake remains, it describes instead what the wrong outputs have in common with the expected
 * ones (grader/mistakes/shapes.ts), never a cause.
 */
export async function diagnose(
  exercise: ExerciseId,
  calls: readonly RecordedCall[],
  submission: Submission,
  reference: Reference,
  mistakes: readonly Mistake[],
  probes: readonly ProbeCall[],
): Promise<Findings> {
  const returned = calls.filter((c) => c.outcome.kind === 'returned');
  if (returned.length === 0) return { diagnosis: [] };
  const names = new Set(returned.map((c) => c.name));
  const asked = probes.filter((p) => names.has(p.name));
  const answers = await askProbes(submission, exercise, asked);
  const referenceModule = reference[exercise] as Record<string, unknown>;

  const writingsOf = (mistake: Mistake): Record<string, unknown>[] => {
    try {
      return [mistake.apply(reference), ...(mistake.variants?.(reference) ?? [])];
    } catch {
      return [];
    }
  };
  const others = mistakes.filter((m) => m.exercise === exercise);
  /** Every input the submission answered: the failing check's calls, then the probes. */
  const answered = [
    ...returned.map((c) => ({ name: c.name, args: c.args, got: (c.outcome as { value: unknown }).value, probe: false })),
    ...asked.filter((p) => answers.has(p)).map((p) => ({ name: p.name, args: p.args, got: answers.get(p), probe: true })),
  ];
  const predict = (changed: Record<string, unknown>, name: string, args: readonly unknown[] | undefined) => answer({ ...referenceModule, ...changed }, name, args);

  /**
   * Whether the mistake written as `changed` reproduces every value the submission returned, on
   * the failing input and on at least one probe of a function it changes, and these inputs tell it
   * apart from the reference ({}) and every other catalogued mistake (a probe the submission refused is left out, so a
   * second bug that throws on some inputs does not hide the first).
   */
  const reproducedBy = (mistake: Mistake, changed: Record<string, unknown>): boolean => {
    const judge = (name: string) => (name in changed ? mistake : undefined);
    const used = answered.filter((a) => !a.probe || a.name in changed);
    if (!used.some((a) => a.probe)) return false;
    const predictions = used.map((a) => predict(changed, a.name, a.args));
    if (!used.every((a, i) => predictions[i] !== undefined && agrees(judge(a.name), a.got, predictions[i]!.value))) return false;
    const neighbours = [{}, ...others.filter((other) => other !== mistake).flatMap(writingsOf)];
    return neighbours.every((theirs) =>
      used.some((a, i) => {
        const their = predict(theirs, a.name, a.args);
        // Told apart when the neighbour's answer would not count as this mistake's.
        return their === undefined || !agrees(judge(a.name), their.value, predictions[i]!.value);
      }));
  };
  const confirmed = others.filter((mistake) => writingsOf(mistake).some((changed) => reproducedBy(mistake, changed)));
  if (confirmed.length === 1) {
    const [m] = confirmed;
    return { diagnosis: [{ mistakeId: m.id, title: m.title, explanation: m.explanation }] };
  }

  const pairs: Pair[] = [];
  const withExpected = (name: string, args: readonly unknown[] | undefined, got: unknown) => {
    const expected = answer(referenceModule, name, args);
    if (expected) pairs.push({ name, got, expected: expected.value });
  };
  for (const c of returned) withExpected(c.name, c.args, (c.outcome as { value: unknown }).value);
  for (const p of asked) if (answers.has(p)) withExpected(p.name, p.args, answers.get(p));
  const observation = describeDifference(pairs);
  return observation ? { diagnosis: [], observation } : { diagnosis: [] };
}

/** Answers already given, per submission: several failing checks of one exercise share the probes. */
const asked = new WeakMap<Submission, Map<string, CallOutcome>>();

/**
 * The submission's answers on `probes` (only those that returned a value). After a timeout or a
 * crash no more probes are asked of that exercise: each would cost another time limit.
 */
async function askProbes(submission: Submission, exercise: ExerciseId, probes: readonly ProbeCall[]): Promise<Map<ProbeCall, unknown>> {
  let cache = asked.get(submission);
  if (!cache) asked.set(submission, (cache = new Map()));
  const stopped = `${exercise}:stopped`;
  const answers = new Map<ProbeCall, unknown>();
  for (const probe of probes) {
    const key = `${exercise}:${probe.name}:${JSON.stringify(probe.args, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v))}`;
    let outcome = cache.get(key);
    if (!outcome) {
      if (cache.has(stopped)) break;
      outcome = await submission.get(exercise, probe.name, probe.args === undefined ? undefined : structuredClone(probe.args as unknown[]));
      cache.set(key, outcome);
      if (outcome.kind === 'timeout' || outcome.kind === 'crashed') cache.set(stopped, outcome);
    }
    if (outcome.kind === 'returned') answers.set(probe, outcome.value);
  }
  return answers;
}
