/** The registry a homework's release ships: the other exercises' imports and entries cut out, imported stubs typed. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { selectRegistry } from '../../grader/release/select-registry.js';

const registry = readFileSync('grader/exercises/registry.ts', 'utf8');

describe("a homework's registry", () => {
  it('lists and imports only the homework’s modules, and types the stubs they import', () => {
    const text = selectRegistry('registry.ts', registry, new Set(['filters', 'augment']), ['convolution2d']);
    expect(text.match(/^import \{ \w+ \} from '\.\/[\w-]+\/index\.js';$/gm)).toEqual(["import { filters } from './filters/index.js';", "import { augment } from './augment/index.js';"]);
    expect(text).toContain('export const EXERCISE_MODULES: readonly ExerciseModule[] = [filters, augment];');
    expect(text).toMatch(/declare module '\.\.\/core\/reference\.js' \{\n {2}interface Reference \{\n {4}convolution2d: typeof import\('\.\.\/\.\.\/exercises\/convolution2d\.js'\);\n/);
    // Everything after the list is as written.
    expect(text).toContain(registry.slice(registry.indexOf('export const EXERCISES')));
  });

  it('refuses a registry that uses a left-out module outside the list', () => {
    const used = registry + '\nexport const first = convolution;\n';
    expect(() => selectRegistry('registry.ts', used, new Set(['filters']))).toThrow(/convolution is used outside the list of exercise modules/);
  });
});
