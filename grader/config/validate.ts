/**
 * Validation of a user config, with one message per problem naming its key path:
 * `checks['convolution.linear'].points: must be a number ≥ 0 (got -1)`.
 */
import type { UserConfig } from './define.js';
import type { ConfigOverrides } from './resolve.js';
import { problemList, UserError } from '../core/user-error.js';

export class ConfigError extends UserError {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super('E_CONFIG', problemList(`${source}: invalid configuration`, problems));
  }
}

type Rule =
  | { kind: 'number'; min?: number; max?: number; integer?: boolean; above?: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'object'; fields: Record<string, Rule> }
  | { kind: 'record'; keyProblem: (key: string) => string | null; value: Rule }
  | { kind: 'list'; item: Rule; distinct?: boolean; minItems?: number };

const num = (o: Omit<Extract<Rule, { kind: 'number' }>, 'kind'> = {}): Rule => ({ kind: 'number', ...o });
const whole = (min: number): Rule => num({ integer: true, min });
const fraction: Rule = num({ min: 0, max: 1 });

function schema(knownChecks: readonly string[], exercises: readonly string[]): Rule {
  const known = new Set(knownChecks);
  return {
    kind: 'object',
    fields: {
      seed: num({ integer: true }),
      numRuns: whole(1),
      checks: {
        kind: 'record',
        keyProblem: (id) => (known.has(id) ? null : `unknown check id${suggest(id, knownChecks)}`),
        value: {
          kind: 'object',
          fields: { points: num({ min: 0 }), visibility: { kind: 'enum', values: ['public', 'hidden'] }, enabled: { kind: 'boolean' }, seed: num({ integer: true }), numRuns: whole(1) },
        },
      },
      homeworks: {
        kind: 'record',
        keyProblem: (name) => (/^[A-Za-z0-9][\w.-]*$/.test(name) ? null : 'a homework name is letters, digits, ".", "_" and "-", starting with a letter or digit'),
        value: { kind: 'list', item: { kind: 'enum', values: exercises }, distinct: true, minItems: 1 },
      },
      training: {
        kind: 'object',
        fields: {
          limits: {
            kind: 'object',
            fields: { maxEpochs: whole(1), minBatchSize: whole(1), maxBatchSize: whole(1), maxParameters: whole(1), maxSeconds: num({ above: 0 }), trainSamples: whole(1), testSamples: whole(1) },
          },
          fullPointsAccuracy: fraction,
          zeroPointsAccuracy: fraction,
          backend: { kind: 'enum', values: ['auto', 'node', 'wasm', 'cpu'] },
        },
      },
      sandbox: {
        kind: 'object',
        fields: { mode: { kind: 'enum', values: ['auto', 'bwrap', 'node', 'none'] }, callTimeoutMs: whole(1), exerciseTimeoutMs: whole(1), memoryMb: whole(64) },
      },
    },
  };
}

function keyPath(path: string, key: string): string {
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `['${key}']`;
  return path === '' ? part.replace(/^\./, '') : path + part;
}

function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
}

function check(rule: Rule, value: unknown, path: string, problems: string[]): void {
  const at = path || '(the config)';
  switch (rule.kind) {
    case 'number': {
      const bounds = [rule.integer ? 'a whole number' : 'a number', rule.min !== undefined ? `≥ ${rule.min}` : '', rule.above !== undefined ? `> ${rule.above}` : '', rule.max !== undefined ? `≤ ${rule.max}` : ''].filter(Boolean).join(' ');
      const ok =
        typeof value === 'number' && Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) &&
        (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max) && (rule.above === undefined || value > rule.above);
      if (!ok) problems.push(`${at}: must be ${bounds} (got ${shown(value)})`);
      return;
    }
    case 'enum':
      if (typeof value !== 'string' || !rule.values.includes(value)) problems.push(`${at}: must be one of ${rule.values.map((v) => `'${v}'`).join(', ')} (got ${shown(value)})`);
      return;
    case 'list':
      if (!Array.isArray(value)) {
        problems.push(`${at}: must be an array (got ${shown(value)})`);
        return;
      }
      if (rule.minItems !== undefined && value.length < rule.minItems) problems.push(`${at}: must hold at least ${rule.minItems} item(s)`);
      value.forEach((v, i) => {
        if (rule.distinct && value.indexOf(v) !== i) problems.push(`${path}[${i}]: ${shown(v)} is listed twice`);
        else check(rule.item, v, `${path}[${i}]`, problems);
      });
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${at}: must be true or false (got ${shown(value)})`);
      return;
    case 'object':
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(`${at}: must be an object (got ${shown(value)})`);
        return;
      }
      for (const [key, v] of Object.entries(value)) {
        const p = keyPath(path, key);
        if (rule.kind === 'record') {
          const bad = rule.keyProblem(key);
          if (bad) problems.push(`${p}: ${bad}`);
          else check(rule.value, v, p, problems);
        } else if (!(key in rule.fields)) {
          problems.push(`${p}: unknown key${suggest(key, Object.keys(rule.fields))}`);
        } else if (v !== undefined) {
          check(rule.fields[key], v, p, problems);
        }
      }
    }
  }
}

/** The closest name, as a hint: "; did you mean 'memoryMb'?" */
function suggest(word: string, options: readonly string[]): string {
  let best = '';
  let bestD = Infinity;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) [best, bestD] = [o, d];
  }
  return best && bestD <= Math.max(3, Math.floor(word.length / 3)) ? `; did you mean '${best}'?` : '';
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]++;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j];
      row[j] = next;
    }
  }
  return row[b.length];
}

/** Returns `raw` typed, or throws ConfigError listing every problem; `exercises`: the ids a homework may list. */
export function validateUserConfig(raw: unknown, knownChecks: readonly string[], source = 'config', exercises: readonly string[] = []): UserConfig {
  const problems: string[] = [];
  check(schema(knownChecks, exercises), raw, '', problems);
  const t = (raw as UserConfig | undefined)?.training;
  if (problems.length === 0 && t?.fullPointsAccuracy !== undefined && t.zeroPointsAccuracy !== undefined && t.zeroPointsAccuracy >= t.fullPointsAccuracy) {
    problems.push(`training.zeroPointsAccuracy: must be below training.fullPointsAccuracy (${t.zeroPointsAccuracy} ≥ ${t.fullPointsAccuracy})`);
  }
  const l = t?.limits;
  if (problems.length === 0 && l?.minBatchSize !== undefined && l.maxBatchSize !== undefined && l.minBatchSize > l.maxBatchSize) {
    problems.push(`training.limits.minBatchSize: must not exceed training.limits.maxBatchSize`);
  }
  if (problems.length > 0) throw new ConfigError(source, problems);
  return raw as UserConfig;
}

/** The command line's settings, by the same rules as the config file's (`--seed abc` arrives as NaN). */
const OVERRIDES: Record<keyof ConfigOverrides, Rule | null> = {
  seed: num({ integer: true }),
  numRuns: whole(1),
  trainSamples: whole(1),
  testSamples: whole(1),
  // Choices, already refused by the command line's parser.
  sandbox: null,
  backend: null,
};

const FLAG = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Throws a usage error (one line) naming each bad option. */
export function validateOverrides(o: ConfigOverrides): void {
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(OVERRIDES)) {
    const value = o[key as keyof ConfigOverrides];
    if (rule && value !== undefined) check(rule, value, FLAG(key), problems);
  }
  if (problems.length > 0) throw new UserError('E_USAGE', problems.join('; '));
}
