import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadVerified, sha256 } from '../../datasets/download.js';
import { serveFiles } from './local-server.js';

const content = new TextEncoder().encode('a small fake IDX file\n'.repeat(100));
const file = { name: 'fake-idx1-ubyte', sha256: sha256(content) };
let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  server = await serveFiles({
    '/gz/fake-idx1-ubyte.gz': gzipSync(content),
    '/raw/fake-idx1-ubyte.gz': content,
    '/wrong/fake-idx1-ubyte.gz': gzipSync(new TextEncoder().encode('something else')),
  });
});
afterAll(() => server.close());

const tempDir = () => mkdtemp(join(tmpdir(), 'mnist-download-'));

describe('downloadVerified', () => {
  it('skips a mirror that fails and unzips what the next one serves', async () => {
    const dir = await tempDir();
    const path = await downloadVerified(file, [`${server.url}/missing/`, `${server.url}/gz/`], dir);
    expect(path).toBe(join(dir, file.name));
    expect(new Uint8Array(await readFile(path))).toEqual(content);
    expect(await readdir(dir)).toEqual([file.name]);
  });

  it('accepts a file served uncompressed', async () => {
    const path = await downloadVerified(file, [`${server.url}/raw/`], await tempDir());
    expect(sha256(new Uint8Array(await readFile(path)))).toBe(file.sha256);
  });

  it('refuses bytes with the wrong hash and says what each mirror did', async () => {
    const dir = await tempDir();
    const attempt = downloadVerified(file, [`${server.url}/missing/`, `${server.url}/wrong/`], dir);
    await expect(attempt).rejects.toThrow(/could not download fake-idx1-ubyte/);
    await expect(attempt).rejects.toThrow(/\/missing\/fake-idx1-ubyte\.gz: HTTP 404/);
    await expect(attempt).rejects.toThrow(new RegExp(`/wrong/fake-idx1-ubyte\\.gz: sha256 [0-9a-f]{64}, expected ${file.sha256}`));
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a body larger than allowed', async () => {
    await expect(downloadVerified(file, [`${server.url}/raw/`], await tempDir(), { maxBytes: 100 }))
      .rejects.toThrow(/more than the 100 bytes allowed/);
  });
});
