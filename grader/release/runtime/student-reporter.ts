/**
 * A release's `npm test` reporter: one concise block per failing public check (what, points, the
 * smallest failing input, the likely mistake, the REPLAY command), never a code frame of the test
 * harness, then the points per exercise and the total, as `npm run grade` prints them. A failure
 * that is not a check's verdict (the harness itself, a bad REPLAY) is printed with its message.
 */
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import { pointsTable, type PointsRow } from '../../feedback/points-table.js';

/** What the student test file leaves on each test (task.meta.check) for this reporter. */
export interface CheckOutcome {
  exercise: string;
  points: number;
  score: number;
  /** formatCheckText(result, { brief: true }). */
  text: string;
}

export default class StudentReporter implements Reporter {
  private readonly write: (text: string) => void;
  /** `write`: where the report goes (default stdout); vitest passes its reporter options here. */
  constructor(options: { write?: (text: string) => void } = {}) {
    this.write = options.write ?? ((text) => void process.stdout.write(text));
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const out: string[] = [];
    const rows = new Map<string, PointsRow>();
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    // Pending: never reached, because the run stopped (an endless loop: grader/run/hang-guard.ts).
    let pending = 0;
    let lastGroup: string | undefined;
    for (const module of modules) {
      for (const error of module.errors()) out.push(`✗ ${module.moduleId}: ${error.message}`);
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const outcome = (test.meta() as { check?: CheckOutcome }).check;
        if (outcome) {
          const row = rows.get(outcome.exercise) ?? { exercise: outcome.exercise, score: 0, maxScore: 0 };
          row.score = Math.round((row.score + outcome.score) * 100) / 100;
          row.maxScore += outcome.points;
          rows.set(outcome.exercise, row);
        }
        if (state === 'skipped') skipped++;
        else if (state === 'pending') pending++;
        else if (state === 'passed') passed++;
        else {
          failed++;
          // The blocks of one exercise under its name (each block starts with ✗).
          const group = test.parent.type === 'suite' ? test.parent.name : module.moduleId;
          if (group !== lastGroup) out.push('', `── ${group}`);
          lastGroup = group;
          out.push(outcome ? outcome.text : harnessFailure(test));
        }
      }
    }
    for (const error of unhandledErrors) out.push(`✗ ${error.message}`);
    const notRun = [...(skipped ? [`${skipped} not run here (training: npm run grade trains)`] : []), ...(pending ? [`${pending} not reached (npm test stopped)`] : [])];
    out.push('', `${passed} checks pass, ${failed} fail${notRun.map((n) => `, ${n}`).join('')}.`, '');
    if (rows.size > 0) out.push(...pointsTable([...rows.values()], 'public checks; the hidden checks count too in your grade'));
    this.write(out.join('\n') + '\n');
  }
}

/** A test that failed without a check's verdict: the grader or the harness, said with its message. */
function harnessFailure(test: TestCase): string {
  const errors = test.result().errors ?? [];
  return [`✗ ${test.fullName}`, ...errors.map((e) => `  ${e.message}`)].join('\n');
}
