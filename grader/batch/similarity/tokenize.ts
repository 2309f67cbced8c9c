/** One token of a source file, normalised as MOSS does: names, numbers and strings lose their text. */
export interface Token {
  /** `I` for any identifier, `N` for a number, `S` for a string or template; keywords and punctuation as written. */
  kind: string;
  line: number;
}

const KEYWORDS = new Set(
  ('break case catch class const continue debugger default delete do else export extends false finally for function if import in ' +
    'instanceof let new null return super switch this throw true try typeof var void while with yield async await of ' +
    'undefined type interface enum implements as readonly number string boolean unknown any never keyof')
    .split(' '),
);

const PUNCTUATION = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>'];

/**
 * Splits JavaScript/TypeScript into normalised tokens; comments and whitespace vanish, so
 * reformatting, recommenting and renaming do not change the token stream.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  const advance = (to: number) => {
    for (let j = i; j < to; j++) if (source.charCodeAt(j) === 10) line++;
    i = to;
  };
  while (i < n) {
    const c = source[i];
    if (c === '\n' || c === ' ' || c === '\t' || c === '\r') {
      advance(i + 1);
    } else if (c === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      advance(end < 0 ? n : end);
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      advance(end < 0 ? n : end + 2);
    } else if (c === '"' || c === "'" || c === '`') {
      const start = line;
      let j = i + 1;
      while (j < n && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'S', line: start });
      advance(Math.min(n, j + 1));
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^(?:0[xXbBoO][0-9a-fA-F_]+n?|(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?n?)/.exec(source.slice(i, i + 64));
      tokens.push({ kind: 'N', line });
      advance(i + (m ? m[0].length : 1));
    } else if (/[A-Za-z_$\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(source[j])) j++;
      const word = source.slice(i, j);
      tokens.push({ kind: KEYWORDS.has(word) ? word : 'I', line });
      advance(j);
    } else {
      const op = PUNCTUATION.find((p) => source.startsWith(p, i)) ?? c;
      tokens.push({ kind: op, line });
      advance(i + op.length);
    }
  }
  return tokens;
}
