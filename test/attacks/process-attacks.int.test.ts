/** End-to-end: each attack of PROCESS_ATTACKS graded by gradeCommand in the strongest sandbox this machine has (bwrap, else node). */
import { describe, it } from 'vitest';
import { PROCESS_ATTACKS } from './attack-table.js';
import { expectNoPoints, gradeAttack } from './grade-attack.js';
import { strongest } from '../sandbox/helpers.js';

describe(`graded through gradeCommand (sandbox: ${strongest})`, () => {
  for (const a of PROCESS_ATTACKS) {
    it(a.name, async () => {
      const run = await gradeAttack(a.name, { attacked: a.attacked, honest: [...a.honest], mode: strongest, sandbox: a.sandbox, links: a.links });
      if (a.verdict) a.verdict(run);
      else expectNoPoints(run, a.attacked);
    });
  }
});
