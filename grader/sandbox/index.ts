/** The isolation boundary: student code runs only in child processes (see sandboxed-submission.ts). */
export { openSandboxedSubmission, type SandboxedSubmission } from './sandboxed-submission.js';
export {
  DEFAULT_SANDBOX_OPTIONS,
  TRANSFER_LIMITS,
  resolveSandboxOptions,
  type SandboxMode,
  type SandboxOptions,
  type SandboxInfo,
  type SandboxLayer,
} from './options.js';
export { sanitizeText } from './sanitize.js';
export { probeBwrap } from './probe.js';
export { sandboxEnvironment } from './layers.js';
export { chooseSandbox } from './choose-mode.js';
