import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/** A zip the grader refuses to open; its message is shown in the gradebook's error column. */
export class ZipError extends Error {}

export interface UnzipLimits {
  /** Size of the .zip file itself. */
  maxZipBytes: number;
  /** Sum of the uncompressed sizes: more is taken as a zip bomb. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = { maxZipBytes: 100 * 2 ** 20, maxTotalBytes: 50 * 2 ** 20, maxEntries: 5_000 };

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  isDir: boolean;
}

/**
 * Extracts a zip (Gradescope and Canvas exports) into `dest`, refusing anything unsafe: entries
 * named with `..`, an absolute path or a drive letter, symlinks and other non-regular files,
 * encryption, ZIP64, methods other than stored and deflate, a total uncompressed size over the
 * cap (checked on the declared sizes and again while inflating, so a lying header cannot get
 * past it), and CRC mismatches. macOS's `__MACOSX/` resource forks are skipped. Returns the
 * files written, relative to `dest`.
 */
export function unzipSafely(zipFile: string, dest: string, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): string[] {
  const name = path.basename(zipFile);
  const size = statSync(zipFile).size;
  if (size > limits.maxZipBytes) throw new ZipError(`${name} is ${mb(size)}, over the ${mb(limits.maxZipBytes)} limit for a submission`);
  const buf = readFileSync(zipFile);
  const entries = readCentralDirectory(buf, name, limits);
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > limits.maxTotalBytes) throw new ZipError(`${name} unpacks to ${mb(declared)}, over the ${mb(limits.maxTotalBytes)} limit (a zip bomb?)`);
  const root = path.resolve(dest);
  mkdirSync(root, { recursive: true });
  const written: string[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.name.split('/')[0] === '__MACOSX') continue;
    const target = path.resolve(root, e.name);
    if (target !== root && !target.startsWith(root + path.sep)) throw new ZipError(`${name}: entry '${e.name}' points outside the folder`);
    if (e.isDir) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    const data = readData(buf, e, name, limits.maxTotalBytes - total);
    total += data.length;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data, { mode: 0o644, flag: 'wx' });
    written.push(e.name);
  }
  return written;
}

function readCentralDirectory(buf: Buffer, name: string, limits: UnzipLimits): Entry[] {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipError(`${name} is not a zip file (or it is damaged): no end of central directory`);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError(`${name} is a ZIP64 archive, which the grader does not open; zip the folder again without ZIP64`);
  if (count > limits.maxEntries) throw new ZipError(`${name} has ${count} entries, over the limit of ${limits.maxEntries}`);
  if (cdOffset + cdSize > eocd) throw new ZipError(`${name} is damaged: the central directory lies outside the file`);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError(`${name} is damaged: bad central directory entry ${i + 1}`);
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    const localOffset = buf.readUInt32LE(p + 42);
    const raw = buf.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    p += 46 + nameLen + extraLen + commentLen;
    const entryName = raw.replace(/\\/g, '/');
    const shown = JSON.stringify(entryName.slice(0, 200));
    if (entryName.includes('\0') || entryName.length === 0) throw new ZipError(`${name}: entry ${shown} has an invalid name`);
    if (entryName.startsWith('/') || /^[a-zA-Z]:/.test(entryName)) throw new ZipError(`${name}: entry ${shown} has an absolute path`);
    if (entryName.split('/').includes('..')) throw new ZipError(`${name}: entry ${shown} contains '..'`);
    const unixType = madeBy >> 8 === 3 ? (external >>> 16) & 0o170000 : 0;
    if (unixType === 0o120000) throw new ZipError(`${name}: entry ${shown} is a symbolic link; symlinks are not accepted`);
    const isDir = entryName.endsWith('/') || unixType === 0o040000;
    if (unixType !== 0 && unixType !== 0o100000 && unixType !== 0o040000) throw new ZipError(`${name}: entry ${shown} is not a regular file`);
    if (flags & 0x1) throw new ZipError(`${name}: entry ${shown} is encrypted`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError(`${name} is a ZIP64 archive, which the grader does not open`);
    if (!isDir && method !== 0 && method !== 8) throw new ZipError(`${name}: entry ${shown} uses compression method ${method}; only stored and deflate are accepted`);
    const key = entryName.replace(/\/+$/, '');
    if (seen.has(key) && !isDir) throw new ZipError(`${name}: entry ${shown} appears twice`);
    seen.add(key);
    entries.push({ name: entryName, method, flags, crc, compressedSize, size, localOffset, isDir });
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

function readData(buf: Buffer, e: Entry, name: string, budget: number): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new ZipError(`${name} is damaged: bad local header for '${e.name}'`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new ZipError(`${name} is damaged: '${e.name}' is truncated`);
  const packed = buf.subarray(start, start + e.compressedSize);
  let data: Buffer;
  if (e.method === 0) data = Buffer.from(packed);
  else {
    try {
      // Never inflate past the declared size nor past what is left of the total budget.
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, Math.min(e.size, budget)) });
    } catch (err) {
      const tooBig = err instanceof RangeError || /larger than|maxOutputLength|buffer/i.test(String(err));
      throw new ZipError(tooBig ? `${name}: '${e.name}' inflates to more than it declares or the size limit allows (a zip bomb?)` : `${name} is damaged: cannot inflate '${e.name}'`);
    }
  }
  if (data.length !== e.size) throw new ZipError(`${name} is damaged: '${e.name}' has ${data.length} bytes, not the ${e.size} it declares`);
  if (data.length > budget) throw new ZipError(`${name} unpacks to more than the size limit (a zip bomb?)`);
  if (crc32(data) !== e.crc) throw new ZipError(`${name} is damaged: checksum mismatch in '${e.name}'`);
  return data;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function mb(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
