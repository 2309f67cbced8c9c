/**
 * The student release's README.md: the template with every figure filled in from what the release
 * ships (its exercises, the config's public checks and their points, the training check's
 * thresholds, the Node versions of package.json and of the workflow, the workflow's file name), so
 * the README says what the release does even after the instructor changes the config, and a
 * homework's README names only its own exercises.
 */
import Handlebars from 'handlebars';
import type { Check } from '../checks/types.js';
import type { GraderConfig } from '../config/types.js';
import type { ExerciseModule } from '../exercises/exercise-module.js';
import type { Mistake } from '../mistakes/types.js';
import { plural } from '../feedback/plural.js';

export interface ReadmeFacts {
  /** The exercises released, in lecture order. */
  exercises: readonly ExerciseModule[];
  /** Other exercises whose files the released ones import (their stubs ship, ungraded). */
  imported?: readonly ExerciseModule[];
  /** The config's homework released, if the release is one. */
  homework?: string;
  publicChecks: readonly Check[];
  /** The released catalogue of mistakes; the first gives the README's example of a diagnosis. */
  mistakes: readonly Mistake[];
  config: GraderConfig;
  /** package.json's engines.node. */
  nodeEngines: string;
  /** The workflow's path in the release and the Node version it runs. */
  workflow: { path: string; node: string };
}

export function studentReadme(template: string, f: ReadmeFacts): string {
  const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;
  const training = f.publicChecks.filter((c) => c.kind === 'training');
  const trainingText = training.length
    ? `The network is trained by \`npm run grade\`, \`npm run train\` and the grader of every push (not by \`npm test\`: that would take minutes), on all 60,000 training digits with your settings and the course's seed; its accuracy on the 10,000 test digits gives up to ${plural(training.reduce((s, c) => s + c.points, 0), 'point')}, full points at ${percent(f.config.training.fullPointsAccuracy)}, none at or below ${percent(f.config.training.zeroPointsAccuracy)}, linear between.`
    : '';
  const pictures = f.exercises.flatMap((m) => m.pictures ?? []).map((p) => `\`${p.name}\``);
  const mistake = f.mistakes[0];
  const facts = {
    TITLE: f.homework === undefined ? 'CNN exercises' : `CNN exercises: ${f.homework}`,
    EXERCISES: f.exercises.map((m) => ({ id: m.id, title: m.title, slides: m.slides })),
    IMPORTED: (f.imported ?? []).map((m) => ({ id: m.id, title: m.title })),
    TRAINS: f.exercises.some((m) => m.trains),
    PICTURES: pictures.length > 1 ? `${pictures.slice(0, -1).join(', ')} and ${pictures.at(-1)}` : (pictures[0] ?? ''),
    MISTAKE: mistake?.explanation ?? '',
    REPLAY_CHECK: f.publicChecks.find((c) => c.kind !== 'training')?.id ?? f.publicChecks[0]?.id ?? '',
    POINTS_TABLE: pointsTable(f.publicChecks),
    TRAINING: trainingText,
    FULL_ACCURACY: percent(f.config.training.fullPointsAccuracy),
    ZERO_ACCURACY: percent(f.config.training.zeroPointsAccuracy),
    NODE: f.nodeEngines,
    WORKFLOW: f.workflow.path,
    WORKFLOW_NODE: f.workflow.node,
  };
  // strict: a placeholder without a value is the template's fault, not a blank in the README.
  return Handlebars.compile(template, { noEscape: true, strict: true })(facts);
}

function pointsTable(checks: readonly Check[]): string {
  const rows = ['| Exercise | Check | Points |', '| --- | --- | ---: |'];
  for (const c of checks) rows.push(`| ${c.exercise} | ${c.title.replace(/\|/g, '\\|')} | ${c.points} |`);
  const total = checks.reduce((s, c) => s + c.points, 0);
  rows.push(`| **Total** | | **${total}** |`);
  return rows.join('\n');
}
