/**
 * The grader will not train a submitted model, for a reason the student can act on. The message
 * is shown to the student as it is; a check turns this into a failed verdict.
 */
export class ModelRefused extends Error {
  override name = 'ModelRefused';
}
