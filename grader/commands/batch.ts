import { describeSelection } from '../run/homework.js';
import { runBatch, type BatchOptions, type BatchSummary } from '../batch/run-batch.js';

/**
 * Grades a whole class: an LMS's export (Canvas, Gradescope, Moodle, GitHub Classroom; a folder or
 * its .zip) or a folder of one folder or .zip per student, N at a time, each in a worker process;
 * writes `<out>/<student>/` as each finishes, then `gradebook.csv`, the summary, and with a roster
 * the LMS's gradebook and unmatched.csv.
 */
export async function batchCommand(o: BatchOptions & { log?: (line: string) => void }): Promise<BatchSummary> {
  const summary = await runBatch(o);
  const log = o.log ?? (() => {});
  const graded = summary.records.filter((r) => r.status === 'graded');
  if (summary.layout !== 'folders') log(`Read as a ${summary.layout} export`);
  log(`Graded: ${describeSelection(summary.selection)}`);
  if (o.shard) log(`Shard ${o.shard.index} of ${o.shard.count}${o.shard.engine ? `: ${o.shard.engine}` : ''}`);
  log(`${summary.total} submissions: ${summary.graded} graded now, ${summary.skipped} already done, ${summary.errors} with errors, in ${summary.seconds.toFixed(1)} s`);
  const { workers, threadsPerWorker, cores } = summary.parallelism;
  log(`Parallelism: ${workers} worker(s) × ${threadsPerWorker} training thread(s) each, on ${cores} core(s)`);
  if (graded.length) {
    const scores = graded.map((r) => r.score).sort((a, b) => a - b);
    log(`Scores: min ${scores[0]}, median ${scores[Math.floor(scores.length / 2)]}, max ${scores[scores.length - 1]} of ${graded[0].maxScore}`);
  }
  if (summary.outputs.flaggedPairs) log(`${summary.outputs.flaggedPairs} similar pair(s) flagged: see the summary`);
  log(`Gradebook: ${summary.outputs.gradebook}`);
  for (const line of summary.outputs.lms?.notes ?? []) log(line);
  if (summary.outputs.lms) log(`For the LMS: ${summary.outputs.lms.files.join(', ')}`);
  log(`Summary: ${summary.outputs.summary.join(', ')}`);
  return summary;
}
