import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { SubmissionFile } from './submission-source.js';

const SKIP = new Set(['__MACOSX', '.DS_Store', '.git', 'node_modules']);
const MAX_FILES = 2_000;

/** The regular files under `dir` (symlinks and litter left out), named relative to it with `/`. */
export function walkFiles(dir: string, prefix = ''): SubmissionFile[] {
  const out: SubmissionFile[] = [];
  const visit = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (SKIP.has(e.name) || out.length >= MAX_FILES) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full, `${rel}${e.name}/`);
      else if (e.isFile()) out.push({ path: full, name: `${rel}${e.name}` });
    }
  };
  visit(dir, prefix);
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}
