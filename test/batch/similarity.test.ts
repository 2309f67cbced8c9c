import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintSource, type SubmissionPrint } from '../../grader/batch/similarity/fingerprint.js';
import { findSimilarPairs } from '../../grader/batch/similarity/compare.js';
import { tokenize } from '../../grader/batch/similarity/tokenize.js';
import { winnow } from '../../grader/batch/similarity/winnow.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');
const solution = read('solutions/convolution.ts');
const renamed = read('test/batch/smith-convolution.txt');
const carol = read('test/fixtures/class/carol/convolution.ts');
const dave = read('test/fixtures/class/dave/convolution.ts');
const starterSource = read('exercises/convolution.ts');
const starter: SubmissionPrint = { 'convolution.ts': fingerprintSource(starterSource) };

const print = (source: string): SubmissionPrint => ({ 'convolution.ts': fingerprintSource(source) });
const pairs = (subs: Record<string, string>) => findSimilarPairs(new Map(Object.entries(subs).map(([k, v]) => [k, print(v)])), starter);

describe('tokenize', () => {
  it('ignores names, literals, comments and layout', () => {
    const a = tokenize('const total = 1; // sum\nfor (let i = 0; i < n; i++) total += xs[i] * 2;');
    const b = tokenize('/* x */ const acc=5;\n\n for (let k = 1; k < len; k++)\n  acc += ys[k] * 3.5 ;');
    expect(a.map((t) => t.kind)).toEqual(b.map((t) => t.kind));
    expect(b.find((t) => t.kind === 'for')?.line).toBe(3);
  });
});

describe('winnow', () => {
  it('keeps a fingerprint in every window of w hashes, and is deterministic', () => {
    const kinds = tokenize(solution).map((t) => t.kind);
    const f = winnow(kinds, { k: 5, w: 4 });
    const positions = f.map((x) => x.start);
    for (let i = 1; i < positions.length; i++) expect(positions[i] - positions[i - 1]).toBeLessThanOrEqual(4);
    expect(winnow(kinds, { k: 5, w: 4 })).toEqual(f);
  });
});

describe('findSimilarPairs', () => {
  it('flags a copy with renamed variables and no comments, with the matching regions side by side', () => {
    const found = pairs({ alice: solution, smith: renamed, carol, dave });
    const pair = found.find((p) => [p.a, p.b].sort().join() === 'alice,smith');
    expect(pair, JSON.stringify(found.map((p) => [p.a, p.b, p.similarity]))).toBeDefined();
    expect(pair!.similarity).toBeGreaterThan(0.8);
    const aliceSide = pair!.a === 'alice' ? 'aText' : 'bText';
    const smithSide = pair!.a === 'alice' ? 'bText' : 'aText';
    const region = pair!.regions.find((r) => r[aliceSide].includes('long[i] * short[k - i]'));
    expect(region, 'the inner loop is among the regions').toBeDefined();
    expect(region![smithSide]).toContain('bigger[i] * smaller[k - i]');
    expect(region![aliceSide]).toMatch(/^convolution\.ts\n\s*\d+ \| /);
  });

  it('does not flag independent implementations', () => {
    expect(pairs({ alice: solution, carol, dave })).toEqual([]);
  });

  it('does not flag two students for the starter code they were both given', () => {
    // Both keep the starter's comments and signatures and add their own, different bodies.
    const withBody = (body: string, other: string) => starterSource.replace("throw new Error('not implemented: convolve');", body).replace(/throw new Error\('not implemented: movingAverageKernel'\);/, other);
    const x = withBody('return carolsConvolve(a, v, mode);', 'return Array(width).fill(1 / width);');
    const y = withBody('const out: number[] = []; for (let i = 0; i < a.length + v.length - 1; i++) out.push(0); return out;', 'const w = []; for (let i = 0; i < width; i++) w.push(1 / width); return w;');
    expect(pairs({ x, y })).toEqual([]);
    // ... while the starter alone, handed in unchanged by two students, is not a pair either.
    expect(pairs({ p: starterSource, q: starterSource })).toEqual([]);
  });
});

describe('common code', () => {
  it('flags a ring of three copies, but ignores what most of a large class shares', () => {
    const ring = pairs({ alice: solution, smith: renamed, mallory: solution, carol, dave });
    expect(ring.map((p) => [p.a, p.b].join()).sort()).toEqual(['alice,mallory', 'alice,smith', 'mallory,smith']);
    const everyone = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`s${i}`, solution]));
    expect(pairs(everyone)).toEqual([]);
  });
});
