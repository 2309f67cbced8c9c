/** The LMS an export or a roster came from. */
export type Lms = 'canvas' | 'gradescope' | 'moodle' | 'classroom' | 'folder';

/**
 * Who a submission belongs to, as the LMS's export names them: what a gradebook is matched on.
 * Every field but `lms` is optional: each export has its own subset.
 */
export interface StudentIdentity {
  lms: Lms;
  name?: string;
  /** The LMS's own user id: Canvas user id, Moodle participant id, Gradescope has none. */
  userId?: string;
  /** The institution's student id: Gradescope's SID. */
  sisId?: string;
  email?: string;
  /** A login: a GitHub username for Classroom. */
  login?: string;
  /** Canvas marks a late submission in the file name. */
  late?: boolean;
  submittedAt?: string;
}
