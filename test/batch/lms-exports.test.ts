import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSubmissions } from '../../grader/batch/find-submissions.js';
import { unzipSafely, EXPORT_UNZIP_LIMITS } from '../../grader/intake/unzip.js';
import { canvasClass, classroomClass, gradescopeClass, moodleClass } from './lms-fixtures.js';

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `lms-out-${name}-`));

describe('reading the exports as the LMS writes them', () => {
  it('Canvas: one student per user id, the newest upload, a nested zip, identities, orphans', async () => {
    const { zip } = await canvasClass();
    const dir = tmp('canvas-read');
    await unzipSafely(zip, dir, EXPORT_UNZIP_LIMITS);
    const { layout, sources } = findSubmissions(dir);
    expect(layout).toBe('canvas');
    expect(sources.map((s) => [s.student, s.kind])).toEqual([
      ['doejane_12345', 'files'],
      ['leeann_45678', 'files'],
      ['müllerjörg_23456', 'files'],
      ['smithjohn_34567', 'files'],
      ['unassigned readme-from-ta.txt', 'orphan'],
    ]);
    const jorg = sources.find((s) => s.student === 'müllerjörg_23456')!;
    expect(jorg.identities).toEqual([{ lms: 'canvas', name: 'müllerjörg', userId: '23456', late: true }]);
    expect(jorg.files!.map((f) => [f.name, path.basename(f.path)])).toEqual([['convolution.ts', 'müllerjörg_LATE_23456_70005_convolution-1.ts']]);
    expect(sources.find((s) => s.student === 'smithjohn_34567')!.files!.map((f) => f.name)).toEqual(['hw1.zip']);
  });

  it('Gradescope: submitters from the Ruby-keyed YAML, groups, the newest submission, orphans', async () => {
    const { zip } = await gradescopeClass();
    const dir = tmp('gs-read');
    await unzipSafely(zip, dir, EXPORT_UNZIP_LIMITS);
    const { layout, sources } = findSubmissions(dir);
    expect(layout).toBe('gradescope');
    expect(sources.map((s) => [s.student, s.kind])).toEqual([
      ['submission_3001', 'files'],
      ['submission_3002', 'files'],
      ['submission_3004', 'files'],
      ['unassigned submission_3999', 'orphan'],
    ]);
    expect(sources[1].identities).toEqual([
      { lms: 'gradescope', name: 'Jörg Müller', sisId: 'S-002', email: 'jmueller@uni.example' },
      { lms: 'gradescope', name: 'John Smith', sisId: 'S-003', email: 'jsmith@uni.example' },
    ]);
  });

  it('Moodle: folders and flat files grouped by participant id', async () => {
    const { zip } = await moodleClass();
    const dir = tmp('moodle-read');
    await unzipSafely(zip, dir, EXPORT_UNZIP_LIMITS);
    const { layout, sources } = findSubmissions(dir);
    expect(layout).toBe('moodle');
    expect(sources.map((s) => [s.student, s.identities, s.files!.map((f) => f.name)])).toEqual([
      ['Ann Lee_883', [{ lms: 'moodle', name: 'Ann Lee', userId: '883' }], ['convolution.ts', 'onlinetext.html']],
      ['Jane Doe_882', [{ lms: 'moodle', name: 'Jane Doe', userId: '882' }], ['hw/convolution.ts']],
      ['Jörg Müller_881', [{ lms: 'moodle', name: 'Jörg Müller', userId: '881' }], ['convolution.ts']],
    ]);
  });

  it('GitHub Classroom: one repository per login', () => {
    const { dir } = classroomClass();
    const { layout, sources } = findSubmissions(dir);
    expect(layout).toBe('classroom');
    expect(sources.map((s) => [s.student, s.kind, s.identities])).toEqual([
      ['mona-lisa', 'folder', [{ lms: 'classroom', login: 'mona-lisa' }]],
      ['octocat', 'folder', [{ lms: 'classroom', login: 'octocat' }]],
    ]);
  });
});
