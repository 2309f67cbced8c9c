/**
 * What a student release must not contain, searched in the released text itself: the id of a
 * hidden check the config grades (a disabled check, or another exercise's public check left out of
 * a homework's release, is no secret), and any distinctive line of solutions/ (a line that is not
 * also in the exercise stubs or the contract, e.g.
 * `const [long, short] = v.length > a.length ? [v, a] : [a, v];`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GraderConfig } from '../config/types.js';
import { selectChecks } from '../exercises/select-checks.js';

export interface Leak {
  file: string;
  what: string;
}

/** The ids a release must not name: the hidden checks the config grades, of every exercise. */
export function secretCheckIds(config: GraderConfig): string[] {
  return selectChecks(config, { visibility: 'all' })
    .filter((c) => c.visibility === 'hidden')
    .map((c) => c.id);
}

/** Lines of solutions/*.ts that would give an implementation away. */
export function distinctiveSolutionLines(root: string): { file: string; line: string }[] {
  const common = new Set<string>();
  const addAll = (dir: string) => {
    for (const f of safeList(path.join(root, dir))) {
      // A line the stubs show, in code or quoted in a doc comment, is shipped on purpose.
      for (const l of readFileSync(path.join(root, dir, f), 'utf8').split('\n')) common.add(l.trim()).add(l.trim().replace(/^(\*|\/\/)\s*/, ''));
    }
  };
  addAll('exercises');
  for (const l of readFileSync(path.join(root, 'grader/core/contract.ts'), 'utf8').split('\n')) common.add(l.trim());
  const out: { file: string; line: string }[] = [];
  for (const f of safeList(path.join(root, 'solutions'))) {
    for (const raw of readFileSync(path.join(root, 'solutions', f), 'utf8').split('\n')) {
      const line = raw.trim();
      if (line.length < 24 || common.has(line) || /^(\/\/|\/\*|\*|import |export (type|interface) )/.test(line)) continue;
      if (!/[=(;]/.test(line)) continue;
      out.push({ file: `solutions/${f}`, line });
    }
  }
  return out;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.ts'));
  } catch {
    return [];
  }
}

export function findLeaks(files: ReadonlyMap<string, string>, hiddenIds: readonly string[], solutionLines: readonly { file: string; line: string }[]): Leak[] {
  const leaks: Leak[] = [];
  for (const [file, text] of files) {
    for (const id of hiddenIds) {
      const re = new RegExp(`(^|[^\\w.-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
      if (re.test(text)) leaks.push({ file, what: `the id of the hidden check ${id}` });
    }
    if (solutionLines.length > 0) {
      const lines = new Set(text.split('\n').map((l) => l.trim()));
      for (const s of solutionLines) if (lines.has(s.line)) leaks.push({ file, what: `a line of ${s.file}: ${s.line}` });
    }
  }
  return leaks;
}
