import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flippedKernel, runCli } from './run-cli.js';

describe('npm run grade -- <submission>', () => {
  it('gives the reference full marks and writes results.json in Gradescope\'s schema', () => {
    const run = runCli(['solutions', '--only', 'convolution']);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    expect(results.score).toBe(results.max_score);
    expect(results.max_score).toBeGreaterThan(0);
    expect(typeof results.execution_time).toBe('number');
    for (const t of results.tests) {
      expect(t).toMatchObject({ status: 'passed', visibility: expect.stringMatching(/^(visible|after_published)$/) });
      expect(t.tags).toContain('convolution');
      expect(t.score).toBe(t.max_score);
    }
    expect(results.extra_data.seed).toEqual(expect.any(Number));
    expect(run.file('junit.xml')).toContain('<testsuite name="convolution"');
  });

  it('shows a flipped kernel its counterexample and diagnosis', () => {
    const run = runCli([flippedKernel(), '--only', 'convolution']);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    expect(results.score).toBeLessThan(results.max_score);
    const worked = results.tests.find((t: { number: string }) => t.number === 'convolution.worked-examples');
    expect(worked.status).toBe('failed');
    expect(worked.output).toContain('expected: [0, 1, 2.5, 4, 1.5]');
    expect(worked.output).toContain('No flip: a cross-correlation');
    // The log gives each failed check's reason on its line, as the report does.
    expect(run.stderr).toMatch(/^✗ Worked examples[^\n]*\(0\/\d+ points, convolution\.worked-examples\): \S[^\n]*$/m);
  });

  it('grades a renamed copy (Convolution (1).ts) under its exercise’s name and says so', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'renamed-'));
    copyFileSync(path.join('solutions', 'convolution.ts'), path.join(dir, 'Convolution (1).ts'));
    writeFileSync(path.join(dir, 'notes.txt'), 'hi\n');
    const run = runCli([dir, '--only', 'convolution']);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    expect(results.score).toBe(results.max_score);
    expect(results.output).toMatch(/^Graded Convolution \(1\)\.ts as convolution\.ts\.\nNot graded \(not an exercise file\): notes\.txt\./);
    expect(run.stderr).toContain('Graded Convolution (1).ts as convolution.ts.');
    expect(run.file('report.html')).toContain('Graded Convolution (1).ts as convolution.ts.');
  });

  it('a failing check worth 0 points reads "failed" in results.json, junit.xml and report.html alike', () => {
    const config = path.join(mkdtempSync(path.join(tmpdir(), 'zero-points-')), 'grader.config.json');
    writeFileSync(config, JSON.stringify({ checks: { 'convolution.worked-examples': { points: 0 } } }));
    const run = runCli([flippedKernel(), '--only', 'convolution', '--config', config]);
    expect(run.status, run.stderr).toBe(0);
    const test = run.results().tests.find((t: { number: string }) => t.number === 'convolution.worked-examples');
    expect(test).toMatchObject({ score: 0, max_score: 0, status: 'failed' });
    expect(test.tags).toContain('failed');
    const junit = run.file('junit.xml');
    const testcase = junit.slice(junit.indexOf('name="Worked examples'), junit.indexOf('</testcase>', junit.indexOf('name="Worked examples')));
    expect(testcase).toContain('<failure ');
    const html = run.file('report.html');
    expect(html).toContain('<article class="check s-failed" id="convolution.worked-examples">');
  });

  it('grades a missing exercise file as zero points for that exercise only', () => {
    const run = runCli([flippedKernel(), '--only', 'convolution,convolution2d']);
    expect(run.status, run.stderr).toBe(0);
    const results = run.results();
    const twoD = results.tests.filter((t: { tags: string[] }) => t.tags.includes('convolution2d'));
    expect(twoD.length).toBeGreaterThan(0);
    expect(twoD.every((t: { score: number; output: string }) => t.score === 0 && /has no convolution2d\.ts/.test(t.output))).toBe(true);
    // No input would help: neither a smallest failing input nor a replay command.
    expect(twoD.some((t: { output: string }) => /Smallest failing input|Replay/.test(t.output))).toBe(false);
    expect(results.score).toBeGreaterThan(0);
  });

  it('refuses with a clear message and a non-zero exit when it cannot grade', () => {
    const missing = runCli(['no/such/folder']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/does not exist/);
    const badOnly = runCli(['solutions', '--only', 'convolutoin']);
    expect(badOnly.status).not.toBe(0);
    expect(badOnly.stderr).toMatch(/unknown exercise 'convolutoin'/);
  });
});
