import path from 'node:path';
import { mergeBatches, type MergeSummary } from '../batch/merge.js';
import type { RosterOptions } from '../batch/gradebooks/write-lms-gradebooks.js';

export interface MergeCommandOptions {
  dirs: string[];
  /** Default `reports/merged`. */
  out?: string;
  roster?: RosterOptions;
  log?: (line: string) => void;
}

/** Joins the outputs of several batches (CI shards) into one gradebook and one summary. */
export async function mergeCommand(o: MergeCommandOptions): Promise<MergeSummary> {
  const out = path.resolve(o.out ?? path.join('reports', 'merged'));
  const summary = await mergeBatches(o.dirs, out, path.basename(out), o.roster);
  const log = o.log ?? (() => {});
  if (summary.duplicates.length) log(`graded in more than one folder (the latest result kept): ${summary.duplicates.join(', ')}`);
  log(`${summary.records.length} submissions merged into ${out}`);
  log(`Gradebook: ${summary.outputs.gradebook}`);
  for (const line of summary.outputs.lms?.notes ?? []) log(line);
  if (summary.outputs.lms) log(`For the LMS: ${summary.outputs.lms.files.join(', ')}`);
  log(`Summary: ${summary.outputs.summary.join(', ')}`);
  return summary;
}
