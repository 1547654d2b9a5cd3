import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Request, Response } from 'restify';
import { TAB_PAGE_CSP } from './security';

// The built tab pages under /tabs/, gzipped when the browser accepts it (the plan page's script is
// ~1.2 MB, ~0.3 MB gzipped; restify's gzip plugin breaks its own static file streaming). Hashed assets
// are cached for a year; the pages themselves are revalidated, so a deployment shows at once.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map']);

interface Cached {
  mtimeMs: number;
  raw: Buffer;
  gzipped?: Buffer;
}

export function tabFiles(tabsDir: string) {
  const root = path.resolve(tabsDir);
  const cache = new Map<string, Cached>();

  const read = (file: string): Cached | undefined => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs) return hit;
    const raw = fs.readFileSync(file);
    const entry: Cached = { mtimeMs: stat.mtimeMs, raw };
    if (COMPRESSIBLE.has(path.extname(file)) && raw.length > 1024) entry.gzipped = zlib.gzipSync(raw, { level: 9 });
    cache.set(file, entry);
    return entry;
  };

  return async (req: Request, res: Response) => {
    let relative: string;
    try {
      relative = decodeURIComponent(req.path().slice('/tabs/'.length));
    } catch {
      relative = '';
    }
    const file = path.resolve(root, relative);
    const entry = file.startsWith(root + path.sep) ? read(file) : undefined;
    if (!entry) {
      res.send(404, { error: { status: 404, code: 'notFound', message: 'Not found' } });
      return;
    }
    const gzip = !!entry.gzipped && /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const body = gzip ? entry.gzipped! : entry.raw;
    res.header('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    res.header('Cache-Control', relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.header('Vary', 'Accept-Encoding');
    if (path.extname(file) === '.html') res.setHeader('Content-Security-Policy', TAB_PAGE_CSP);
    if (gzip) res.header('Content-Encoding', 'gzip');
    res.sendRaw(200, body);
  };
}
