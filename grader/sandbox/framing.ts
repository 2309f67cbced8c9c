/**
 * Messages between the grader and a child: a 4-byte big-endian length, then the message in V8's
 * serialization format (keeps NaN, ±Infinity, -0, undefined and typed arrays). A frame longer
 * than the limit is refused before it is buffered.
 */
import { deserialize, serialize } from 'node:v8';

export function encodeFrame(message: unknown): Buffer[] {
  const body = serialize(message);
  const head = Buffer.allocUnsafe(4);
  head.writeUInt32BE(body.length, 0);
  return body.length < 16_384 ? [Buffer.concat([head, body])] : [head, body];
}

export type FrameEvent = { kind: 'message'; message: unknown } | { kind: 'error'; message: string };

export class FrameDecoder {
  /** Unread chunks are chunks[head..]; `head` avoids O(n) shifts when a sender drips bytes. */
  private chunks: Buffer[] = [];
  private head = 0;
  private buffered = 0;
  private expected = -1;
  private failed = false;

  constructor(private readonly maxFrameBytes: number) {}

  /** Feeds bytes; returns the complete messages (and at most one error, after which it stops). */
  push(chunk: Buffer): FrameEvent[] {
    if (this.failed) return [];
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: FrameEvent[] = [];
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < 4) break;
        this.expected = this.take(4).readUInt32BE(0);
        if (this.expected > this.maxFrameBytes) {
          this.fail();
          out.push({ kind: 'error', message: `a message of ${this.expected} bytes is larger than the limit of ${this.maxFrameBytes} bytes` });
          return out;
        }
      }
      if (this.buffered < this.expected) break;
      const body = this.take(this.expected);
      this.expected = -1;
      try {
        out.push({ kind: 'message', message: deserialize(body) });
      } catch (e) {
        this.fail();
        out.push({ kind: 'error', message: `a message could not be read (${e instanceof Error ? e.message : String(e)})` });
        return out;
      }
    }
    if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  private fail(): void {
    this.failed = true;
    this.chunks = [];
    this.head = 0;
  }

  private take(n: number): Buffer {
    const first = this.chunks[this.head]!;
    let result: Buffer;
    if (first.length >= n) {
      result = first.subarray(0, n);
      if (first.length === n) this.head++;
      else this.chunks[this.head] = first.subarray(n);
    } else {
      result = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[this.head]!;
        const k = Math.min(c.length, n - filled);
        c.copy(result, filled, 0, k);
        filled += k;
        if (k === c.length) this.head++;
        else this.chunks[this.head] = c.subarray(k);
      }
    }
    this.buffered -= n;
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    }
    return result;
  }
}
