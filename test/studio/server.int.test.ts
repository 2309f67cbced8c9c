/**
 * The studio's HTTP surface without a browser: loopback only, the run's token on every request,
 * other host names and origins refused (127.0.0.1 and localhost alike accepted), bounded bodies,
 * a strict Content-Security-Policy, slider values checked, the student's own code run on a picture
 * sent as plain numbers, and a port in use refused in one line with nothing left running.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../grader/studio/studio.js';
import { parsePictureRequest } from '../../grader/studio/picture-request.js';
import { MAX_BODY_BYTES } from '../../grader/studio/server.js';
import { studentFolder } from './browser.js';

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const settings = { blurSize: 3, degrees: 30, factor: 1.5, dx: 4, dy: 3 };

describe('parsePictureRequest', () => {
  it('takes a built-in picture with settings on the sliders’ grid', () => {
    const r = parsePictureRequest({ sample: 'digit', ...settings, blurSize: 5 });
    expect('sample' in r && r.sample.blurSize).toBe(5);
    expect('sample' in r && r.sample.image.length).toBe(28);
  });
  it('refuses settings off the sliders and pictures that are not grey levels', () => {
    expect(parsePictureRequest({ sample: 'digit', ...settings, blurSize: 4 })).toEqual({ error: expect.stringContaining('blurSize') });
    expect(parsePictureRequest({ sample: 'digit', ...settings, degrees: 1e9 })).toEqual({ error: expect.stringContaining('degrees') });
    expect(parsePictureRequest({ sample: 'dropped', ...settings, image: [[0, 2]] })).toEqual({ error: expect.stringContaining('[0, 1]') });
    expect(parsePictureRequest({ sample: 'dropped', ...settings, image: Array.from({ length: 200 }, () => [0]) })).toEqual({ error: expect.stringContaining('at most') });
    expect(parsePictureRequest({ sample: '../../etc/passwd', ...settings })).toEqual({ error: expect.stringContaining('sample') });
  });
});

describe('the studio server', () => {
  let studio: Studio;
  /** A URL of the studio, as 127.0.0.1 or localhost, without the token. */
  let at: (route: string, host?: string) => string;
  /** The headers a page of the studio sends: its token cookie and, for a POST, its origin. */
  let page: (host?: string) => Record<string, string>;
  beforeAll(async () => {
    studio = await startStudio({ folder: studentFolder() });
    const { port } = new URL(studio.url);
    at = (route, host = '127.0.0.1') => `http://${host}:${port}/${route}`;
    page = (host = '127.0.0.1') => ({ cookie: `studio-token-${port}=${studio.token}`, origin: `http://${host}:${port}` });
  });
  afterAll(() => studio?.close());

  it('prints a link with a per-run token, which becomes a cookie for the page’s own requests', async () => {
    expect(studio.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
    const r = await request(studio.url);
    expect(r.status).toBe(200);
    expect(String(r.headers['set-cookie'])).toMatch(/studio-token-\d+=[0-9a-f]{48}.*HttpOnly.*SameSite=Strict/i);
    expect((await request(at('studio.js'), { headers: page() })).status).toBe(200);
    // An exercise trains here (the CNN): the Train button's routes are served, behind the token too.
    expect((await request(at('train/mnist/test?count=1'), { headers: page() })).status).toBe(200);
    expect((await request(at('train/mnist/test?count=1'))).status).toBe(403);
  });

  it('refuses every request without the token, the event stream and the pictures included', async () => {
    for (const route of ['', 'studio.js', 'studio.css', 'events']) {
      expect((await request(at(route))).status, route).toBe(403);
      expect((await request(at(`${route}?token=${'0'.repeat(48)}`))).status, route).toBe(403);
    }
    const post = await request(at('api/pictures'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sample: 'digit', ...settings }) });
    expect(post.status).toBe(403);
    expect(post.body).toContain('token');
  });

  it('works the same through localhost and 127.0.0.1', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      expect((await request(at(`?token=${studio.token}`, host))).status, host).toBe(200);
      const post = await request(at('api/pictures', host), { method: 'POST', headers: { ...page(host), 'content-type': 'application/json' }, body: JSON.stringify({ sample: 'nothing', ...settings }) });
      expect(post.status, host).toBe(400); // past the host, origin and token checks: the body is what is refused
      expect(post.body).toContain('sample');
    }
  });

  it('refuses a body larger than a dropped picture can be, before reading it', async () => {
    const big = JSON.stringify({ sample: 'dropped', ...settings, image: [Array(MAX_BODY_BYTES).fill(0)] });
    const r = await request(at('api/pictures'), { method: 'POST', headers: { ...page(), 'content-type': 'application/json' }, body: big });
    expect(r.status).toBe(413);
  });

  it('listens on 127.0.0.1 only and sends a strict Content-Security-Policy', async () => {
    expect(new URL(studio.url).hostname).toBe('127.0.0.1');
    const r = await request(studio.url);
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(at('studio.js'), { headers: page() });
    expect(script.body).toContain('EventSource');
    // Works offline: no CDN (an SVG namespace, which the live training chart names, is not fetched).
    expect(script.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1|www\.w3\.org\/2000\/svg)/);
  });

  it('refuses another host name (DNS rebinding) and a POST from another origin', async () => {
    expect((await request(studio.url, { headers: { host: 'evil.example' } })).status).toBe(421);
    expect((await request(at('events'), { headers: { ...page(), origin: 'http://evil.example' } })).status).toBe(403);
    const post = await request(at('api/pictures'), {
      method: 'POST',
      headers: { ...page(), 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ sample: 'digit', ...settings }),
    });
    expect(post.status).toBe(403);
  });

  it('runs the student’s blur on a picture sent as numbers, beside the reference’s', async () => {
    const image = Array.from({ length: 12 }, (_, r) => Array.from({ length: 10 }, (_, c) => ((r + c) % 2 === 0 ? 1 : 0)));
    const r = await request(at('api/pictures'), {
      method: 'POST',
      headers: { ...page(), 'content-type': 'application/json' },
      body: JSON.stringify({ sample: 'dropped', image, ...settings }),
    });
    expect(r.status).toBe(200);
    const { groups } = JSON.parse(r.body);
    const blur = groups.find((g: { exercise: string }) => g.exercise === 'filters').samples[0].rows.find((row: { call: string }) => row.call === 'blur(image, 3)');
    expect(blur.submission.dataUri).toMatch(/^data:image\/png;base64,/);
    expect(blur.status).toBe('match');
  }, 120_000);
});

describe('npm run studio on a port in use', () => {
  it('says so in one line, exits with code 2 and leaves no process running', async () => {
    const blocker = http.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as { port: number };
    // A folder of its own as the working directory: any process left behind is found by it.
    const cwd = mkdtempSync(path.join(tmpdir(), 'studio-port-'));
    const main = path.resolve('grader/studio/main.ts');
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main, studentFolder(), '--port', String(port)], { cwd });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    blocker.close();
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringContaining(`port ${port} is in use`)]);
    const left = readdirSync('/proc').filter((pid) => /^\d+$/.test(pid) && (() => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === cwd;
      } catch {
        return false;
      }
    })());
    expect(left).toEqual([]);
  }, 60_000);
});
