/** The release's leak guard: a graded hidden check or a line of solutions/ is a leak; a disabled check or a public one is not. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import { ALL_CHECKS } from '../../grader/exercises/registry.js';
import { findLeaks, secretCheckIds } from '../../grader/release/leaks.js';

const [hidden, disabledHidden, disabledPublic] = ALL_CHECKS.filter((c) => c.kind !== 'training').map((c) => c.id);
const config = resolveConfig(DEFAULT_CONFIG, {}, {
  checks: { [hidden]: { visibility: 'hidden' }, [disabledHidden]: { visibility: 'hidden', enabled: false }, [disabledPublic]: { enabled: false } },
});

describe('the leak guard', () => {
  it('keeps secret the hidden checks the config grades, of every exercise, and nothing else', () => {
    const secret = secretCheckIds(config);
    expect(secret).toContain(hidden);
    expect(secret).not.toContain(disabledHidden);
    expect(secret).not.toContain(disabledPublic);
    const publicIds = ALL_CHECKS.filter((c) => c.visibility === 'public' && c.id !== hidden).map((c) => c.id);
    expect(secret.filter((id) => publicIds.includes(id))).toEqual([]);
  });

  it('finds a secret id or a solution line, and passes a disabled check named in a comment', () => {
    const line = { file: 'solutions/x.ts', line: 'const [long, short] = v.length > a.length ? [v, a] : [a, v];' };
    const files = new Map([
      ['a.ts', `// see ${disabledHidden} and ${disabledPublic}\nexport const x = 1;\n`],
      ['b.ts', `const id = '${hidden}';\n`],
      ['c.ts', `  ${line.line}\n`],
    ]);
    expect(findLeaks(files, secretCheckIds(config), [line])).toEqual([
      { file: 'b.ts', what: `the id of the hidden check ${hidden}` },
      { file: 'c.ts', what: `a line of solutions/x.ts: ${line.line}` },
    ]);
  });
});
