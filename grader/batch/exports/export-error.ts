/** An export that cannot be read as what it claims to be: one line, exit code 2. */
import { UserError } from '../../core/user-error.js';

export class ExportError extends UserError {
  constructor(message: string) {
    super('E_EXPORT', message);
  }
}
