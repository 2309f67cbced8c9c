/** The child's trusted entry (child/entry.ts and what it imports), bundled once per grader process. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

let code: Promise<string> | undefined;

export function childRuntimeCode(): Promise<string> {
  code ??= build({
    entryPoints: [fileURLToPath(new URL('./child/entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    legalComments: 'none',
  }).then((r) => r.outputFiles[0]!.text);
  return code;
}
