import type { ExerciseId } from '../../core/contract.js';
import type { CallOutcome, Submission } from '../../core/submission.js';
import type { RecordedCall } from '../types.js';

/** Thrown inside a check's body when the submission did not return a value. */
export class SubmissionFault extends Error {
  constructor(
    readonly outcome: Exclude<CallOutcome, { kind: 'returned' }>,
    readonly call: string,
  ) {
    super(describeFault(outcome, call));
  }
  /** Timeouts, crashes and missing exports end a property run: retrying them only costs time. */
  get isFatal(): boolean {
    return this.outcome.kind !== 'threw';
  }
}

export function describeFault(outcome: Exclude<CallOutcome, { kind: 'returned' }>, call: string): string {
  switch (outcome.kind) {
    case 'threw':
      return `${call} threw: ${outcome.message}`;
    case 'timeout':
      return `${call} did not return within the time limit of ${outcome.ms} ms: it is too slow or never returns`;
    case 'crashed':
      return `${call} crashed the process running it: ${outcome.message}`;
    case 'missing':
      return outcome.message;
  }
}

/** Asks the submission for exports of one exercise and records every call for diagnosis. */
export class Probe {
  readonly calls: RecordedCall[] = [];
  constructor(
    private readonly submission: Submission,
    private readonly exercise: ExerciseId,
  ) {}

  /** Calls `name(...args)`; throws SubmissionFault unless a value came back. */
  async call(name: string, args: unknown[]): Promise<unknown> {
    return this.unwrap(name, args, `${name}(…)`);
  }

  /** Reads the exported constant `name`. */
  async read(name: string): Promise<unknown> {
    return this.unwrap(name, undefined, name);
  }

  /** Like `call`, but also tells whether the call mutated its arguments. */
  async callWithMutation(name: string, args: unknown[]): Promise<{ value: unknown; mutated: boolean }> {
    const outcome = await this.ask(name, args);
    if (outcome.kind !== 'returned') throw new SubmissionFault(outcome, `${name}(…)`);
    return { value: outcome.value, mutated: outcome.mutated === true };
  }

  private async unwrap(name: string, args: unknown[] | undefined, label: string): Promise<unknown> {
    const outcome = await this.ask(name, args);
    if (outcome.kind !== 'returned') throw new SubmissionFault(outcome, label);
    return outcome.value;
  }

  private async ask(name: string, args: unknown[] | undefined): Promise<CallOutcome> {
    const outcome = await this.submission.get(this.exercise, name, args);
    this.calls.push({ name, args, outcome });
    return outcome;
  }
}
