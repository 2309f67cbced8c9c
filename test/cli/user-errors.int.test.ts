/**
 * Every input a user can get wrong, through the real command line: one line, exit code 2, no stack
 * (grader/core/user-error.ts). A fault of the grader is the only thing printed with a stack.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeZip as zip } from '../batch/zip-writer.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'user-errors-'));
});

function grader(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', ...args, '--out', path.join(dir, 'out')], { encoding: 'utf8', timeout: 120_000 });
}

/** The command line as typed, without the test's own --out. */
function graderAsTyped(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
}

function expectOneLine(r: ReturnType<typeof grader>, pattern: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr, r.stderr).toMatch(/^grader: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr).toMatch(pattern);
}

describe('a user’s mistake is one line and exit code 2', () => {
  it('a .zip that is not a zip', () => {
    writeFileSync(path.join(dir, 'class.zip'), 'this is not a zip\n');
    expectOneLine(grader(['batch', path.join(dir, 'class.zip')]), /class\.zip is not a zip file/);
  });

  it('an export zip with an entry that climbs out of its folder', () => {
    writeFileSync(path.join(dir, 'export.zip'), zip([{ name: 'alice/convolution.ts', data: Buffer.from('x') }, { name: '../escape.ts', data: Buffer.from('x') }]));
    expectOneLine(grader(['batch', path.join(dir, 'export.zip')]), /export\.zip: entry "\.\.\/escape\.ts" contains '\.\.'/);
  });

  it('a syntax error in the config file, with its line and column', () => {
    const file = path.join(dir, 'broken.config.ts');
    writeFileSync(file, "export default {\n  checks: { 'convolution.linear': { points: 2 } }\n  seed: 1,\n};\n");
    expectOneLine(grader(['grade', 'solutions', '--config', file]), /broken\.config\.ts: invalid configuration: cannot be loaded: line 3, column 2: Expected "}" but found "seed"/);
  });

  it('a config file that throws while it loads', () => {
    const file = path.join(dir, 'throws.config.ts');
    writeFileSync(file, "throw new Error('oops, a half-edited config');\n");
    expectOneLine(grader(['grade', 'solutions', '--config', file]), /throws\.config\.ts: invalid configuration: cannot be loaded: oops, a half-edited config/);
  });

  it('a homework the config does not define, in grade and in release (the config, a .ts file outside the project, loads)', () => {
    const file = path.join(dir, 'homeworks.config.ts');
    writeFileSync(file, "export default { homeworks: { 'lab-x': ['convolution', 'convolution2d'] } };\n");
    expectOneLine(grader(['grade', 'solutions', '--homework', 'hw2', '--config', file]), /--homework 'hw2' is not a homework of the config: its homeworks are lab-x$/m);
    expectOneLine(grader(['release', path.join(dir, 'release'), '--homework', 'hw2', '--config', file]), /--homework 'hw2' is not a homework of the config: its homeworks are lab-x$/m);
    // An LMS image carries the config it is released with: the same refusal, and no zip.
    expectOneLine(grader(['release', '--gradescope', path.join(dir, 'gs.zip'), '--homework', 'hw2', '--config', file]), /--homework 'hw2' is not a homework of the config: its homeworks are lab-x$/m);
    expect(existsSync(path.join(dir, 'gs.zip'))).toBe(false);
  });

  it('a folder that does not exist, and a file given as the folder', () => {
    expectOneLine(grader(['grade', path.join(dir, 'no-such-folder')]), /does not exist/);
    writeFileSync(path.join(dir, 'convolution.ts'), 'export {};\n');
    expectOneLine(grader(['grade', path.join(dir, 'convolution.ts')]), /is not a folder/);
  });

  it('a folder with no exercise file: says what it holds, instead of grading it 0', () => {
    mkdirSync(path.join(dir, 'export-folder'));
    writeFileSync(path.join(dir, 'export-folder', 'README_from_TA.txt'), 'hi\n');
    expectOneLine(grader(['grade', path.join(dir, 'export-folder')]), /No exercise file was found .* It holds: README_from_TA\.txt\./);
  });

  it('a number on the command line that is not one', () => {
    expectOneLine(grader(['grade', 'solutions', '--seed', 'abc']), /--seed: must be a whole number \(got NaN\)$/m);
    expectOneLine(grader(['batch', 'solutions', '--train-samples', '-5', '--test-samples', '2.5']), /--train-samples: must be a whole number ≥ 1 \(got -5\); --test-samples: must be a whole number ≥ 1 \(got 2\.5\)$/m);
  });

  it('an output that cannot take files, refused before any grading', () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    expectOneLine(graderAsTyped(['grade', 'solutions', '--out', file]), /--out .*a-file cannot hold the results: it is a file, not a folder$/m);
    expectOneLine(graderAsTyped(['batch', 'solutions', '--out', file]), /--out .*a-file cannot hold the results: it is a file, not a folder$/m);
    expectOneLine(graderAsTyped(['merge', dir, '--out', file]), /--out .*a-file cannot hold the results/);
    expectOneLine(graderAsTyped(['merge', dir, path.join(dir, 'no-such-batch'), '--out', path.join(dir, 'merged')]), /merge: .*no-such-batch is not a folder of batch results$/m);
    expectOneLine(graderAsTyped(['release', file]), /the release folder .*a-file cannot hold the results: it is a file, not a folder$/m);
    expectOneLine(graderAsTyped(['release', '--gradescope', dir]), /--gradescope .* is a folder: give the zip file to write/);
    // Where mkdir answers ENOENT under a folder that exists, Node's recursive mkdir retries forever.
    if (existsSync('/proc/self')) expectOneLine(graderAsTyped(['grade', 'solutions', '--only', 'convolution', '--out', '/proc/no-such-folder']), /--out \/proc\/no-such-folder cannot hold the results: ENOENT/);
  });

  it('an unknown option', () => {
    expectOneLine(grader(['grade', 'solutions', '--colour']), /Unknown argument: colour/);
  });
});
