/**
 * Key attacks again: through the CLI as a user runs it (its stdout and stderr must carry nothing
 * forged or raw) in the strongest mode here, and in the 'node' sandbox mode (Node's permission model without bwrap).
 */
import { describe, it } from 'vitest';
import { DATA_ATTACKS, PROCESS_ATTACKS, type Attack } from './attack-table.js';
import { expectNoPoints, gradeAttack, type Mode } from './grade-attack.js';
import { strongest } from '../sandbox/helpers.js';

const pick = (names: string[]): Attack[] => names.map((n) => [...DATA_ATTACKS, ...PROCESS_ATTACKS].find((a) => a.name === n)!);

function run(a: Attack, mode: Mode, cli: boolean) {
  return async () => {
    const r = await gradeAttack(a.name, { attacked: a.attacked, honest: [...a.honest], mode, sandbox: a.sandbox, links: a.links, cli });
    if (a.verdict) a.verdict(r);
    else expectNoPoints(r, a.attacked);
  };
}

describe(`through the CLI (sandbox: ${strongest})`, () => {
  for (const a of pick(['forged-output', 'html-ansi', 'kill-parent'])) it(a.name, run(a, strongest, true), 90_000);
});

describe("in the 'node' sandbox mode", () => {
  for (const a of pick(['forged-output', 'readfile-reference', 'dynamic-import-reference', 'symlink-reference', 'write-output', 'spawn-rewrite', 'kill-parent', 'loop-in-call', 'html-ansi', 'prototype-poison'])) {
    it(a.name, run(a, 'node', false));
  }
});
