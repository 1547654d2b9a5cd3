import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { IncomingMessage } from 'node:http';
import type { MessageKey } from '../i18n';

// Reads and decodes request bodies instead of restify's body parser, whose decompressor had no error
// handler (one bad gzip body stopped the process) and whose limit counted compressed bytes. Here the
// limit holds for what arrives and again for what it decodes to, and decoding stops as soon as it is passed.

export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: 'badJson' | 'badEncoding' | 'tooLarge' | 'unsupportedMediaType',
    readonly key: MessageKey,
    /** Part of the body was left unread: the connection cannot be reused. */
    readonly unread = false,
  ) {
    super(code);
  }
}

const unzip = promisify(zlib.unzip);
const brotli = promisify(zlib.brotliDecompress);
const DECODERS: Record<string, (body: Buffer, limit: number) => Promise<Buffer>> = {
  identity: async (body) => body,
  gzip: (body, limit) => unzip(body, { maxOutputLength: limit }),
  'x-gzip': (body, limit) => unzip(body, { maxOutputLength: limit }),
  deflate: (body, limit) => unzip(body, { maxOutputLength: limit }),
  br: (body, limit) => brotli(body, { maxOutputLength: limit }),
};

const JSON_TYPE = /^application\/([\w.+-]+\+)?json$/;
const tooLarge = (unread = false) => new BodyRefused(413, 'tooLarge', 'api.tooLarge', unread);

function hasBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** The body as sent, at most `limit` bytes; more is refused without reading the rest. */
function readRaw(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge(true));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      reject(tooLarge(true));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

async function decode(body: Buffer, encodingHeader: string | undefined, limit: number): Promise<Buffer> {
  const decoder = DECODERS[(encodingHeader ?? 'identity').trim().toLowerCase() || 'identity'];
  if (!decoder) throw new BodyRefused(415, 'badEncoding', 'api.badEncoding');
  try {
    return await decoder(body, limit);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new BodyRefused(400, 'badEncoding', 'api.badEncoding');
  }
}

function parse(bytes: Buffer, contentType: string | undefined): unknown {
  if (bytes.length === 0) return undefined;
  const type = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (!JSON_TYPE.test(type)) throw new BodyRefused(415, 'unsupportedMediaType', 'api.unsupportedMediaType');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BodyRefused(400, 'badJson', 'api.badJson');
  }
}

/** The request's JSON body, decoded and limited to `limit` bytes both before and after decoding; undefined when it has none. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  const raw = await readRaw(req, limit);
  const decoded = await decode(raw, req.headers['content-encoding'], limit);
  return parse(decoded, req.headers['content-type']);
}
