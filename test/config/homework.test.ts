import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeSelection, selectExercises, SelectionError } from '../../grader/run/homework.js';
import { ConfigError, validateUserConfig } from '../../grader/config/validate.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import { EXERCISES } from '../../grader/exercises/registry.js';
import { writeLmsGradebooks } from '../../grader/batch/gradebooks/write-lms-gradebooks.js';
import type { BatchRecord } from '../../grader/batch/record.js';

const config = resolveConfig(undefined, {}, { homeworks: { hw1: ['convolution2d', 'convolution'], hw2: ['filters'] } });

describe('homeworks in the config', () => {
  it('are validated with the key path of each problem', () => {
    let problems: string[] = [];
    try {
      validateUserConfig({ homeworks: { hw1: ['convolution', 'convolution3d', 'convolution'], 'bad name': ['filters'], hw3: [], hw4: 'filters' } }, [], 'grader.config.ts', EXERCISES);
    } catch (e) {
      problems = (e as ConfigError).problems;
    }
    expect(problems).toEqual([
      `homeworks.hw1[1]: must be one of 'convolution', 'convolution2d', 'filters', 'augment', 'layers', 'cnn', 'parameters' (got "convolution3d")`,
      'homeworks.hw1[2]: "convolution" is listed twice',
      `homeworks['bad name']: a homework name is letters, digits, ".", "_" and "-", starting with a letter or digit`,
      'homeworks.hw3: must hold at least 1 item(s)',
      'homeworks.hw4: must be an array (got "filters")',
    ]);
  });

  it('--homework grades its exercises in lecture order; an --only naming the same set is that homework', () => {
    expect(selectExercises(config, { homework: 'hw1' })).toEqual({ exercises: ['convolution', 'convolution2d'], homework: 'hw1', adHoc: false });
    expect(selectExercises(config, { only: ['convolution2d', 'convolution'] })).toEqual({ exercises: ['convolution', 'convolution2d'], homework: 'hw1', adHoc: false });
    expect(selectExercises(config, { only: ['convolution'] })).toEqual({ exercises: ['convolution'], adHoc: true });
    expect(selectExercises(config, {}).adHoc).toBe(false);
    expect(describeSelection(selectExercises(config, { only: ['convolution'] }))).toBe('convolution (an ad-hoc --only, not a homework of the config)');
  });

  it('refuses an unknown homework, naming the known ones, and --only with --homework', () => {
    expect(() => selectExercises(config, { homework: 'hw9' })).toThrow(new SelectionError("--homework 'hw9' is not a homework of the config: its homeworks are hw1, hw2"));
    expect(() => selectExercises(resolveConfig(), { homework: 'hw1' })).toThrow(/it defines none/);
    expect(() => selectExercises(config, { homework: 'hw1', only: ['filters'] })).toThrow(/give one of them/);
  });
});

describe('an LMS gradebook scaled from the graded homework', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'homework-gradebook-'));
  const roster = path.join(dir, 'canvas.csv');
  writeFileSync(roster, ['Student,ID,SIS User ID,SIS Login ID,Section,HW1 (1001)', '    Points Possible,,,,,50', 'Doe Jane,7,s7,jdoe,A,', ''].join('\r\n'));
  const record = (selection: BatchRecord['selection']): BatchRecord => ({
    student: 'jane', identities: [{ lms: 'canvas', userId: '7', name: 'Doe Jane' }], source: { kind: 'files', name: 'x', sha256: '' }, settings: 's', selection,
    status: 'graded', score: 26, maxScore: 26, perExercise: { convolution: { score: 26, maxScore: 26 } }, checks: [], seed: 1, seconds: 1, finishedAt: '',
  });

  it('an ad-hoc --only worth 26 in a 50-point column: scaled, and said in one line with both numbers and the exercise', () => {
    const g = writeLmsGradebooks(dir, [record({ exercises: ['convolution'], adHoc: true })], { roster });
    expect(g.notes[0]).toBe("Canvas's 'HW1 (1001)' is worth 50 points, convolution (an ad-hoc --only, not a homework of the config) is worth 26: scores are scaled from 26 to 50");
    expect(g.scaling).toEqual({ lms: 'canvas', column: 'HW1 (1001)', pointsPossible: 50, scaledFrom: 26, exercises: ['convolution'], adHoc: true });
    expect(readFileSync(path.join(dir, 'gradebook-canvas.csv'), 'utf8')).toContain('Doe Jane,7,s7,jdoe,A,50');
  });

  it('a homework worth the column says nothing', () => {
    writeFileSync(roster, readFileSync(roster, 'utf8').replace(',50', ',26'));
    const g = writeLmsGradebooks(dir, [record({ exercises: ['convolution'], homework: 'hw0', adHoc: false })], { roster });
    expect(g.notes.filter((n) => /scaled|written out of/.test(n))).toEqual([]);
    expect(g.scaling).toMatchObject({ homework: 'hw0', pointsPossible: 26, scaledFrom: 26 });
  });
});
