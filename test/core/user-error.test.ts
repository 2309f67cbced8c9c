/** Every error a user can cause is one UserError with a code; only a fault of the grader has a stack. */
import { describe, expect, it } from 'vitest';
import { describeFailure, UserError } from '../../grader/core/user-error.js';
import { CannotGrade } from '../../grader/core/cannot-grade.js';
import { MachineLacks } from '../../grader/core/machine-lacks.js';
import { ConfigError } from '../../grader/config/validate.js';
import { ReleaseRefused } from '../../grader/release/write-release.js';
import { CannotStrip } from '../../grader/release/strip-hidden.js';
import { ZipError } from '../../grader/intake/unzip.js';
import { ExportError } from '../../grader/batch/exports/export-error.js';
import { RosterError } from '../../grader/batch/csv.js';

describe('UserError', () => {
  it.each([
    [new CannotGrade('x'), 'E_NO_FOLDER'],
    [new MachineLacks('no bwrap', 'install it'), 'E_MACHINE_LACKS'],
    [new ConfigError('grader.config.ts', ['seed: must be a whole number']), 'E_CONFIG'],
    [new ReleaseRefused(['the reference fails a check']), 'E_RELEASE_REFUSED'],
    [new CannotStrip('checks.ts:3: not a literal'), 'E_RELEASE_REFUSED'],
    [new ZipError('hw.zip is not a zip file'), 'E_ZIP'],
    [new ExportError('not a Canvas export'), 'E_EXPORT'],
    [new RosterError('roster.csv is not a CSV file'), 'E_ROSTER'],
  ] as const)('%s has code %s, and is told in its message alone with exit code 2', (error, code) => {
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe(code);
    expect(describeFailure(error)).toEqual({ text: error.message, exitCode: 2 });
    expect(error.message).not.toMatch(/\n\s+at /);
  });

  it('one problem is one line; several are listed; a hint follows the message', () => {
    expect(new ConfigError('c.ts', ['a']).message).toBe('c.ts: invalid configuration: a');
    expect(new ConfigError('c.ts', ['a', 'b']).message).toBe('c.ts: invalid configuration:\n  - a\n  - b');
    expect(new MachineLacks('no bwrap', 'install it').message).toBe('no bwrap; install it');
  });

  it('anything else is a fault of the grader: internal error with its stack, exit code 1', () => {
    const failure = describeFailure(new TypeError('x is undefined'));
    expect(failure.exitCode).toBe(1);
    expect(failure.text).toMatch(/^internal error: TypeError: x is undefined\n\s+at /);
  });
});
