import { createRequire } from 'node:module';
import { createWriteStream, mkdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../core/user-error.js';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** buffer-crc32 is CommonJS typed with `export =`: loaded through require for its types. */
const crc32 = createRequire(import.meta.url)('buffer-crc32') as typeof import('buffer-crc32');

/** A zip the grader refuses to open; its message is shown in the gradebook's error column. */
export class ZipError extends UserError {
  constructor(message: string) {
    super('E_ZIP', message);
  }
}

export interface UnzipLimits {
  /** Size of the .zip file itself. */
  maxZipBytes: number;
  /** Sum of the uncompressed sizes: more is taken as a zip bomb. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** One student's upload. */
export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxZipBytes: 100 * 2 ** 20, maxTotalBytes: 50 * 2 ** 20, maxEntries: 5_000 };

/** A whole class's export from an LMS (Canvas "Download Submissions", Gradescope, Moodle): larger, same guards. */
export const EXPORT_UNZIP_LIMITS: UnzipLimits = { maxZipBytes: 8 * 2 ** 30, maxTotalBytes: 16 * 2 ** 30, maxEntries: 200_000 };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/**
 * Extracts a zip into `dest` with yauzl (ZIP64 and data descriptors included), refusing anything
 * unsafe: entries named with `..`, an absolute path or a drive letter, symlinks and other
 * non-regular files, encryption, methods other than stored and deflate, too many entries, a total
 * uncompressed size over the cap (checked on the declared sizes first and again on the bytes
 * really inflated, so a lying header cannot get past it), entries whose inflated size or CRC
 * differ from what they declare, and duplicate names. macOS's `__MACOSX/` resource forks are
 * skipped. Returns the files written, relative to `dest`.
 */
export async function unzipSafely(zipFile: string, dest: string, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): Promise<string[]> {
  const name = path.basename(zipFile);
  const size = statSync(zipFile).size;
  if (size > limits.maxZipBytes) throw new ZipError(`${name} is ${mb(size)}, over the ${mb(limits.maxZipBytes)} limit`);
  const zip = await open(zipFile, name);
  try {
    if (zip.entryCount > limits.maxEntries) throw new ZipError(`${name} has ${zip.entryCount} entries, over the limit of ${limits.maxEntries}`);
    const entries = await readEntries(zip, name);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxTotalBytes) throw new ZipError(`${name} unpacks to ${mb(declared)}, over the ${mb(limits.maxTotalBytes)} limit (a zip bomb?)`);
    const root = path.resolve(dest);
    mkdirSync(root, { recursive: true });
    const written: string[] = [];
    const budget = { left: limits.maxTotalBytes };
    for (const e of entries) {
      if (e.fileName.split('/')[0] === '__MACOSX') continue;
      const target = path.resolve(root, e.fileName);
      if (target !== root && !target.startsWith(root + path.sep)) throw new ZipError(`${name}: entry '${e.fileName}' points outside the folder`);
      if (isDirectory(e)) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      await extract(zip, e, target, name, budget);
      written.push(e.fileName);
    }
    return written;
  } finally {
    zip.close();
  }
}

function open(zipFile: string, name: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames off: a Windows zip's backslashes become slashes, then the checks below apply.
    yauzl.open(zipFile, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) reject(new ZipError(describe(err, name)));
      else resolve(zip);
    });
  });
}

function readEntries(zip: ZipFile, name: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    const seen = new Set<string>();
    const fail = (message: string) => {
      zip.removeAllListeners();
      reject(new ZipError(message));
    };
    zip.on('error', (err: Error) => fail(describe(err, name)));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (e: Entry) => {
      const refusal = refuse(e, name);
      if (refusal) return fail(refusal);
      const key = e.fileName.replace(/\/+$/, '');
      if (seen.has(key) && !isDirectory(e)) return fail(`${name}: entry ${shown(e.fileName)} appears twice`);
      seen.add(key);
      entries.push(e);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** Why an entry is refused, from its central directory record; undefined when it is safe to extract. */
function refuse(e: Entry, name: string): string | undefined {
  const s = shown(e.fileName);
  if (e.fileName.length === 0 || e.fileName.includes('\0')) return `${name}: entry ${s} has an invalid name`;
  const type = e.versionMadeBy >> 8 === 3 ? (e.externalFileAttributes >>> 16) & S_IFMT : 0;
  if (type === S_IFLNK) return `${name}: entry ${s} is a symbolic link; symlinks are not accepted`;
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) return `${name}: entry ${s} is not a regular file`;
  if (e.isEncrypted()) return `${name}: entry ${s} is encrypted`;
  if (!isDirectory(e) && e.compressionMethod !== 0 && e.compressionMethod !== 8) return `${name}: entry ${s} uses compression method ${e.compressionMethod}; only stored and deflate are accepted`;
  return undefined;
}

function isDirectory(e: Entry): boolean {
  return e.fileName.endsWith('/') || (e.versionMadeBy >> 8 === 3 && ((e.externalFileAttributes >>> 16) & S_IFMT) === S_IFDIR);
}

async function extract(zip: ZipFile, e: Entry, target: string, name: string, budget: { left: number }): Promise<void> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(e, (err, s) => (err || !s ? reject(new ZipError(describe(err, name))) : resolve(s))),
  );
  let crc: Buffer = crc32(Buffer.alloc(0));
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      budget.left -= chunk.length;
      if (budget.left < 0) return done(new ZipError(`${name} unpacks to more than the size limit (a zip bomb?)`));
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, guard, createWriteStream(target, { mode: 0o644, flags: 'wx' }));
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(describe(err, name, e.fileName));
  }
  if (crc.readUInt32BE(0) !== e.crc32 >>> 0) throw new ZipError(`${name} is damaged: checksum mismatch in ${shown(e.fileName)}`);
  // The entry's own date: of two copies of a file, the intake grades the newer.
  const date = e.getLastModDate();
  if (Number.isFinite(date.getTime())) utimesSync(target, date, date);
}

/** yauzl's and zlib's messages, in the grader's words. */
function describe(err: unknown, name: string, entry?: string): string {
  const m = err instanceof Error ? err.message : String(err);
  const what = /: (.*)$/.exec(m)?.[1] ?? entry ?? '';
  if (/^absolute path/.test(m)) return `${name}: entry ${shown(what)} has an absolute path`;
  if (/^invalid relative path/.test(m)) return `${name}: entry ${shown(what)} contains '..'`;
  if (/end of central directory record signature not found/i.test(m)) return `${name} is not a zip file (or it is damaged): no end of central directory`;
  if (/too many bytes in the stream|not enough bytes in the stream/.test(m)) return `${name}: ${shown(entry ?? '')} inflates to another size than it declares (a zip bomb, or damaged)`;
  if (/invalid (stored|distance|block|code)|unexpected end|incorrect header check|invalid .* length/i.test(m)) return `${name} is damaged: cannot inflate ${shown(entry ?? '')}`;
  return `${name} cannot be read as a zip: ${m}`;
}

function shown(fileName: string): string {
  return JSON.stringify(fileName.slice(0, 200));
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
