import type { CheckContext, Verdict } from '../../checks/types.js';
import { defineChecks } from '../../checks/support/define.js';
import { Probe, SubmissionFault } from '../../checks/support/probe.js';
import { digitMoves } from './digit-moves.js';

/**
 * Asks the submission (in its sandbox) for its model's JSON topology and training settings; the
 * grader rebuilds and trains the model in its own process. A fault becomes a verdict.
 */
async function askModel(ctx: CheckContext): Promise<{ topology: unknown; settings: unknown } | Verdict> {
  const probe = new Probe(ctx.submission, ctx.exercise);
  try {
    return { topology: await probe.call('buildModel', []), settings: await probe.read('training') };
  } catch (e) {
    if (e instanceof SubmissionFault) return { status: 'errored', message: e.message };
    throw e;
  }
}

/** Runs `judge` on the submitted model; a refused model (custom layer, wrong shape, ...) fails with the reason. */
async function withModel(ctx: CheckContext, judge: (topology: unknown, settings: unknown) => Promise<Verdict>): Promise<Verdict> {
  const asked = await askModel(ctx);
  if ('status' in asked) return asked;
  const { ModelRefused } = await import('../../ml/model-refused.js');
  const { initBackend } = await import('../../ml/backend.js');
  await initBackend(ctx.config.training.backend);
  try {
    return await judge(asked.topology, asked.settings);
  } catch (e) {
    if (e instanceof ModelRefused) return { status: 'failed', message: e.message };
    throw e;
  }
}

export const checks = defineChecks('cnn', [
  {
    id: 'model-accepted',
    title: 'The model is a CNN the grader can train',
    description:
      'buildModel(tf) returns a model of built-in layers from a [28, 28, 1] input to 10 softmax outputs, within the parameter limit, and `training` holds valid settings.',
    points: 3,
    visibility: 'public',
    kind: 'example',
    run: (ctx) =>
      withModel(ctx, async (topology, settings) => {
        const { rebuildModel } = await import('../../ml/rebuild-model.js');
        const { resolveSettings } = await import('../../ml/limits.js');
        const { notes } = resolveSettings(settings, ctx.config.training.limits);
        const model = rebuildModel(topology, ctx.config.training.limits);
        const message = [`${model.layers.length} layers, ${model.countParams().toLocaleString('en-US')} parameters.`, ...notes].join(' ');
        model.dispose();
        return { status: 'passed', message };
      }),
  },
  {
    id: 'mnist-accuracy',
    title: 'Test accuracy on MNIST',
    description:
      'The grader trains your model itself on the 60,000 training digits, with your settings and its own seed, and measures its accuracy on the 10,000 test digits: full points at the threshold, partial credit above the floor.',
    points: 10,
    visibility: 'public',
    kind: 'training',
    run: (ctx) =>
      withModel(ctx, async (topology, settings) => {
        // The model crossed as JSON: its child (tfjs loaded) need not live while this process trains.
        await ctx.submission.release?.(ctx.exercise);
        const { trainAndScore } = await import('../../checks/support/training.js');
        return trainAndScore(topology, settings, ctx, await digitMoves(ctx));
      }),
  },
]);
