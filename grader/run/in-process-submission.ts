import { types } from 'node:util';
import type { ExerciseId } from '../core/contract.js';
import type { CallOutcome, Submission } from '../core/submission.js';
import type { ExerciseRuntimes } from '../core/exercise-runtime.js';
import { argumentsChanged } from '../core/arguments-changed.js';
import { describeNonPlain } from '../core/plain-data.js';
import { skipNodeBackendBanner } from '../ml/node-backend-banner.js';
import { watched } from './hang-guard.js';

/** What may come back is plain data, as across the sandbox's boundary; no size limit for trusted code. */
const PLAIN = { maxNumbers: Infinity, maxStringChars: Infinity, maxDepth: 200 };

type Modules = Partial<Record<ExerciseId, Record<string, unknown>>>;

/**
 * A submission whose modules live in this process: the reference, a catalogued mistake, or a
 * student's own `npm test`. Trusted code only: nothing here stops a loop or a hostile module.
 * Arguments are cloned so a mutating call cannot corrupt the check's inputs. An exercise's
 * `modelExport` (its runtime) is called with tfjs and answers with the model's JSON topology, as
 * across the sandbox's boundary.
 */
export function inProcessSubmission(label: string, modules: Modules, runtimes: ExerciseRuntimes = {}): Submission {
  return {
    label,
    inProcess: true,
    async get(exercise, name, args): Promise<CallOutcome> {
      const module = modules[exercise];
      if (!module) return { kind: 'missing', message: `${exercise}: the file is missing` };
      if (!(name in module)) return { kind: 'missing', message: `${exercise} has no export '${name}'` };
      const exported = module[name];
      if (args === undefined) return { kind: 'returned', value: structuredClone(exported) };
      if (typeof exported !== 'function') return { kind: 'missing', message: `${exercise}: '${name}' is not a function` };
      try {
        const given = structuredClone(args);
        const buildsModel = runtimes[exercise]?.modelExport === name;
        const tf = buildsModel ? await tfjs() : undefined;
        const value = await watched('call', exercise, `your ${name} (${exercise}.ts)`, () => exported(...(tf ? [tf] : given)));
        const returned = buildsModel ? modelTopology(name, value) : value;
        const problem = describeNonPlain(returned, PLAIN, isProxy);
        if (problem) return { kind: 'threw', message: `returned a value that is not plain data: ${problem}` };
        return { kind: 'returned', value: returned, mutated: argumentsChanged(args, given) };
      } catch (e) {
        return e instanceof Error ? { kind: 'threw', message: e.message, isError: true } : { kind: 'threw', message: `threw a value that is not an Error: ${String(e)}` };
      }
    },
    async close() {},
  };
}

const isProxy = (v: object) => types.isProxy(v);

/**
 * tfjs for a model-building export, loaded on first use (seconds), without its node-backend banner.
 * A computed name and a structural type: a release whose exercises build no model needs no tfjs
 * (its import closure, grader/release/closure.ts, follows every literal import).
 */
const TFJS = '@tensorflow/' + 'tfjs';
type Tfjs = Parameters<typeof skipNodeBackendBanner>[0];
async function tfjs(): Promise<Tfjs> {
  const tf = (await import(TFJS)) as Tfjs;
  await skipNodeBackendBanner(tf);
  return tf;
}

/** A CNN crosses any boundary only as its JSON topology. */
function modelTopology(name: string, model: unknown): unknown {
  const toJSON = (model as { toJSON?: (a: null, b: boolean) => unknown })?.toJSON;
  if (typeof toJSON !== 'function') throw new Error(`${name} did not return a tf.LayersModel`);
  return toJSON.call(model, null, false);
}
