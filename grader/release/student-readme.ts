/**
 * The student release's README.md: the template with every figure filled in from what the release
 * ships (the config's public checks and their points, the training check's thresholds, the Node
 * versions of package.json and of the workflow, the workflow's file name), so the README says
 * what the release does even after the instructor changes the config.
 */
import type { Check } from '../checks/types.js';
import type { GraderConfig } from '../config/types.js';
import { plural } from '../feedback/plural.js';

export interface ReadmeFacts {
  publicChecks: readonly Check[];
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
  const filled: Record<string, string> = {
    POINTS_TABLE: pointsTable(f.publicChecks),
    TRAINING: trainingText,
    FULL_ACCURACY: percent(f.config.training.fullPointsAccuracy),
    ZERO_ACCURACY: percent(f.config.training.zeroPointsAccuracy),
    NODE: f.nodeEngines,
    WORKFLOW: f.workflow.path,
    WORKFLOW_NODE: f.workflow.node,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in filled)) throw new Error(`README template: no value for ${whole}`);
    return filled[key];
  });
}

function pointsTable(checks: readonly Check[]): string {
  const rows = ['| Exercise | Check | Points |', '| --- | --- | ---: |'];
  for (const c of checks) rows.push(`| ${c.exercise} | ${c.title.replace(/\|/g, '\\|')} | ${c.points} |`);
  const total = checks.reduce((s, c) => s + c.points, 0);
  rows.push(`| **Total** | | **${total}** |`);
  return rows.join('\n');
}
