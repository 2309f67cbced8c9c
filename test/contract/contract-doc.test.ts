/**
 * docs/contract.md and the stubs in exercises/ say the same: every export a bullet names has the
 * stub's signature (parameters and return type, as the stub declares them), every export of a
 * stub is named in its section, every exported type is declared in the page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const page = readFileSync('docs/contract.md', 'utf8');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `name(params): type` for functions, `name: type` for constants, as the stub declares them. */
function stubExports(file: string): { values: Map<string, string>; types: string[] } {
  const src = ts.createSourceFile(file, readFileSync(`exercises/${file}`, 'utf8'), ts.ScriptTarget.Latest, true);
  const values = new Map<string, string>();
  const types: string[] = [];
  for (const st of src.statements) {
    if (!ts.canHaveModifiers(st) || !ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isFunctionDeclaration(st) && st.name) {
      values.set(st.name.text, norm(`${st.name.text}(${st.parameters.map((p) => p.getText()).join(', ')}): ${st.type?.getText() ?? 'void'}`));
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) values.set(d.name.getText(), norm(`${d.name.getText()}: ${d.type?.getText() ?? '(no type)'}`));
    } else if ((ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st))) {
      types.push(st.name.text);
    }
  }
  return { values, types };
}

/** The page's section for `exercises/<file>`: the signatures its bullets start with. */
function documented(file: string): Map<string, string> {
  const section = page.split(/^## /m).find((s) => s.startsWith(`exercises/${file} `));
  if (!section) throw new Error(`docs/contract.md has no section for exercises/${file}`);
  const found = new Map<string, string>();
  for (const line of section.split('\n').filter((l) => l.startsWith('- `'))) {
    // One or more code spans, separated by commas, before the dash that starts the description.
    const lead = /^- ((?:`[^`]+`(?:, )?)+)/.exec(line)![1]!;
    for (const [, sig] of lead.matchAll(/`([^`]+)`/g)) found.set(/^[A-Za-z_]\w*/.exec(sig!)![0], norm(sig!));
  }
  return found;
}

const files = readdirSync('exercises').filter((f) => f.endsWith('.ts')).sort();

describe('docs/contract.md agrees with the stubs in exercises/', () => {
  it('has a section for every stub', () => {
    for (const f of files) expect(page, f).toContain(`## exercises/${f} `);
  });

  for (const f of files) {
    it(`${f}: the same exports, with the same signatures`, () => {
      const stub = stubExports(f);
      const doc = documented(f);
      expect([...doc.keys()].sort(), 'exports named in the page vs exported by the stub').toEqual([...stub.values.keys()].sort());
      for (const [name, sig] of doc) expect(sig, `${name} in docs/contract.md`).toBe(stub.values.get(name));
      for (const t of stub.types) expect(page, `type ${t} declared in docs/contract.md`).toMatch(new RegExp(`(type|interface) ${t}\\b`));
    });
  }

});

describe('a clone holds what it names', () => {
  // The course's shared folder beside the repository, which a user's clone does not have
  // (spelled in pieces so that this file does not match itself). Attack fixtures that aim at
  // absolute paths on purpose are not references.
  const outside = new RegExp(['\\.\\./', 'shared/', '|', '/work/', 'shared/'].join(''));
  const skip = new Set(['node_modules', '.git', '.tmp', 'reports', 'cache']);
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (skip.has(e.name) ? [] : e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));

  it('no file of the project points outside the repository', () => {
    const offenders = walk('.').filter((f) => !/\.(png|gz|zip|wasm|bin)$/.test(f) && outside.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
