/**
 * Removes the checks a release must not ship from a check file's source: the elements of each
 * `defineChecks('<exercise>', [...])` array whose id is not kept, then every top-level declaration
 * and import left unused (a hidden check's inputs go with it). The rest of the file is unchanged,
 * comments included, so students read the public checks exactly as the instructor wrote them.
 */
import ts from 'typescript';
import { UserError } from '../core/user-error.js';

/** A check file the release cannot cut hidden checks out of: the instructor's to fix. */
export class CannotStrip extends UserError {
  constructor(message: string) {
    super('E_RELEASE_REFUSED', message);
  }
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(text: string, edits: Edit[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

function stringValue(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** The ids declared in a check file, as `<exercise>.<id>`, with the line of each. */
export function declaredChecks(file: string, text: string): { id: string; line: number }[] {
  const out: { id: string; line: number }[] = [];
  forEachDefinition(parse(file, text), file, (exercise, element, id) => out.push({ id: `${exercise}.${id}`, line: lineOf(element) }));
  return out;
}

function lineOf(node: ts.Node): number {
  return node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1;
}

function forEachDefinition(
  source: ts.SourceFile,
  file: string,
  visit: (exercise: string, element: ts.Expression, id: string, array: ts.ArrayLiteralExpression) => void,
): void {
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineChecks') {
      const exercise = stringValue(node.arguments[0]);
      const array = node.arguments[1];
      if (exercise === undefined || !array || !ts.isArrayLiteralExpression(array)) {
        throw new CannotStrip(`${file}:${lineOf(node)}: defineChecks must be called with a literal exercise name and an array literal of checks`);
      }
      for (const element of array.elements) {
        const idProp = ts.isObjectLiteralExpression(element)
          ? element.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'id')
          : undefined;
        const id = stringValue(idProp?.initializer);
        if (id === undefined) throw new CannotStrip(`${file}:${lineOf(element)}: each check must be an object literal with a literal id, so the release can leave hidden checks out`);
        visit(exercise, element, id, array);
      }
      return;
    }
    ts.forEachChild(node, walk);
  };
  walk(source);
}

/** `text` without the checks whose id is not in `keep`, and without what only they used. */
export function stripChecks(file: string, text: string, keep: ReadonlySet<string>): string {
  const source = parse(file, text);
  const byArray = new Map<ts.ArrayLiteralExpression, ts.Expression[]>();
  forEachDefinition(source, file, (exercise, element, id, array) => {
    if (!byArray.has(array)) byArray.set(array, []);
    if (keep.has(`${exercise}.${id}`)) byArray.get(array)!.push(element);
  });
  const edits: Edit[] = [];
  for (const [array, kept] of byArray) {
    if (kept.length === array.elements.length) continue;
    const body = kept.map((e) => e.getFullText()).join(',') + (kept.length > 0 && array.elements.hasTrailingComma ? ',' : '');
    edits.push({ start: array.elements.pos, end: array.elements.end, text: kept.length > 0 ? body : '' });
  }
  return edits.length === 0 ? text : removeUnused(file, applyEdits(text, edits));
}

/** Removes non-exported top-level declarations and import specifiers nothing refers to, to a fixpoint. */
export function removeUnused(file: string, text: string): string {
  for (;;) {
    const source = parse(file, text);
    const uses = new Map<string, number>();
    const count = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) uses.set(node.text, (uses.get(node.text) ?? 0) + 1);
      ts.forEachChild(node, count);
    };
    count(source);
    const unused = (name: ts.Node) => ts.isIdentifier(name) && (uses.get(name.text) ?? 0) <= 1;
    const edits: Edit[] = [];
    for (const st of source.statements) {
      const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported) continue;
      if (ts.isImportDeclaration(st) && st.importClause) {
        const clause = st.importClause;
        const names: ts.Identifier[] = [];
        if (clause.name) names.push(clause.name);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name);
        const specifiers = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
        specifiers?.forEach((s) => names.push(s.name));
        const dead = names.filter(unused);
        if (dead.length === 0) continue;
        if (dead.length === names.length) {
          edits.push({ start: st.getFullStart(), end: st.getEnd(), text: '' });
        } else if (specifiers) {
          const live = specifiers.filter((s) => !unused(s.name)).map((s) => s.getText());
          const deadDefault = clause.name && unused(clause.name);
          const head = clause.name && !deadDefault ? `${clause.name.text}, ` : '';
          const typeOnly = clause.isTypeOnly ? 'type ' : '';
          edits.push({ start: st.getStart(), end: st.getEnd(), text: `import ${typeOnly}${head}{ ${live.join(', ')} } from ${st.moduleSpecifier.getText()};` });
        }
      } else if (ts.isVariableStatement(st)) {
        const decls = st.declarationList.declarations;
        if (decls.every((d) => unused(d.name))) edits.push({ start: st.getFullStart(), end: st.getEnd(), text: '' });
      } else if ((ts.isFunctionDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isClassDeclaration(st)) && st.name && unused(st.name)) {
        edits.push({ start: st.getFullStart(), end: st.getEnd(), text: '' });
      }
    }
    if (edits.length === 0) return text;
    text = applyEdits(text, edits);
  }
}
