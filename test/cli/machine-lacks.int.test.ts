/**
 * What the machine lacks is told in one line, cause and fix, with exit code 2 and no stack:
 * a sandbox mode (bwrap hidden behind a stub that is not bwrap), a tfjs backend whose optional
 * package is missing, a Node too old for the grader.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs without types (it must load on any Node, before TypeScript)
import { nodeSupported } from '../../grader/cli/require-node.mjs';

/** A folder with a `bwrap` that is not bubblewrap: what a PATH without it looks like to the grader. */
function noBwrapPath(): string {
  const bin = mkdtempSync(join(tmpdir(), 'no-bwrap-'));
  writeFileSync(join(bin, 'bwrap'), '#!/bin/sh\nexit 127\n');
  chmodSync(join(bin, 'bwrap'), 0o755);
  return `${bin}${delimiter}${process.env.PATH}`;
}

function grade(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const out = mkdtempSync(join(tmpdir(), 'machine-lacks-out-'));
  return spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', ...args, '--out', out], { encoding: 'utf8', timeout: 120_000, env });
}

function expectOneLine(r: ReturnType<typeof grade>, ...patterns: RegExp[]) {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n').filter((l) => l.startsWith('grader:'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  for (const p of patterns) expect(lines[0]).toMatch(p);
}

describe('a machine without what was asked for', () => {
  it('--sandbox bwrap without bwrap: one line naming bwrap and apt-get install bubblewrap, exit 2', () => {
    const r = grade(['solutions', '--only', 'convolution', '--sandbox', 'bwrap'], { ...process.env, PATH: noBwrapPath() });
    expectOneLine(r, /sandbox mode 'bwrap' is not available: bwrap is not installed/, /apt-get install bubblewrap/, /--sandbox auto or node/);
  });

  it('batch --sandbox bwrap without bwrap: refused before any submission is graded', () => {
    const r = grade(['batch', 'test/fixtures/hostile', '--sandbox', 'bwrap'], { ...process.env, PATH: noBwrapPath() });
    expectOneLine(r, /bwrap is not installed/);
  });

  const tfjsNode = (() => {
    try {
      createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(tfjsNode)('--backend node without @tensorflow/tfjs-node: one line naming the package, exit 2', () => {
    const r = grade(['solutions', '--only', 'cnn', '--backend', 'node']);
    expectOneLine(r, /backend 'node' is not available: .*tfjs-node not installed/, /npm install @tensorflow\/tfjs-node/, /--backend auto or wasm/);
  });

  it('a Node too old is refused before the grader loads (checked against the versions that load it)', () => {
    for (const v of ['v18.20.8', '20.18.0', '21.7.3', '22.11.0']) expect(nodeSupported(v), v).toBe(false);
    for (const v of ['20.19.0', '22.12.0', '23.5.0', '24.21.0', '26.10.0', process.versions.node]) expect(nodeSupported(v), v).toBe(true);
  });
});
