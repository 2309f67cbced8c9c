/** Building the page's elements: strings become text nodes, never markup. */
import { codeSpans } from '../../outputs/html/view/code-spans.js';

export type Child = Node | string | null | undefined | false;

/** An element with attributes and children; strings become text nodes, never markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== false) el.setAttribute(k, v === true ? '' : v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** Text with its `backticked` parts as <code> elements (still text nodes inside). */
export function richText(text: string): Node[] {
  return codeSpans(text).map((s) => (s.code ? h('code', {}, s.text) : document.createTextNode(s.text)));
}
