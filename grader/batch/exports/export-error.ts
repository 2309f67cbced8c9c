/** An export that cannot be read as what it claims to be: one line, exit code 2. */
export class ExportError extends Error {}
