/**
 * The IDX file format of MNIST (http://yann.lecun.com/exdb/mnist/, "FILE FORMATS"): two zero
 * bytes, a type byte (0x08 = unsigned byte, the only type MNIST uses), the number of dimensions,
 * then each dimension as a big-endian uint32, then the data in row-major order.
 */
export interface IdxArray {
  /** e.g. [60000, 28, 28] for images, [60000] for labels. */
  dims: number[];
  /** A view into the file's bytes, length = product of dims. */
  data: Uint8Array;
}

/** What the caller knows the file must hold; every field given is checked. */
export interface IdxExpectation {
  /** Shape without the leading count, e.g. [28, 28] for images, [] for labels. */
  itemDims?: number[];
  count?: number;
}

const UNSIGNED_BYTE = 0x08;

/**
 * Parses an IDX file of unsigned bytes. `name` only labels the error messages, which say what
 * was wrong and where ("train-images-idx3-ubyte: 47040015 bytes, expected 47040016 ...").
 */
export function parseIdx(bytes: Uint8Array, name: string, expect: IdxExpectation = {}): IdxArray {
  const fail = (why: string): never => {
    throw new Error(`${name}: not a valid IDX file: ${why}`);
  };
  if (bytes.length < 4) fail(`${bytes.length} bytes, too short for a header`);
  if (bytes[0] !== 0 || bytes[1] !== 0) fail(`magic number starts with ${hex(bytes[0])} ${hex(bytes[1])}, expected 0x00 0x00`);
  if (bytes[2] !== UNSIGNED_BYTE) fail(`data type ${hex(bytes[2])}, expected 0x08 (unsigned byte)`);
  const rank = bytes[3];
  if (rank < 1) fail('0 dimensions');
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) fail(`${bytes.length} bytes, too short for a header of ${rank} dimensions`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerLength + size) {
    fail(`${bytes.length} bytes, expected ${headerLength + size} for dimensions [${dims.join(', ')}] (truncated or padded?)`);
  }
  if (expect.itemDims && !sameDims(dims.slice(1), expect.itemDims)) {
    fail(`dimensions [${dims.join(', ')}], expected [count, ${expect.itemDims.join(', ')}]`.replace(', ]', ']'));
  }
  if (expect.count !== undefined && dims[0] !== expect.count) fail(`${dims[0]} items, expected ${expect.count}`);
  return { dims, data: bytes.subarray(headerLength) };
}

function sameDims(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function hex(byte: number | undefined): string {
  return `0x${(byte ?? 0).toString(16).padStart(2, '0')}`;
}
