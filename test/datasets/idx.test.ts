import { describe, expect, it } from 'vitest';
import { parseIdx } from '../../datasets/idx.js';

/** An IDX file of unsigned bytes with the given dimensions, data 0, 1, 2, ... */
function idx(dims: number[], extraBytes = 0): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + size + extraBytes);
  bytes.set([0, 0, 0x08, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < size; i++) bytes[4 + 4 * dims.length + i] = i % 256;
  return bytes;
}

describe('parseIdx', () => {
  it('reads the dimensions and a view of the data', () => {
    const parsed = parseIdx(idx([3, 2, 2]), 'f', { itemDims: [2, 2], count: 3 });
    expect(parsed.dims).toEqual([3, 2, 2]);
    expect(Array.from(parsed.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('reads labels (one dimension)', () => {
    expect(parseIdx(idx([5]), 'labels', { itemDims: [], count: 5 }).dims).toEqual([5]);
  });

  it.each([
    ['a wrong magic number', () => { const b = idx([2]); b[0] = 1; return b; }, /magic number starts with 0x01 0x00/],
    ['a type other than unsigned byte', () => { const b = idx([2]); b[2] = 0x0d; return b; }, /data type 0x0d, expected 0x08/],
    ['zero dimensions', () => new Uint8Array([0, 0, 8, 0]), /0 dimensions/],
    ['a header cut short', () => idx([2, 2]).subarray(0, 9), /too short for a header of 2 dimensions/],
    ['a truncated file', () => idx([3, 2, 2]).subarray(0, 25), /25 bytes, expected 28 .*truncated/],
    ['trailing bytes', () => idx([3, 2, 2], 1), /29 bytes, expected 28/],
    ['three bytes', () => new Uint8Array(3), /too short for a header/],
  ])('refuses %s, naming the file', (_, make, message) => {
    expect(() => parseIdx(make(), 'train-images-idx3-ubyte')).toThrow(message);
    expect(() => parseIdx(make(), 'train-images-idx3-ubyte')).toThrow(/^train-images-idx3-ubyte: not a valid IDX file/);
  });

  it('refuses images of the wrong size and the wrong number of items', () => {
    expect(() => parseIdx(idx([2, 3, 3]), 'f', { itemDims: [2, 2] })).toThrow('dimensions [2, 3, 3], expected [count, 2, 2]');
    expect(() => parseIdx(idx([2, 2]), 'f', { itemDims: [] })).toThrow('dimensions [2, 2], expected [count]');
    expect(() => parseIdx(idx([4]), 'f', { count: 5 })).toThrow('4 items, expected 5');
  });
});
