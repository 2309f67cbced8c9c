import type { CheckContext } from '../../checks/types.js';
import type { ExerciseId } from '../../core/reference.js';
import type { DigitMoves } from '../../ml/robustness.js';
import { applyConfig } from '../../checks/apply-config.js';
import { checkSettings } from '../../config/per-check.js';

/**
 * Digits these augment functions must move without fault before they move a thousand. Not typed
 * by augment's stub: a release of a homework without augment.ts has no such exercise.
 */
const AUGMENT = 'augment' as string as ExerciseId;

/**
 * Who moves the digits of the "many 5s" comparison: the student's own augment.ts when it runs in
 * this process (their `npm run train` or `npm run grade`: their code on their machine) and passes
 * its public checks; else the reference's, where this grader has it (a release has only recorded
 * answers). Code in a sandbox is not asked: a thousand digits moved thirty ways is too many calls
 * across its boundary. Undefined, with the reason, when nobody can.
 */
export async function digitMoves(ctx: CheckContext): Promise<DigitMoves | { missing: string }> {
  let own = 'your augment.ts runs in a sandbox here';
  if (ctx.submission.inProcess) {
    const failed = await failedAugmentChecks(ctx);
    if (failed.length === 0) return submissionMoves(ctx);
    own = `your augment.ts does not pass ${failed.join(', ')} yet`;
  }
  const reference = ctx.reference[AUGMENT] as unknown as Partial<Record<'translate' | 'rotate' | 'scale', (...args: unknown[]) => number[][]>>;
  try {
    // A release's reference only replays recorded calls: a digit it was never asked about tells.
    const probe = Array.from({ length: 28 }, (_, r) => Array.from({ length: 28 }, (_, c) => ((r * 31 + c * 17) % 97) / 97));
    reference.rotate?.(probe, 13.7, 0);
  } catch {
    return { missing: `${own}, and this grader has no reference augment.ts` };
  }
  const { translate, rotate, scale } = reference as Required<typeof reference>;
  return {
    source: `the lecture's reference augment.ts (${own})`,
    translate: async (image, dx, dy) => translate(image, dx, dy, 0),
    rotate: async (image, degrees) => rotate(image, degrees, 0),
    scale: async (image, factor) => scale(image, factor, 0),
  };
}

/** The public checks of augment.ts that the submission does not pass (all of them if it has none). */
async function failedAugmentChecks(ctx: CheckContext): Promise<string[]> {
  const checks = applyConfig(ctx.config, { visibility: 'public' }, ctx.checksOf(AUGMENT));
  const failed: string[] = [];
  for (const check of checks) {
    const verdict = await check.run({ ...ctx, exercise: AUGMENT, ...checkSettings(ctx.config, check.id) }).catch(() => undefined);
    if (verdict?.status !== 'passed' || (verdict.fraction ?? 1) < 1) failed.push(check.id);
  }
  return checks.length === 0 ? ['its checks (none are public)'] : failed;
}

function submissionMoves(ctx: CheckContext): DigitMoves {
  const call = async (name: string, args: unknown[]): Promise<number[][]> => {
    const outcome = await ctx.submission.get(AUGMENT, name, args);
    if (outcome.kind !== 'returned') throw new Error(`your ${name} failed on a test digit: ${'message' in outcome ? outcome.message : outcome.kind}`);
    return outcome.value as number[][];
  };
  return {
    source: 'your augment.ts',
    translate: (image, dx, dy) => call('translate', [image, dx, dy, 0]),
    rotate: (image, degrees) => call('rotate', [image, degrees, 0]),
    scale: (image, factor) => call('scale', [image, factor, 0]),
  };
}
