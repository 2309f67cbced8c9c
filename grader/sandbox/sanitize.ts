/**
 * Text from untrusted code (error messages, captured output) made safe to show: ANSI escape
 * sequences, control characters (but newline and tab) and bidirectional overrides removed,
 * ill-formed UTF-16 repaired, length capped. HTML escaping is the outputs' job.
 */
// CSI (ESC [ ... final), OSC (ESC ] ... BEL | ESC \), other two-character escapes; also the 8-bit CSI.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]?/g;
// C0 (but \t and \n), DEL, C1, bidi embeddings/overrides/isolates, line/paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

export function sanitizeText(text: string, maxChars: number): string {
  let s = String(text);
  // Cap first (generously) so that a huge string costs little, then clean, then cap exactly.
  if (s.length > maxChars * 4 + 64) s = s.slice(0, maxChars * 4 + 64);
  s = s.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
  s = toWellFormed(s);
  if (s.length > maxChars) {
    const more = s.length - maxChars;
    s = `${toWellFormed(s.slice(0, maxChars))}… [${more} more characters not shown]`;
  }
  return s;
}

function toWellFormed(s: string): string {
  const f = (s as unknown as { toWellFormed?: () => string }).toWellFormed;
  return typeof f === 'function' ? f.call(s) : s.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
    const code = c.charCodeAt(0);
    if (code < 0xdc00) { const n = all.charCodeAt(i + 1); return n >= 0xdc00 && n <= 0xdfff ? c : '\ufffd'; }
    const p = all.charCodeAt(i - 1); return p >= 0xd800 && p < 0xdc00 ? c : '\ufffd';
  });
}

/** A child's stdout + stderr for one exercise: the first `capBytes` kept, the rest counted. */
export class OutputBuffer {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private readonly capBytes: number) {}

  append(chunk: Buffer): void {
    const room = this.capBytes - this.kept;
    if (room > 0) {
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(Buffer.from(part));
      this.kept += part.length;
    }
    this.dropped += Math.max(0, chunk.length - Math.max(room, 0));
  }

  /** Decoded (invalid UTF-8 becomes U+FFFD), sanitised, with a note of what was dropped. */
  text(): string {
    const raw = Buffer.concat(this.chunks).toString('utf8');
    const clean = sanitizeText(raw, this.capBytes);
    return this.dropped > 0 ? `${clean}\n… [${this.dropped} more bytes of output not shown]` : clean;
  }
}
