// The benchmark's static server: loopback only, no dependencies, correct MIME types, and
// gzip (level 9, compressed once and kept in memory) when the browser accepts it, as a
// static host with precompressed assets serves them. Several folders are mounted under
// URL prefixes so that the app, the synthetic-corpus app and the plain static page are
// served by one server, in the same conditions.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types of what a Trunk build and the static page contain. Wasm must be
 * `application/wasm`, or `WebAssembly.instantiateStreaming` refuses it. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serve `mounts` ({ '/app/': 'dist', ... }) on 127.0.0.1 at a free port.
 * Resolves to `{ origin, close() }`.
 */
export async function startServer(mounts) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => ({ prefix, dir: resolve(dir) }))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  const cache = new Map(); // file → { mtimeMs, raw, gz }

  const load = async (file) => {
    const info = await stat(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === info.mtimeMs) return hit;
    const raw = await readFile(file);
    const entry = { mtimeMs: info.mtimeMs, raw, gz: gzipSync(raw, { level: 9 }) };
    cache.set(file, entry);
    return entry;
  };

  const server = createServer(async (req, res) => {
    const fail = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return fail(400, 'bad request\n');
    }
    const mount = table.find(({ prefix }) => path.startsWith(prefix));
    if (!mount) return fail(404, 'not found\n');
    let file = normalize(join(mount.dir, path.slice(mount.prefix.length)));
    if (file !== mount.dir && !file.startsWith(mount.dir + sep)) return fail(404, 'not found\n');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { raw, gz } = await load(file);
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? gz : raw;
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        vary: 'accept-encoding',
        // Lets Resource Timing report sizes for every file (same origin anyway).
        'timing-allow-origin': '*',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      fail(404, 'not found\n');
    }
  });
  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
