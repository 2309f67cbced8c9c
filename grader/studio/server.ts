/**
 * The studio's web server (Hono on Node's http server), on 127.0.0.1 only: the page, its script
 * and style, a server-sent event stream of results, and the picture endpoint the sliders and a
 * dropped image use. Requests for another host name (DNS rebinding) or from another origin are
 * refused; every response carries a strict Content-Security-Policy.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { serve, type ServerType } from '@hono/node-server';
import { pictureGroups } from '../outputs/html/view/pictures-view.js';
import { bundlePage } from './page-bundle.js';
import { parsePictureRequest } from './picture-request.js';
import type { Runner } from './runner.js';

/** The page's HTML and CSS (a `templates` folder: a student release copies it beside the code). */
const PAGE = new URL('./templates/', import.meta.url);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What the page is told; `event` names the SSE event. */
export interface Broadcast {
  event: 'exercise' | 'status';
  data: unknown;
}

export interface StudioServer {
  url: string;
  /** Sends to every open page. */
  broadcast(message: Broadcast): void;
  close(): Promise<void>;
}

export async function startServer(options: { port: number; runner: Runner; snapshot: () => Broadcast[] }): Promise<StudioServer> {
  const script = await bundlePage();
  const html = readFileSync(new URL('index.html', PAGE), 'utf8');
  const css = readFileSync(new URL('studio.css', PAGE), 'utf8');
  const streams = new Set<SSEStreamingApi>();
  let origin = '';

  const app = new Hono();
  app.use('*', async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (host !== new URL(origin).host && host !== new URL(origin).host.replace('127.0.0.1', 'localhost')) return c.text('wrong host', 421);
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
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
  app.post('/api/pictures', async (c) => {
    const from = c.req.header('origin');
    if (from !== undefined && from !== origin) return c.json({ error: 'wrong origin' }, 403);
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) return c.json({ error: 'send JSON' }, 415);
    const parsed = parsePictureRequest(await c.req.json().catch(() => undefined));
    if ('error' in parsed) return c.json(parsed, 400);
    const pictures = await options.runner.pictures([parsed.sample]);
    if ('error' in pictures) return c.json(pictures, 200);
    return c.json({ groups: pictureGroups(pictures) });
  });

  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
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
