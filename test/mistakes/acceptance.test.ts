import { describe, expect, it } from 'vitest';
import { ALL_MISTAKES, PROBES } from '../../grader/exercises/registry.js';
import { agrees, answer } from '../../grader/mistakes/agreement.js';
import { REFERENCE } from '../../grader/exercises/reference.js';

/** `value` with its first number moved far away, every size kept: only the values tell it from the original. */
function withOneValueChanged(value: unknown): unknown {
  let done = false;
  const change = (v: unknown): unknown => {
    if (done) return v;
    if (typeof v === 'number') return (done = true), v + 1000.5;
    if (v instanceof Float32Array) return done || v.length === 0 ? v : ((done = true), Float32Array.from(v, (x, i) => (i === 0 ? x + 1000.5 : x)));
    if (Array.isArray(v)) return v.map(change);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'shape' ? x : change(x)]));
    return v;
  };
  const changed = change(value);
  return done ? changed : undefined;
}

/**
 * A catalogued mistake is named only when the submission reproduces its values: for every mistake
 * and every probe of a function it changes, its own answer counts as it, and the same answer of the
 * same size with one value moved does not (no acceptance by size alone).
 */
describe('a mistake accepts its values, not just their sizes', () => {
  for (const mistake of ALL_MISTAKES) {
    it(mistake.id, () => {
      const module = { ...((REFERENCE as unknown as Record<string, Record<string, unknown>>)[mistake.exercise]), ...mistake.apply(REFERENCE) };
      const changes = Object.keys(mistake.apply(REFERENCE));
      const probes = PROBES[mistake.exercise].filter((p) => changes.includes(p.name) && p.args !== undefined);
      let tried = 0;
      for (const probe of probes) {
        const predicted = answer(module, probe.name, probe.args);
        if (!predicted) continue;
        const altered = withOneValueChanged(predicted.value);
        if (altered === undefined) continue;
        tried++;
        expect(agrees(mistake, predicted.value, predicted.value), `${probe.name} on a probe: its own answer`).toBe(true);
        expect(agrees(mistake, altered, predicted.value), `${probe.name} on a probe: one value off by 1000.5`).toBe(false);
      }
      expect(tried, 'no probe of the functions it changes').toBeGreaterThan(0);
    });
  }
});
