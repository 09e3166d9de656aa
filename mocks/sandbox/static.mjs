// @ts-check
/**
 * Serves the built app (`dist/`) as a production host should: the security headers (Content-Security-Policy with
 * no inline script, frame-ancestors 'self', nosniff, no Referer), gzip or brotli compression, ETag validators, and
 * `Cache-Control: public, max-age=31536000, immutable` for content-hashed chunk names (`no-cache` for the rest).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { BASE_HEADERS } from './http.mjs';

const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
});

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.map', '.json', '.svg', '.txt', '.webmanifest']);

/** Vite's content-hashed output names: `assets/<name>-<8 hash chars>.<ext>`. */
const HASHED = /(^|\/)assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/** @typedef {{ body: Buffer, etag: string, type: string, compressible: boolean, br?: Buffer, gzip?: Buffer }} Asset */

/** @param {string} rel @returns {string} */
export const cacheControlFor = (rel) => (HASHED.test(rel) ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * @param {Buffer} body @param {string} type @param {boolean} compressible
 * @returns {Asset}
 */
export function makeAsset(body, type, compressible) {
  return { body, type, compressible, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * The encoded body for the client's Accept-Encoding (brotli, then gzip, else identity); encodings are cached.
 * @param {Asset} asset @param {string} accept
 * @returns {{ body: Buffer, encoding: string | null }}
 */
function encode(asset, accept) {
  if (!asset.compressible || asset.body.length < 512) return { body: asset.body, encoding: null };
  const accepted = new Set(
    accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  const wants = (/** @type {string} */ name) => accepted.has(name);
  if (wants('br')) {
    asset.br ??= brotliCompressSync(asset.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9 } });
    return { body: asset.br, encoding: 'br' };
  }
  if (wants('gzip')) {
    asset.gzip ??= gzipSync(asset.body, { level: 9 });
    return { body: asset.gzip, encoding: 'gzip' };
  }
  return { body: asset.body, encoding: null };
}

/**
 * Sends an asset with validators, caching and compression (304 when If-None-Match matches).
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {Asset} asset @param {Record<string, string>} headers extra headers (CSP, Cache-Control)
 */
export function sendAsset(req, res, asset, headers) {
  const common = { etag: asset.etag, vary: 'Accept-Encoding', ...BASE_HEADERS, ...headers };
  const match = String(req.headers['if-none-match'] ?? '').split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (match.includes(asset.etag) || match.includes('*')) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const { body, encoding } = encode(asset, String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, { 'content-type': asset.type, 'content-length': String(body.length), ...(encoding ? { 'content-encoding': encoding } : {}), ...common });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * The app's files under distDir, read once per version of each file.
 * @param {string} distDir
 */
export function createAssetCache(distDir) {
  /** @type {Map<string, { mtimeMs: number, size: number, asset: Asset }>} */
  const cache = new Map();
  const root = path.resolve(distDir);

  /**
   * @param {string} rel path under the app, already decoded
   * @returns {Promise<{ kind: 'file', asset: Asset } | { kind: 'directory' } | { kind: 'missing' }>}
   */
  async function lookup(rel) {
    const full = path.resolve(root, path.normalize(rel).replace(/^(\.\.(\/|\\|$))+/, ''));
    if (!full.startsWith(root + path.sep)) return { kind: 'missing' };
    const info = await stat(full).catch(() => null);
    if (!info) return { kind: 'missing' };
    if (info.isDirectory()) return { kind: 'directory' };
    const hit = cache.get(full);
    if (hit && hit.mtimeMs === info.mtimeMs && hit.size === info.size) return { kind: 'file', asset: hit.asset };
    const ext = path.extname(full).toLowerCase();
    const asset = makeAsset(await readFile(full), CONTENT_TYPES[ext] ?? 'application/octet-stream', COMPRESSIBLE.has(ext));
    cache.set(full, { mtimeMs: info.mtimeMs, size: info.size, asset });
    return { kind: 'file', asset };
  }

  return { lookup, built: async () => Boolean(await stat(path.join(root, 'index.html')).catch(() => null)) };
}
