import { runBatch, type BatchOptions, type BatchSummary } from '../batch/run-batch.js';

/**
 * Grades a whole class: every submission folder or .zip in `dir`, N at a time, each in a worker
 * process; writes `<out>/<student>/` as each finishes, then `gradebook.csv` and the summary.
 */
export async function batchCommand(o: BatchOptions & { log?: (line: string) => void }): Promise<BatchSummary> {
  const summary = await runBatch(o);
  const log = o.log ?? (() => {});
  const graded = summary.records.filter((r) => r.status === 'graded');
  log(`${summary.total} submissions: ${summary.graded} graded now, ${summary.skipped} already done, ${summary.errors} with errors, in ${summary.seconds.toFixed(1)} s`);
  const { workers, threadsPerWorker, cores } = summary.parallelism;
  log(`Parallelism: ${workers} worker(s) × ${threadsPerWorker} training thread(s) each, on ${cores} core(s)`);
  if (graded.length) {
    const scores = graded.map((r) => r.score).sort((a, b) => a - b);
    log(`Scores: min ${scores[0]}, median ${scores[Math.floor(scores.length / 2)]}, max ${scores[scores.length - 1]} of ${graded[0].maxScore}`);
  }
  if (summary.outputs.flaggedPairs) log(`${summary.outputs.flaggedPairs} similar pair(s) flagged: see the summary`);
  log(`Gradebook: ${summary.outputs.gradebook}`);
  log(`Summary: ${summary.outputs.summary.join(', ')}`);
  return summary;
}
