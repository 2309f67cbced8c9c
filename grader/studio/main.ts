/**
 * `npm run studio [-- folder] [--port N]`: a page on 127.0.0.1 that re-runs the public checks on
 * every save of exercises/ and shows the results, with pictures, as they come.
 */
import { existsSync, statSync } from 'node:fs';
import { describeFailure, UserError } from '../core/user-error.js';
import { startStudio } from './studio.js';

function parseArgs(argv: string[]): { folder: string; port: number } {
  const args = { folder: 'exercises', port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError('E_USAGE', `--port must be a whole number from 0 to 65535, got ${argv[i]}`);
      args.port = port;
    } else if (a.startsWith('--')) throw new UserError('E_USAGE', `unknown option ${a} (options: [folder] [--port N])`);
    else args.folder = a;
  }
  if (!existsSync(args.folder) || !statSync(args.folder).isDirectory()) throw new UserError('E_NO_FOLDER', `${args.folder} is not a folder`);
  return args;
}

try {
  const args = parseArgs(process.argv.slice(2));
  const studio = await startStudio(args);
  process.stdout.write(`Studio for ${args.folder}/: ${studio.url}\nOpen the link in your browser; save a file in ${args.folder}/ and the page follows. Ctrl+C stops it.\n`);
  const stop = () => void studio.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  // A user's error in one line (exit 2); a fault of the studio with its stack (exit 1).
  const failure = describeFailure(e);
  process.stderr.write(`studio: ${failure.text}\n`);
  process.exitCode = failure.exitCode;
}
