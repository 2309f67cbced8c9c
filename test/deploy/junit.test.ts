/**
 * junit.xml as CI systems read it: valid against a JUnit XSD (test/deploy/junit.xsd, checked with
 * xmllint from Debian's libxml2-utils), with test names that do not change when a score does
 * (GitLab, Jenkins and test-reporter key a test's history on classname + name), and the points in
 * the suite's properties and the failure message.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitOutput } from '../../grader/outputs/junit.js';
import { failingResult, hostileResult, passingResult } from '../outputs/html/fixtures.js';

const XSD = path.join(import.meta.dirname, 'junit.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

function xmllint(xml: string): { ok: boolean; out: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'junit-'));
  try {
    writeFileSync(path.join(dir, 'junit.xml'), xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, path.join(dir, 'junit.xml')], { encoding: 'utf8' });
    return { ok: r.status === 0, out: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** classname + name of every test case, in order. */
function testIds(xml: string): string[] {
  return [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]} / ${m[2]}`);
}

describe('junit.xml', () => {
  it('is valid against the JUnit XSD (passing, failing, errored and hostile results)', async () => {
    if (!hasXmllint) {
      console.log('junit.xml not validated: xmllint is not installed (Debian package libxml2-utils; .ci/run installs it)');
      return;
    }
    for (const result of [passingResult(), failingResult(), hostileResult()]) {
      const r = xmllint(await junitOutput.render(result));
      expect(r.ok, r.out).toBe(true);
    }
    // The schema does refuse what CI systems do not read: a count that is not a number.
    expect(xmllint('<testsuites><testsuite name="x" tests="two"/></testsuites>').ok).toBe(false);
  });

  it("names each test by the check's title and id, whatever its score", async () => {
    const passing = testIds(await junitOutput.render(passingResult()));
    const failing = testIds(await junitOutput.render(failingResult()));
    expect(passing).toContain('convolution / Convolution is commutative (convolution.commutative)');
    // The same check scored 2/2 and 0/2 is the same test.
    expect(failing.filter((id) => passing.includes(id))).toEqual(passing);
    for (const id of [...passing, ...failing]) expect(id).not.toMatch(/\d+(\.\d+)?\/\d+/);
  });

  it("puts the points in the suite's properties and the failure message", async () => {
    const xml = await junitOutput.render(failingResult());
    const convolution = /<testsuite name="convolution"[\s\S]*?<\/testsuite>/.exec(xml)![0];
    expect(convolution).toMatch(/<property name="score" value="7" \/>\s*<property name="max_score" value="9" \/>/);
    expect(convolution).toContain('<property name="points:convolution.commutative" value="0/2" />');
    expect(convolution).toMatch(/<failure message="0\/2 points: convolve\(a, v\) ≠ convolve\(v, a\)/);
    const cnn = /<testsuite name="cnn"[\s\S]*?<\/testsuite>/.exec(xml)![0];
    expect(cnn).toContain('<property name="points:cnn.accuracy" value="9.8/10" />');
  });
});
