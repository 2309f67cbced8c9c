import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const SIGNATURE = "export function convolve(a: number[], v: number[], mode: Mode = 'full'): number[] {";

/**
 * The fixture class in a fresh folder: carol, dave and the zips as committed, plus two students
 * derived from solutions/convolution.ts so they stay in step with the reference: alice (a correct
 * copy) and mallory (the same with an endless loop in convolve).
 */
export function classFixtures(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'batch-class-'));
  cpSync(path.join(root, 'test/fixtures/class'), dir, { recursive: true });
  const reference = readFileSync(path.join(root, 'solutions/convolution.ts'), 'utf8');
  if (!reference.includes(SIGNATURE)) throw new Error(`solutions/convolution.ts no longer declares: ${SIGNATURE}`);
  const student = (name: string, source: string) => {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'convolution.ts'), source);
  };
  student('alice', reference);
  student('mallory', reference.replace(SIGNATURE, `${SIGNATURE}\n  for (;;) {} // hostile: never returns`));
  return dir;
}
