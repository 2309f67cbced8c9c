/**
 * The studio's web server (Hono on Node's http server), on 127.0.0.1 only: the page, its script
 * and style, a server-sent event stream of results, and the picture endpoint the sliders and a
 * dropped image use. As Jupyter does, every request needs the run's token (from the printed link,
 * then a cookie); requests for another host name (DNS rebinding) or from another origin are
 * refused, request bodies are bounded, and every response carries a strict Content-Security-Policy.
 */
import { UserError } from '../core/user-error.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { serve, type ServerType } from '@hono/node-server';
import { pictureGroups } from '../outputs/html/view/pictures-view.js';
import { bundlePage } from './page-bundle.js';
import { parsePictureRequest } from './picture-request.js';
import { MAX_DROPPED_SIDE } from './page/limits.js';
import type { Runner } from './runner.js';
import { EXERCISE_MODULES } from '../exercises/registry.js';

/**
 * The Train button's routes (tfjs, its wasm binaries, MNIST), loaded only when an exercise trains.
 * A computed path: a release whose exercises do not train ships neither them nor those packages,
 * and its import closure (grader/release/closure.ts) follows every literal import.
 */
const TRAIN_ROUTES_MODULE = './' + 'train-routes.js';

/** The page's HTML and CSS (a `templates` folder: a student release copies it beside the code). */
const PAGE = new URL('./templates/', import.meta.url);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'", // tfjs-backend-wasm compiles its binary (the Train button's CPU fallback)
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The largest request body: a dropped picture of MAX_DROPPED_SIDE² grey levels written as "0.123," plus the settings. */
export const MAX_BODY_BYTES = MAX_DROPPED_SIDE * MAX_DROPPED_SIDE * 8 + 4096;

/** What the page is told; `event` names the SSE event. */
export interface Broadcast {
  event: 'exercise' | 'status';
  data: unknown;
}

export interface StudioServer {
  /** The link to open, with the run's token. */
  url: string;
  token: string;
  port: number;
  /** Sends to every open page. */
  broadcast(message: Broadcast): void;
  close(): Promise<void>;
}

/** A port another program holds: the student's to change, said in one line. */
export class PortInUse extends UserError {
  constructor(port: number) {
    super('E_PORT_IN_USE', `port ${port} is in use (another studio?)`, 'stop it, or pick another port with --port N (leave it out for a free one)');
  }
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function startServer(options: { port: number; runner: Runner; snapshot: () => Broadcast[]; token?: string }): Promise<StudioServer> {
  const script = await bundlePage();
  const html = readFileSync(new URL('index.html', PAGE), 'utf8');
  const css = readFileSync(new URL('studio.css', PAGE), 'utf8');
  const token = options.token ?? randomBytes(24).toString('hex');
  const streams = new Set<SSEStreamingApi>();
  let port = 0;
  // Cookies are shared by every port of a host: the cookie is named for this studio's port.
  const cookie = () => `studio-token-${port}`;
  const hosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const given = (c: Context) => c.req.query('token') ?? c.req.header('x-studio-token') ?? getCookie(c, cookie()) ?? '';

  const app = new Hono();
  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    if (!hosts().includes(c.req.header('host') ?? '')) return c.text('wrong host: open the studio as 127.0.0.1 or localhost', 421);
    const from = c.req.header('origin');
    if (from !== undefined && !hosts().some((h) => from === `http://${h}`)) return c.text('wrong origin', 403);
    if (!sameText(given(c), token)) return c.text('This studio needs its token: open the link it printed in the terminal (…/?token=…).', 403);
    // The link's token becomes a cookie for this host, so the page's own requests carry it.
    if (c.req.query('token') !== undefined) setCookie(c, cookie(), token, { path: '/', httpOnly: true, sameSite: 'Strict' });
    await next();
  });
  app.get('/', (c) => c.html(html));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/studio.js', (c) => c.body(script, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/studio.css', (c) => c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      streams.add(stream);
      stream.onAbort(() => void streams.delete(stream));
      for (const m of options.snapshot()) await stream.writeSSE({ event: m.event, data: JSON.stringify(m.data) });
      while (!stream.aborted && !stream.closed) await stream.sleep(15_000).then(() => stream.writeSSE({ event: 'ping', data: '' }));
      streams.delete(stream);
    }),
  );
  if (EXERCISE_MODULES.some((m) => m.trains)) ((await import(TRAIN_ROUTES_MODULE)) as { trainRoutes(app: Hono): void }).trainRoutes(app);
  app.post('/api/pictures', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: `the request is larger than ${MAX_BODY_BYTES} bytes` }, 413) }), async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.json({ error: 'send JSON' }, 415);
    const parsed = parsePictureRequest(await c.req.json().catch(() => undefined));
    if ('error' in parsed) return c.json(parsed, 400);
    const pictures = await options.runner.pictures([parsed.sample]);
    if ('error' in pictures) return c.json(pictures, 200);
    return c.json({ groups: pictureGroups(pictures) });
  });

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port }, () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortInUse(options.port) : e));
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    broadcast(m) {
      for (const s of streams) void s.writeSSE({ event: m.event, data: JSON.stringify(m.data) }).catch(() => streams.delete(s));
    },
    async close() {
      for (const s of streams) void s.abort();
      await new Promise((resolve) => {
        server.close(resolve);
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
