import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { UserConfig } from './define.js';
import { ConfigError, validateUserConfig } from './validate.js';

/** The config file used when `--config` is not given, if it exists in the working folder. */
export const CONFIG_FILE_NAMES = ['grader.config.ts', 'grader.config.json'];

/**
 * Reads and validates a config file: `.json`, or a module (`.ts`, `.mjs`, `.js`) whose default
 * export is the config (use defineConfig for types). `file` undefined: the default file if any.
 */
export async function loadUserConfig(file: string | undefined, knownChecks: readonly string[], cwd = process.cwd(), exercises: readonly string[] = []): Promise<{ config: UserConfig; file?: string }> {
  const chosen = file ?? CONFIG_FILE_NAMES.find((f) => existsSync(path.join(cwd, f)));
  if (!chosen) return { config: {} };
  const full = path.resolve(cwd, chosen);
  if (!existsSync(full)) throw new ConfigError(chosen, ['the file does not exist']);
  let raw: unknown;
  if (full.endsWith('.json')) {
    try {
      raw = JSON.parse(readFileSync(full, 'utf8'));
    } catch (e) {
      throw new ConfigError(chosen, [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
    }
  } else {
    let module: { default?: unknown };
    try {
      module = (await import(pathToFileURL(full).href)) as { default?: unknown };
    } catch (e) {
      throw new ConfigError(chosen, [`cannot be loaded: ${loadProblem(e)}`]);
    }
    if (module.default === undefined) throw new ConfigError(chosen, ['the module has no default export (export default defineConfig({...}))']);
    raw = module.default;
  }
  return { config: validateUserConfig(raw, knownChecks, chosen, exercises), file: full };
}

/** Why a config module did not load, in one line: esbuild's syntax error with its line and column, or the error thrown. */
function loadProblem(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const syntax = /:(\d+):(\d+): ERROR: (.*)/.exec(message);
  if (syntax) return `line ${syntax[1]}, column ${syntax[2]}: ${syntax[3]}`;
  return message.split('\n').find((l) => l.trim()) ?? 'unknown error';
}
