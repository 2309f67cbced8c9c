/**
 * Text written for readers with `backticks` around code (check descriptions, messages, hints):
 * the pieces, so that the report and the studio show the code as <code> instead of the backticks.
 * An unmatched backtick stays as it is.
 */
export interface Span {
  text: string;
  code: boolean;
}

export function codeSpans(text: string): Span[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [{ text, code: false }];
  return parts.map((t, i) => ({ text: t, code: i % 2 === 1 })).filter((s) => s.text !== '');
}
