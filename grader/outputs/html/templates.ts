import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { codeSpans } from './view/code-spans.js';

const DIR = new URL('./templates/', import.meta.url);

/**
 * The report's handlebars environment: its own instance (nothing registered globally), every
 * partial under templates/partials/, two helpers. Templates use `{{…}}` only, which escapes;
 * charts come in as Handlebars.SafeString made by the SVG helpers, which escape their own text;
 * `{{code text}}` escapes the text and shows its `backticked` parts as <code>.
 */
function environment(): typeof Handlebars {
  const hbs = Handlebars.create();
  for (const file of readdirSync(new URL('partials/', DIR))) {
    if (file.endsWith('.hbs')) hbs.registerPartial(file.slice(0, -4), readFileSync(new URL(`partials/${file}`, DIR), 'utf8'));
  }
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('code', (text: unknown) =>
    new hbs.SafeString(
      codeSpans(String(text ?? ''))
        .map((s) => (s.code ? `<code>${hbs.escapeExpression(s.text)}</code>` : hbs.escapeExpression(s.text)))
        .join(''),
    ),
  );
  return hbs;
}

let env: typeof Handlebars | undefined;
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** The template `templates/<name>.hbs`, compiled once per process (trained-figures: the studio's figures of a model trained in the page). */
export function template(name: 'report' | 'summary' | 'trained-figures'): Handlebars.TemplateDelegate {
  env ??= environment();
  let t = compiled.get(name);
  if (!t) {
    t = env.compile(readFileSync(new URL(`${name}.hbs`, DIR), 'utf8'), { strict: false, preventIndent: true });
    compiled.set(name, t);
  }
  return t;
}
