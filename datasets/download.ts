import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** What to fetch: `<mirror><name>.gz` (or the raw file), whose uncompressed bytes hash to `sha256`. */
export interface VerifiedFile {
  name: string;
  sha256: string;
}

export interface DownloadOptions {
  /** Per request; the MNIST training images are ~10 MB gzipped. */
  timeoutMs?: number;
  /** Refuse larger bodies, so a wrong URL cannot fill the disk. */
  maxBytes?: number;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** gzip starts with 0x1f 0x8b; anything else is taken as the raw file. */
export function gunzipIfNeeded(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
}

/**
 * Fetches `file` from the first mirror that serves bytes with the right hash and writes the
 * uncompressed file to `destDir/<name>` (via a temporary name, so a crash leaves no half file).
 * Throws an error listing what each mirror did wrong.
 */
export async function downloadVerified(
  file: VerifiedFile,
  mirrors: readonly string[],
  destDir: string,
  { timeoutMs = 120_000, maxBytes = 64 << 20 }: DownloadOptions = {},
): Promise<string> {
  const problems: string[] = [];
  for (const mirror of mirrors) {
    const url = `${mirror}${file.name}.gz`;
    try {
      const bytes = gunzipIfNeeded(await fetchBytes(url, timeoutMs, maxBytes));
      const got = sha256(bytes);
      if (got !== file.sha256) throw new Error(`sha256 ${got}, expected ${file.sha256}`);
      await mkdir(destDir, { recursive: true });
      const dest = join(destDir, file.name);
      const temporary = `${dest}.${process.pid}.part`;
      await writeFile(temporary, bytes);
      await rename(temporary, dest).catch(async (error: unknown) => {
        await rm(temporary, { force: true });
        throw error;
      });
      return dest;
    } catch (error) {
      problems.push(`${url}: ${(error as Error).message}`);
    }
  }
  throw new Error(`could not download ${file.name}:\n  ${problems.join('\n  ') || 'no mirrors given'}`);
}

async function fetchBytes(url: string, timeoutMs: number, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    length += chunk.length;
    if (length > maxBytes) throw new Error(`more than the ${maxBytes} bytes allowed`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, length);
}
