/** End-to-end: each attack of CNN_ATTACKS graded by gradeCommand in the default sandbox (bwrap here). */
import { describe, it } from 'vitest';
import { CNN_ATTACKS } from './attack-table.js';
import { expectNoPoints, gradeAttack } from './grade-attack.js';

describe('graded through gradeCommand (sandbox: bwrap)', () => {
  for (const a of CNN_ATTACKS) {
    it(a.name, async () => {
      const run = await gradeAttack(a.name, { attacked: a.attacked, honest: [...a.honest], mode: 'bwrap', sandbox: a.sandbox, links: a.links });
      if (a.verdict) a.verdict(run);
      else expectNoPoints(run, a.attacked);
    });
  }
});
