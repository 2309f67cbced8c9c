/**
 * junit.xml as CI systems read it: test names that do not change when a score does (GitLab,
 * Jenkins and test-reporter key a test's history on classname + name), and the points in the
 * suite's properties and the failure message. junit.int.test.ts validates it against a JUnit XSD.
 */
import { describe, expect, it } from 'vitest';
import { junitOutput } from '../../grader/outputs/junit.js';
import { failingResult, passingResult } from '../outputs/html/fixtures.js';

/** classname + name of every test case, in order. */
function testIds(xml: string): string[] {
  return [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]} / ${m[2]}`);
}

describe('junit.xml', () => {
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
