/**
 * The trusted runtime of a child process (bundled into one .mjs by the grader, written into the
 * temp folder). It imports one student module and answers calls over fd 3. Nothing here is
 * trusted by the grader: the student's code runs in this process and could change it all.
 */
import { writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { types } from 'node:util';
import { encodeFrame, FrameDecoder } from '../framing.js';
import { describeNonPlain } from '../../core/plain-data.js';
import { skipNodeBackendBanner } from '../../ml/node-backend-banner.js';
import type { CallRequest, ChildConfig, ChildMessage, ChildOutcome } from '../protocol.js';

// Captured before student code runs.
const isProxy = types.isProxy;
const exit = process.exit.bind(process);
const hasOwn = Object.prototype.hasOwnProperty;

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const channel = new Socket({ fd: 3, readable: true, writable: true });
channel.on('error', () => exit(0));
channel.on('end', () => exit(0));

function send(message: ChildMessage): void {
  for (const b of encodeFrame(message)) channel.write(b);
}

/** For the last words before exiting: a synchronous write. */
function sendSync(message: ChildMessage): void {
  try {
    for (const b of encodeFrame(message)) {
      let off = 0;
      for (let tries = 0; off < b.length && tries < 10_000; tries++) {
        try { off += writeSync(3, b, off); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return; }
      }
    }
  } catch { /* the grader is gone */ }
}

function cap(s: string): string {
  return s.length > config.maxMessageChars * 2 ? s.slice(0, config.maxMessageChars * 2) : s;
}

function describeError(e: unknown): string {
  try {
    if (e instanceof Error) {
      const name = String(e.name);
      const message = String(e.message);
      return cap(name === 'Error' || name === '' ? message : `${name}: ${message}`);
    }
    return cap(`threw a value that is not an Error: ${typeof e === 'string' ? e : String(e)}`);
  } catch {
    return 'threw a value that cannot be shown';
  }
}

function lastWords(e: unknown): void {
  sendSync({ event: 'fatal', message: describeError(e) });
  exit(70);
}
process.on('uncaughtException', lastWords);
process.on('unhandledRejection', lastWords);

send({ event: 'started' });
let ns: Record<string, unknown>;
try {
  ns = (await import(pathToFileURL(config.modulePath).href)) as Record<string, unknown>;
} catch (e) {
  send({ event: 'load-failed', message: describeError(e) });
  await new Promise(() => {}); // the grader ends this process
  throw new Error('unreachable');
}
send({ event: 'loaded' });

interface TfLike { setBackend(b: string): Promise<boolean>; ready(): Promise<void>; findBackend(name: string): unknown; LayersModel: abstract new (...a: never[]) => unknown }
let tf: TfLike | undefined;
async function loadTf(): Promise<TfLike> {
  if (!tf) {
    const mod = (await import(config.tfjsUrl!)) as { default?: unknown };
    tf = (mod.default ?? mod) as TfLike;
    await tf.setBackend('cpu');
    await tf.ready();
    await skipNodeBackendBanner(tf);
  }
  return tf;
}

async function answer(req: CallRequest): Promise<ChildOutcome> {
  const { name, args } = req;
  if (!hasOwn.call(ns, name)) return { kind: 'missing', message: `${config.sourceName} does not export '${name}'` };
  const exported = ns[name];
  let value: unknown;
  try {
    if (args === undefined) {
      value = exported;
    } else if (typeof exported !== 'function') {
      return { kind: 'missing', message: `${config.sourceName} exports '${name}', but it is not a function` };
    } else if (config.tfjsUrl && name === config.modelExport) {
      const t = await loadTf();
      const model = (await exported(t)) as { toJSON(a: null, b: boolean): unknown } | null;
      if (!(model instanceof t.LayersModel)) {
        throw new Error(`${name} must return a tf.LayersModel (from tf.sequential() or tf.model()), got ${model === null ? 'null' : typeof model}`);
      }
      const json = (model as { toJSON(a: null, b: boolean): unknown }).toJSON(null, false);
      value = JSON.parse(typeof json === 'string' ? json : JSON.stringify(json));
    } else {
      value = await exported(...args);
    }
  } catch (e) {
    return e instanceof Error ? { kind: 'threw', message: describeError(e), isError: true } : { kind: 'threw', message: describeError(e) };
  }
  let problem: string | null;
  try {
    problem = describeNonPlain(value, config, isProxy);
  } catch (e) {
    problem = `reading it threw (${describeError(e)})`;
  }
  if (problem) return { kind: 'threw', message: `returned a value that is not plain data: ${problem}` };
  if (args === undefined) return { kind: 'returned', value };
  // The arguments as the call left them, for the grader to compare with what it sent.
  let after: unknown[] | null;
  try {
    after = describeNonPlain(args, config, isProxy) === null ? args : null;
  } catch {
    after = null;
  }
  return { kind: 'returned', value, after };
}

const decoder = new FrameDecoder(config.maxFrameBytes);
channel.on('data', (chunk: Buffer) => {
  for (const ev of decoder.push(chunk)) {
    if (ev.kind === 'error') exit(71);
    const req = (ev as { message: CallRequest }).message;
    void answer(req).then((outcome) => {
      try {
        send({ id: req.id, outcome });
      } catch (e) {
        send({ id: req.id, outcome: { kind: 'threw', message: `returned a value that cannot be copied: ${describeError(e)}` } });
      }
    });
  }
});
