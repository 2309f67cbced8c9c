/**
 * gradeSubmission frees each exercise's child process once the exercise is checked (and pictured),
 * and starts the training backend only when there is a network to train.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../grader/config/resolve.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';

/** The exercise files run by the live sandbox children descended from this process. */
function liveChildren(): string[] {
  const parent = new Map<number, number>();
  const source = new Map<number, string>();
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (/^State:\s+Z/m.test(status)) continue;
      parent.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      const name = /"sourceName":"([^"]+)"/.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))?.[1];
      if (name) source.set(Number(entry), name);
    } catch {
      /* gone meanwhile */
    }
  }
  const descends = (pid: number): boolean => pid > 1 && (parent.get(pid) === process.pid || descends(parent.get(pid) ?? 0));
  return [...new Set([...source].filter(([pid]) => descends(pid)).map(([, name]) => name))].sort();
}

describe('gradeSubmission', () => {
  it('ends an exercise\'s child when its checks (and pictures) are done, the CNN\'s before it trains, and still draws the pictures', async () => {
    const alive = new Map<string, string[]>();
    const graded: string[] = [];
    const log: string[] = [];
    const result = await gradeSubmission('solutions', resolveConfig(undefined, { sandbox: 'node', trainSamples: 256, testSamples: 100 }), {
      only: ['convolution', 'filters', 'layers', 'cnn', 'parameters'],
      log: (l) => log.push(l),
      onCheck: (r) => {
        alive.set(r.check.id, liveChildren());
        if (!graded.includes(r.check.exercise)) graded.push(r.check.exercise);
      },
    });
    expect(alive.get('convolution.matches-numpy')).toEqual(['convolution.ts']);
    expect(alive.get('filters.blur-matches')).toEqual(['filters.ts']);
    expect(alive.get('layers.worked-examples')).toEqual(['layers.ts']);
    expect(alive.get('cnn.model-accepted')).toEqual(['cnn.ts']);
    // The model crossed as JSON, and parameters is graded before: the CNN trains with no child beside it.
    expect(alive.get('cnn.mnist-accuracy')).toEqual([]);
    expect(graded).toEqual(['convolution', 'filters', 'layers', 'parameters', 'cnn']);
    expect(result.exercises.map((e) => e.exercise)).toEqual(['convolution', 'filters', 'layers', 'cnn', 'parameters']);
    expect(result.pictures?.comparisons.filter((c) => c.submission.dataUri).length).toBeGreaterThan(0);
    expect(liveChildren()).toEqual([]);
    expect(log.filter((l) => l.startsWith('TensorFlow.js backend: '))).toHaveLength(1);
  }, 300_000); // it trains: more than the default minute on a loaded machine

  it('starts no training backend for a folder without cnn.ts, even when the CNN is selected', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'no-cnn-'));
    try {
      copyFileSync('solutions/convolution.ts', path.join(dir, 'convolution.ts'));
      const log: string[] = [];
      const result = await gradeSubmission(dir, resolveConfig(undefined, { numRuns: 5 }), { isolation: 'in-process', only: ['convolution', 'cnn'], pictures: false, log: (l) => log.push(l) });
      expect(log.filter((l) => /TensorFlow|Training threads/.test(l))).toEqual([]);
      expect(result.environment.backend).toBeUndefined();
      expect(result.exercises.map((e) => [e.exercise, e.score === e.maxScore])).toEqual([['convolution', true], ['cnn', false]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
