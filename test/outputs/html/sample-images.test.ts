import { describe, expect, it } from 'vitest';
import { sampleDigit5, testCard } from '../../../datasets/sample-images.js';

describe('sample images', () => {
  it('testCard is size × size in [0, 1] with all four patterns', () => {
    for (const size of [8, 33, 64]) {
      const card = testCard(size);
      expect(card).toHaveLength(size);
      for (const row of card) {
        expect(row).toHaveLength(size);
        for (const v of row) expect(v >= 0 && v <= 1).toBe(true);
      }
    }
    const card = testCard();
    expect(card[0][0]).not.toBe(card[0][2]); // stripes
    expect([card[40][0], card[40][31]]).toEqual([0, 1]); // the ramp, left to right
    expect(card[40].slice(0, 32).every((v, i, row) => i === 0 || v > row[i - 1])).toBe(true);
    expect(card[48][48]).toBe(0.9); // the disc's centre
    expect(card[33][63]).toBe(0.1); // dark ground around it
    expect(() => testCard(4)).toThrow(/size/);
  });

  it('sampleDigit5 is a 28 × 28 image in [0, 1], a fresh copy each time', () => {
    const d = sampleDigit5();
    expect(d).toHaveLength(28);
    expect(d.every((r) => r.length === 28 && r.every((v) => v >= 0 && v <= 1))).toBe(true);
    expect(Math.max(...d.flat())).toBe(1);
    d[0][0] = 7;
    expect(sampleDigit5()[0][0]).toBe(0);
  });

  it('sampleDigit5 is MNIST training digit #0 when the dataset is at hand', async () => {
    let mnist;
    try {
      const { loadMnist } = await import('../../../datasets/mnist.js');
      mnist = await loadMnist({ trainLimit: 1, testLimit: 1, mirrors: [] });
    } catch {
      return; // no local copy: nothing to compare with
    }
    expect(mnist.train.labels[0]).toBe(5);
    expect(sampleDigit5().flat()).toEqual(Array.from(mnist.train.pixels.subarray(0, 784), (level) => level / 255));
  });
});
