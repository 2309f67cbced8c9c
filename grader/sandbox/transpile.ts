/**
 * Turns a submission folder into plain ES modules in a temp folder, file by file (esbuild
 * transforms each file; nothing is bundled), rewriting imports: relative ones to the transpiled
 * names, allowed packages to this repository's copy, Node's built-ins to `node:` names.
 * Any other import — outside the folder (`..`, absolute, a symbolic link that leaves it) or to
 * another package — refuses the whole exercise with a message that names the file and the import.
 */
import { build, type Plugin } from 'esbuild';
import { lstat, mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { allowedPackageOf, resolveAllowedPackage } from './packages.js';

export type PreparedExercise =
  | { ok: true; sourceName: string; modulePath: string }
  | { ok: false; sourceName: string; message: string };

const EXERCISE_EXTENSIONS = ['.ts', '.js', '.mjs'];
const IMPORTABLE = new Set(['.ts', '.mts', '.js', '.mjs']);
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 200;
const ONLY = 'a submission may import only its own files, Node\'s built-ins and @tensorflow/tfjs';

interface FileResult {
  outPath: string;
  deps: string[];
  problem?: string;
}

/** A submission folder whose exercise files are transpiled on first use. */
export interface PreparedSubmission {
  /** `<id>.ts` (or .js, .mjs) and what it imports, transpiled once; one that cannot be prepared carries the reason. */
  exercise(id: string): Promise<PreparedExercise>;
}

/** Opens `dir` for transpiling into `outDir`; exercises are transpiled when first asked for. */
export async function prepareSubmission(dir: string, outDir: string, place: (packageFile: string) => string = (f) => f): Promise<PreparedSubmission> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    throw new Error(`sandbox: cannot read the submission folder ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const t = new Transpiler(root, outDir, place);
  const prepared = new Map<string, Promise<PreparedExercise>>();
  return {
    exercise(id) {
      if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`sandbox: '${id}' is not an exercise name`);
      let p = prepared.get(id);
      if (!p) prepared.set(id, (p = t.exercise(id)));
      return p;
    },
  };
}

class Transpiler {
  private readonly files = new Map<string, Promise<FileResult>>();
  private readonly taken = new Map<string, string>();

  constructor(private readonly root: string, private readonly outDir: string, private readonly place: (packageFile: string) => string) {}

  async exercise(id: string): Promise<PreparedExercise> {
    let found: string | undefined;
    for (const ext of EXERCISE_EXTENSIONS) {
      const name = id + ext;
      const st = await lstat(join(this.root, name)).catch(() => undefined);
      if (st) { found = name; break; }
    }
    if (!found) return { ok: false, sourceName: `${id}.ts`, message: `the submission has no ${id}.ts (nor ${id}.js or ${id}.mjs)` };
    const sourceName = found;
    const real = await this.inside(join(this.root, found));
    if (typeof real !== 'string') return { ok: false, sourceName, message: `${found} ${real.problem}` };
    // Transpile the file and everything it imports; the first problem refuses the exercise.
    const seen = new Set<string>();
    const queue = [real];
    let entry: FileResult | undefined;
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (seen.size > MAX_FILES) return { ok: false, sourceName, message: `${found} imports more than ${MAX_FILES} files` };
      const r = await this.file(file);
      if (r.problem) return { ok: false, sourceName, message: r.problem };
      entry ??= r;
      queue.push(...r.deps);
    }
    return { ok: true, sourceName, modulePath: entry!.outPath };
  }

  /** The real path of `path` if it is a regular file inside the submission, else why not. */
  private async inside(path: string): Promise<string | { problem: string }> {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return { problem: 'is not in the submission (or is a broken link)' };
    }
    if (!this.contains(real)) return { problem: 'is a symbolic link to a file outside the submission' };
    const st = await stat(real);
    if (!st.isFile()) return { problem: 'is not a regular file' };
    return real;
  }

  private contains(real: string): boolean {
    const rel = relative(this.root, real);
    return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
  }

  private rel(real: string): string {
    return relative(this.root, real).split(sep).join('/');
  }

  private file(real: string): Promise<FileResult> {
    let p = this.files.get(real);
    if (!p) {
      p = this.transpile(real);
      this.files.set(real, p);
    }
    return p;
  }

  private outPathFor(real: string): string {
    const rel = this.rel(real);
    let out = rel.slice(0, rel.length - extname(rel).length) + '.mjs';
    if (this.taken.has(out) && this.taken.get(out) !== real) out = rel + '.mjs';
    this.taken.set(out, real);
    return join(this.outDir, ...out.split('/'));
  }

  private async transpile(real: string): Promise<FileResult> {
    const name = this.rel(real);
    const outPath = this.outPathFor(real);
    const deps: string[] = [];
    const st = await stat(real);
    if (st.size > MAX_FILE_BYTES) return { outPath, deps, problem: `${name} is larger than ${MAX_FILE_BYTES} bytes` };
    const ext = extname(real);
    if (!IMPORTABLE.has(ext)) return { outPath, deps, problem: `${name}: only .ts, .mts, .js and .mjs files can be imported` };
    const contents = await readFile(real, 'utf8');
    const problems: string[] = [];
    const plugin: Plugin = {
      name: 'submission-imports',
      setup: (b) => {
        b.onResolve({ filter: /.*/ }, async (args) => {
          const spec = args.path;
          const refuse = (why: string) => {
            problems.push(`${name} imports '${spec}': ${why}`);
            return { path: spec, external: true };
          };
          if (args.kind === 'require-call' || args.kind === 'require-resolve') {
            problems.push(`${name} uses require('${spec}'), which ES modules do not have: use \`import … from '${spec}'\` instead`);
            return { path: spec, external: true };
          }
          if (isBuiltin(spec)) return { path: spec.startsWith('node:') ? spec : `node:${spec}`, external: true };
          if (spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../')) {
            const target = await this.resolveRelative(spec, dirname(real));
            if (typeof target !== 'string') return refuse(target.problem);
            deps.push(target);
            const targetOut = this.outPathFor(target);
            let r = relative(dirname(outPath), targetOut).split(sep).join('/');
            if (!r.startsWith('.')) r = `./${r}`;
            return { path: r, external: true };
          }
          if (allowedPackageOf(spec)) {
            try {
              return { path: pathToFileURL(this.place(fileURLToPath(resolveAllowedPackage(spec)))).href, external: true };
            } catch {
              return refuse('that part of @tensorflow/tfjs does not exist');
            }
          }
          return refuse(ONLY);
        });
      },
    };
    try {
      const r = await build({
        stdin: { contents, loader: ext === '.ts' || ext === '.mts' ? 'ts' : 'js', sourcefile: name, resolveDir: dirname(real) },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        logLevel: 'silent',
        tsconfigRaw: {},
        legalComments: 'none',
        plugins: [plugin],
        metafile: true,
      });
      if (problems.length > 0) return { outPath, deps, problem: problems[0] };
      if (Object.values(r.metafile.inputs).some((i) => i.format === 'cjs')) {
        return { outPath, deps, problem: `${name} uses module.exports or exports (CommonJS): write \`export function …\` instead` };
      }
      await mkdir(dirname(outPath), { recursive: true, mode: 0o755 });
      await writeFile(outPath, r.outputFiles[0]!.text, { mode: 0o644 });
      return { outPath, deps };
    } catch (e) {
      const err = (e as { errors?: Array<{ text: string; location?: { line: number; column: number } | null }> }).errors?.[0];
      const where = err?.location ? ` (line ${err.location.line}, column ${err.location.column + 1})` : '';
      const text = err ? `${err.text}${where}` : e instanceof Error ? e.message : String(e);
      return { outPath, deps, problem: problems[0] ?? `${name} could not be compiled: ${text}` };
    }
  }

  private async resolveRelative(spec: string, fromDir: string): Promise<string | { problem: string }> {
    const base = resolve(fromDir, spec);
    if (!this.contains(base) && base !== this.root) return { problem: ONLY };
    const candidates = [base];
    if (base.endsWith('.js')) candidates.push(base.slice(0, -3) + '.ts');
    if (base.endsWith('.mjs')) candidates.push(base.slice(0, -4) + '.mts');
    for (const ext of ['.ts', '.mts', '.js', '.mjs']) candidates.push(base + ext);
    for (const ext of ['.ts', '.js']) candidates.push(join(base, 'index' + ext));
    for (const c of candidates) {
      const st = await lstat(c).catch(() => undefined);
      if (!st) continue;
      if (st.isDirectory()) continue;
      const real = await this.inside(c);
      if (typeof real !== 'string') {
        return { problem: real.problem.startsWith('is a symbolic link') ? `it ${real.problem}; ${ONLY}` : `it ${real.problem}` };
      }
      if (!IMPORTABLE.has(extname(real))) return { problem: 'only .ts, .mts, .js and .mjs files can be imported' };
      return real;
    }
    return { problem: `there is no such file in the submission (${basename(base)})` };
  }
}
