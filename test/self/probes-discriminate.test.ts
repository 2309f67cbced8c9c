import { describe, expect, it } from 'vitest';
import { ALL_MISTAKES, EXERCISES, PROBES } from '../../grader/exercises/registry.js';
import { agrees, answer } from '../../grader/mistakes/agreement.js';
import type { Mistake } from '../../grader/mistakes/types.js';
import { REFERENCE } from '../../grader/exercises/reference.js';

/**
 * A mistake is named only when the submission answers every probe of the failing function as the
 * mistake does. For that to single one out, each catalogued mistake must differ from the reference
 * and from every other mistake that changes the same function on at least one of its probes.
 */
const changes = (m: Mistake) => Object.keys(m.apply(REFERENCE));
const moduleOf = (m: Mistake | null, exercise: string) => ({ ...(REFERENCE as unknown as Record<string, Record<string, unknown>>)[exercise], ...(m ? m.apply(REFERENCE) : {}) });

describe('each exercise’s probes tell every catalogued mistake apart', () => {
  for (const exercise of EXERCISES) {
    const mistakes = ALL_MISTAKES.filter((m) => m.exercise === exercise);
    const functions = [...new Set(mistakes.flatMap(changes))];
    for (const fn of functions) {
      const probes = PROBES[exercise].filter((p) => p.name === fn);
      const suspects = mistakes.filter((m) => changes(m).includes(fn));
      it(`${exercise}.${fn}: ${suspects.length} mistakes, ${probes.length} probes`, () => {
        expect(probes.length, `no probe calls ${fn}`).toBeGreaterThan(0);
        const answers = new Map<Mistake | null, unknown[]>();
        for (const m of [null, ...suspects]) {
          const module = moduleOf(m, exercise);
          answers.set(m, probes.map((p) => {
            const a = answer(module, fn, p.args);
            expect(a, `${m?.id ?? 'the reference'} throws on a probe of ${fn}: ${JSON.stringify(p.args)}`).toBeDefined();
            return a!.value;
          }));
        }
        // `a` is told apart from `b` when some probe's answer of b is not accepted as a's.
        const apart = (a: Mistake, b: Mistake | null) => probes.some((_p, i) => !agrees(a, answers.get(b)![i], answers.get(a)![i]));
        const confused: string[] = [];
        for (const a of suspects) {
          if (!apart(a, null)) confused.push(`${a.id} = the reference`);
          for (const b of suspects) if (a !== b && !apart(a, b)) confused.push(`${a.id} accepts ${b.id}`);
        }
        expect(confused).toEqual([]);
      });
    }
  }
});
