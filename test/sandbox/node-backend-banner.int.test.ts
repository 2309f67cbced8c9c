/** A model built in the sandbox prints no tfjs "install our node backend" banner into the student's output. */
import { describe, expect, it } from 'vitest';
import { openSandboxedSubmission } from '../../grader/sandbox/index.js';
import { RUNTIMES } from '../../grader/exercises/registry.js';

describe("tfjs's node-backend banner in the sandbox", () => {
  it("stays out of what the student's code printed", async () => {
    const s = await openSandboxedSubmission('solutions', { mode: 'node', runtimes: RUNTIMES });
    try {
      expect((await s.get('cnn', 'buildModel', [])).kind).toBe('returned');
      expect(s.output?.('cnn') ?? '').not.toContain('node backend');
    } finally {
      await s.close();
    }
  });
});
