import { describe, expect, it } from 'vitest';
import { OutputBuffer, sanitizeText } from '../../grader/sandbox/sanitize.js';

describe('sanitizeText', () => {
  it('removes ANSI sequences, control characters and bidi overrides, keeps newlines and tabs', () => {
    const s = sanitizeText('\u001b[31mred\u001b[0m\tok\r\nnext\u0007\u0000\u001b]0;title\u0007\u202eevil\u009b2J', 100);
    expect(s).toBe('red\tok\nnextevil');
  });
  it('leaves HTML alone (escaping is the outputs\' job)', () => {
    expect(sanitizeText('<script>x</script> & "q"', 100)).toBe('<script>x</script> & "q"');
  });
  it('caps the length and says how much was cut', () => {
    const s = sanitizeText('a'.repeat(5000), 2000);
    expect(s.startsWith('a'.repeat(2000) + '…')).toBe(true);
    expect(s).toMatch(/3000 more characters not shown/);
  });
  it('repairs lone surrogates', () => {
    expect(sanitizeText('a\ud800b', 10)).toBe('a\ufffdb');
  });
});

describe('OutputBuffer', () => {
  it('keeps the first bytes, counts the rest, decodes bad UTF-8 safely', () => {
    const b = new OutputBuffer(10);
    b.append(Buffer.from('\u001b[1mhello '));
    b.append(Buffer.from([0xff, 0xfe]));
    b.append(Buffer.from('world and more'));
    const t = b.text();
    expect(t).not.toContain('\u001b');
    expect(t).toMatch(/^hello/);
    expect(t).toMatch(/more bytes of output not shown/);
  });
});
