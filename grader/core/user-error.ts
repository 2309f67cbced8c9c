/**
 * Everything a user can cause (a bad option, a folder or zip that cannot be graded, a broken config
 * file, a roster or export that cannot be read, a release the reference does not pass) and what
 * the machine lacks: an error with a stable code that every front end prints as one line (exit
 * code 2, or its format's "could not grade" result), never with a stack. Anything else that is
 * thrown is a fault of the grader and is printed as an internal error, with its stack.
 */
export type UserErrorCode =
  /** A command-line option or argument. */
  | 'E_USAGE'
  /** The folder to grade does not exist or is not a folder. */
  | 'E_NO_FOLDER'
  /** A submission with no exercise file in it. */
  | 'E_NO_EXERCISE_FILE'
  /** grader.config.ts (or --config) cannot be loaded or is invalid. */
  | 'E_CONFIG'
  /** A zip that is not one, is damaged, too large or unsafe. */
  | 'E_ZIP'
  /** An LMS's export that cannot be read as what it claims to be. */
  | 'E_EXPORT'
  /** A roster or gradebook CSV that cannot be used as given. */
  | 'E_ROSTER'
  /** `release` refuses: the reference fails a public check, a leak, a check it cannot strip. */
  | 'E_RELEASE_REFUSED'
  /** This machine lacks a sandbox mode, a backend, a package (MachineLacks). */
  | 'E_MACHINE_LACKS'
  /** The studio's port is taken. */
  | 'E_PORT_IN_USE'
  /** Another batch is writing to the same output folder. */
  | 'E_BATCH_LOCKED'
  /** An output folder (`--out`, a release's) that cannot be made or written. */
  | 'E_OUTPUT';

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    /** What to do about it, printed after the message. */
    readonly hint?: string,
  ) {
    super(hint ? `${message}; ${hint}` : message);
    this.name = new.target.name;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/**
 * How a front end reports a failure: a user's error as its message (one line; a config or a release
 * with several problems lists them below it), exit code 2; a fault of the grader as "internal
 * error" with its stack, exit code 1.
 */
export function describeFailure(e: unknown): { text: string; exitCode: 1 | 2 } {
  if (isUserError(e)) return { text: e.message, exitCode: 2 };
  return { text: `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, exitCode: 1 };
}

/** `<what>: <problem>` on one line, or `<what>:` and the problems listed one per line below. */
export function problemList(what: string, problems: readonly string[]): string {
  return problems.length === 1 ? `${what}: ${problems[0]}` : `${what}:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
}
