/**
 * junit.xml is valid against a JUnit XSD (test/deploy/junit.xsd, written from the documented
 * format), checked with xmllint from Debian's libxml2-utils.
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
});
