import { UserError } from './user-error.js';

/**
 * The machine lacks something the grader needs: a sandbox mode (bubblewrap, user namespaces), a
 * new enough Node, an optional package. Neither a bug of the grader nor the student's fault: the
 * command line prints `grader: <cause>; <fix>` on one line and exits with code 2.
 */
export class MachineLacks extends UserError {
  constructor(
    /** What is missing, e.g. "sandbox mode 'bwrap' is not available: bwrap is not installed". */
    readonly lack: string,
    /** What to do about it, e.g. "install it (apt-get install bubblewrap) or pass --sandbox node". */
    readonly fix: string,
  ) {
    super('E_MACHINE_LACKS', lack, fix);
  }
}
