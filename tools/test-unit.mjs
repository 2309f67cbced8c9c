// `npm run test:unit [-- vitest arguments]`: the type-check beside the unit layer, on any OS's npm
// script shell (cmd.exe has no `&` or `wait`). Fails when either fails. Ctrl-C reaches both (they
// are in the terminal's process group); a signal sent to this process is passed on to them.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** A package's command as this Node runs it (no shell, no .cmd shim). */
function command(pkg, name, args) {
  const json = require.resolve(`${pkg}/package.json`);
  const bin = require(json).bin;
  return [path.join(path.dirname(json), typeof bin === 'string' ? bin : bin[name]), ...args];
}
// Both found before either starts: nothing is left running if one is missing.
const commands = [command('typescript', 'tsc', ['--noEmit']), command('vitest', 'vitest', ['run', '--project', 'unit', ...process.argv.slice(2)])];
const children = commands.map((args) => spawn(process.execPath, args, { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => children.forEach((c) => c.kill(signal)));

/** 0 when it passed, else its exit code or 128 + the signal that ended it. */
const outcome = (child) => new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? 128 + (os.constants.signals[signal] ?? 0))));
const [tsc, unit] = await Promise.all(children.map(outcome));
process.exitCode = unit || tsc;
