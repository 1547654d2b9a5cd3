import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import http from 'node:http';
import type { App } from '../../bot/app';
import { startTestApp } from '../support/testApp';

// The tab pages as a browser in Teams fetches them: compressed when it asks, cached by their hashed names.

let app: App;
beforeAll(async () => {
  app = await startTestApp('tabfiles', { env: { SCHEDULER: 'off' } });
});
afterAll(() => app.stop());

/** Raw bytes and headers, without fetch's transparent decompression. */
function get(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${app.url}${urlPath}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const assets = path.resolve('dist/tabs/assets');
const biggest = () => fs.readdirSync(assets).filter((f) => f.endsWith('.js')).sort((a, b) => fs.statSync(path.join(assets, b)).size - fs.statSync(path.join(assets, a)).size)[0]!;

test('scripts are gzipped for a browser that accepts it, byte for byte the built file, and cached for good', async () => {
  const name = biggest();
  const original = fs.readFileSync(path.join(assets, name));
  const zipped = await get(`/tabs/assets/${name}`, { 'accept-encoding': 'gzip, deflate, br' });
  expect(zipped.status).toBe(200);
  expect(zipped.headers['content-encoding']).toBe('gzip');
  expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(zipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(zipped.body.length).toBeLessThan(original.length / 2);
  expect(zlib.gunzipSync(zipped.body).equals(original)).toBe(true);

  const plain = await get(`/tabs/assets/${name}`);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.equals(original)).toBe(true);
});

test('pages are revalidated, so a new deployment shows at once', async () => {
  const page = await get('/tabs/plan.html', { 'accept-encoding': 'gzip' });
  expect(page.status).toBe(200);
  expect(page.headers['cache-control']).toBe('no-cache');
  // With its chunks' preload links the page is over 1 KB, so it travels gzipped like the scripts.
  expect(page.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(page.body).toString()).toContain('<html lang="da">');
});

test('nothing outside the built pages is served', async () => {
  for (const probe of ['/tabs/..%2F..%2Fpackage.json', '/tabs/%2e%2e/%2e%2e/.env.example', '/tabs/assets/', '/tabs/nope.js', '/tabs/%E0%A4%A']) {
    expect((await get(probe)).status).toBe(404);
  }
});

test('the tab pages may be framed only by Teams and Microsoft 365 hosts, load only their own scripts and pass on no referrer', async () => {
  for (const page of ['index.html', 'plan.html', 'delivery.html', 'config.html', 'consent.html']) {
    const { status, headers } = await get(`/tabs/${page}`);
    expect(status).toBe(200);
    const csp = String(headers['content-security-policy']);
    const frameAncestors = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('frame-ancestors'))!.split(' ').slice(1);
    expect(frameAncestors).toEqual(expect.arrayContaining(["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.office.com']));
    expect(frameAncestors.filter((host) => host === '*' || host.startsWith('http:'))).toEqual([]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBeUndefined(); // it would keep the page out of Teams
  }
});

test('API answers cannot be framed or run as a page', async () => {
  const { headers } = await get('/healthz');
  expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers['referrer-policy']).toBe('same-origin');
});
