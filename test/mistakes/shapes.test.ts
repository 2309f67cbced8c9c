import { describe, expect, it } from 'vitest';
import { describeDifference, type Pair } from '../../grader/mistakes/shapes.js';

const A = [[1.25, 2.5, -3.75], [4.5, 0.5, 6]];
const B = [[0.5, -1.5, 2.25], [7, 8.75, -2]];
const on = (f: (m: number[][]) => number[][]): Pair[] => [A, B].map((m) => ({ name: 'rotate', got: f(m), expected: m }));

describe('what a wrong output has in common with the expected one', () => {
  it.each([
    ['rounded toward zero (truncated)', (m: number[][]) => m.map((r) => r.map(Math.trunc))],
    ['rounded down (floor)', (m: number[][]) => m.map((r) => r.map(Math.floor))],
    ['all zeros', (m: number[][]) => m.map((r) => r.map(() => 0))],
    ['mirrored left–right', (m: number[][]) => m.map((r) => [...r].reverse())],
    ['mirrored top–bottom', (m: number[][]) => [...m].reverse()],
    ['times 2', (m: number[][]) => m.map((r) => r.map((x) => 2 * x))],
    ['opposite sign', (m: number[][]) => m.map((r) => r.map((x) => -x))],
    ['plus 1 everywhere', (m: number[][]) => m.map((r) => r.map((x) => x + 1))],
    ['every negative value replaced by 0', (m: number[][]) => m.map((r) => r.map((x) => Math.max(0, x)))],
    ['shifted by one pixel to the right', (m: number[][]) => m.map((r) => [9, ...r.slice(0, -1)])],
    ['outputs of another size (3×2 instead of 2×3)', (m: number[][]) => m[0].map((_, c) => m.map((r) => r[c] + 0.5))],
    ['larger than the expected one (4×5 instead of 2×3)', (m: number[][]) => [[0, 0, 0, 0, 0], ...m.map((r) => [0, ...r, 0]), [0, 0, 0, 0, 0]]],
  ])('%s', (words, f) => {
    expect(describeDifference(on(f))).toContain(words);
  });

  it('says nothing from one wrong output, or when no shape test holds for all of them', () => {
    expect(describeDifference(on((m) => m.map((r) => r.map(Math.trunc))).slice(0, 1))).toBeUndefined();
    expect(describeDifference([{ name: 'f', got: [[1, 2]], expected: [[1.5, 2.5]] }, { name: 'f', got: [[3, 1]], expected: [[1, 3]] }])).toBeUndefined();
  });

  it('reports each key of an object answer', () => {
    const pairs = [A, B].map((m) => ({ name: 'gradients', got: { x: m, y: m.map((r) => r.map((v) => -v)) }, expected: { x: m, y: m } }));
    expect(describeDifference(pairs)).toBe('What your output has in common with the expected one: gradients(…).y returned the expected one with the opposite sign (on 2 inputs the grader tried).');
  });
});
