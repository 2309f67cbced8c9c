/**
 * The registry a release of some exercises ships (a homework): grader/exercises/registry.ts with
 * the other exercises' imports and list entries cut out, so their folders are not in the release's
 * import closure and the ids its types allow are the released ones (and those of stubs the
 * released stubs import). The rest of the file is kept as written.
 */
import ts from 'typescript';
import { applyEdits, CannotStrip, type Edit } from './strip-hidden.js';

const MODULE = /^\.\/([\w-]+)\/index\.js$/;

export function selectRegistry(file: string, text: string, keep: ReadonlySet<string>, typedOnly: readonly string[] = []): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const dropped = new Set<string>();
  const edits: Edit[] = [];
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const id = MODULE.exec(st.moduleSpecifier.text)?.[1];
    if (id === undefined || keep.has(id)) continue;
    const bindings = st.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || st.importClause?.name) throw new CannotStrip(`${file}: import the exercise ${id} as \`import { ${id} } from './${id}/index.js'\`, so a release can leave it out`);
    for (const s of bindings.elements) dropped.add(s.name.text);
    edits.push({ start: st.getFullStart(), end: st.getEnd(), text: '' });
  }
  // Every other mention of a dropped module must be an element of the one list of modules.
  let listed = 0;
  const walk = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node) && node.elements.some((e) => ts.isIdentifier(e) && dropped.has(e.text))) {
      const kept = node.elements.filter((e) => !(ts.isIdentifier(e) && dropped.has(e.text)));
      edits.push({ start: node.elements.pos, end: node.elements.end, text: kept.map((e) => e.getText()).join(', ') });
      listed += node.elements.length - kept.length;
      return;
    }
    if (ts.isIdentifier(node) && dropped.has(node.text) && !ts.isImportSpecifier(node.parent)) throw new CannotStrip(`${file}: ${node.text} is used outside the list of exercise modules, so a release cannot leave it out`);
    ts.forEachChild(node, walk);
  };
  walk(source);
  if (listed !== dropped.size) throw new CannotStrip(`${file}: each exercise module must be listed once in one array literal, so a release can leave it out`);
  return applyEdits(text, edits) + typesOf(typedOnly);
}

/**
 * The types of exercises whose stubs ship without their module (another homework's file that a
 * released stub imports): the released checks that call their reference type-check.
 */
function typesOf(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const lines = ids.map((id) => `    ${id}: typeof import('../../exercises/${id}.js');`);
  return `\n// Another homework's exercises, imported by this one's files: typed, not graded here.\ndeclare module '../core/reference.js' {\n  interface Reference {\n${lines.join('\n')}\n  }\n}\n`;
}
