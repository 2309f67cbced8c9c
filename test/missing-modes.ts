/**
 * vitest's globalSetup: one printed line per sandbox mode this machine cannot test, naming the
 * mode and how to get it. The tests of that mode are skipped; the hostile submissions are graded
 * in the strongest mode there is instead (test/sandbox/helpers.ts: `strongest`).
 */
import { probeBwrap } from '../grader/sandbox/probe.js';

export default async function missingModes(): Promise<void> {
  const bwrap = await probeBwrap();
  if (!bwrap.ok) {
    process.stdout.write(`skipped: the tests of sandbox mode bwrap (${bwrap.detail}); to run them: apt-get install bubblewrap, on a machine or container that allows user namespaces\n`);
  }
}
