/**
 * The studio's HTTP surface without a browser: loopback only, other host names and origins
 * refused, a strict Content-Security-Policy, slider values checked, and the student's own code run
 * on a picture sent as plain numbers.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type Studio } from '../../grader/studio/studio.js';
import { parsePictureRequest } from '../../grader/studio/picture-request.js';
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
  beforeAll(async () => {
    studio = await startStudio({ folder: studentFolder() });
  });
  afterAll(() => studio?.close());

  it('listens on 127.0.0.1 only and sends a strict Content-Security-Policy', async () => {
    expect(new URL(studio.url).hostname).toBe('127.0.0.1');
    const r = await request(studio.url);
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(new URL('studio.js', studio.url).href);
    expect(script.body).toContain('EventSource');
    expect(script.body).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/); // works offline: no CDN
  });

  it('refuses another host name (DNS rebinding) and a POST from another origin', async () => {
    expect((await request(studio.url, { headers: { host: 'evil.example' } })).status).toBe(421);
    const post = await request(new URL('api/pictures', studio.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ sample: 'digit', ...settings }),
    });
    expect(post.status).toBe(403);
  });

  it('runs the student’s blur on a picture sent as numbers, beside the reference’s', async () => {
    const image = Array.from({ length: 12 }, (_, r) => Array.from({ length: 10 }, (_, c) => ((r + c) % 2 === 0 ? 1 : 0)));
    const r = await request(new URL('api/pictures', studio.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sample: 'dropped', image, ...settings }),
    });
    expect(r.status).toBe(200);
    const { groups } = JSON.parse(r.body);
    const blur = groups.find((g: { exercise: string }) => g.exercise === 'filters').samples[0].rows.find((row: { call: string }) => row.call === 'blur(image, 3)');
    expect(blur.submission.dataUri).toMatch(/^data:image\/png;base64,/);
    expect(blur.status).toBe('match');
  }, 120_000);
});
