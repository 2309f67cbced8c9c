import { describe, expect, it } from 'vitest';
import { FrameDecoder, encodeFrame } from '../../grader/sandbox/framing.js';

describe('framing', () => {
  it('round-trips messages split at any byte, keeping NaN and typed arrays', () => {
    const messages = [{ id: 1, v: [NaN, -0, Infinity] }, { id: 2, f: new Float32Array([1.5, 2]) }, { id: 3, big: 'x'.repeat(70_000) }];
    const bytes = Buffer.concat(messages.flatMap((m) => encodeFrame(m)));
    for (const step of [1, 3, 7, 1000, bytes.length]) {
      const d = new FrameDecoder(1 << 20);
      const out: unknown[] = [];
      for (let i = 0; i < bytes.length; i += step) out.push(...d.push(bytes.subarray(i, i + step)).map((e) => (e.kind === 'message' ? e.message : e)));
      expect(out).toEqual(messages);
    }
  });
  it('refuses a frame over the limit before buffering it', () => {
    const d = new FrameDecoder(100);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(101);
    expect(d.push(head)).toEqual([{ kind: 'error', message: 'a message of 101 bytes is larger than the limit of 100 bytes' }]);
    expect(d.push(Buffer.alloc(200))).toEqual([]);
  });
  it('reports garbage instead of throwing', () => {
    const d = new FrameDecoder(100);
    const r = d.push(Buffer.from([0, 0, 0, 3, 0xff, 0x0f, 0x99]));
    expect(r[0]?.kind).toBe('error');
  });
});
