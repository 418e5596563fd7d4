// A tiny static file server for the browser tests: no dependencies, loopback only.
//
// Serves the release build (dist/) both at `/` and under the sub-path `/tools/parallax/`,
// as a plain static host would, so the tests can check that the app works from any path,
// and the example host page of the repository (examples/embed/) at `/examples/embed/`,
// which embeds the app from `/tools/parallax/embed.js`, as another site's page would.
// No rewrite rules: an unknown path is a 404, exactly what a real static host gives.
//
//   node server.mjs [--root ../../dist] [--port 8787]
//   then http://127.0.0.1:8787/tools/parallax/ and /examples/embed/host.html

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The example host page and its style sheet (kept out of dist/: it is not part of the app). */
const examples = join(here, '..', '..', 'examples', 'embed');

/** Mount points: URL prefix → folder. Longest prefix first. */
export function mounts(root) {
  return [
    { prefix: '/examples/embed/', dir: examples },
    { prefix: '/tools/parallax/', dir: root },
    { prefix: '/', dir: root },
  ];
}

/** Content types of what a Trunk build contains. Wasm must be `application/wasm`, or
 * `WebAssembly.instantiateStreaming` refuses it. */
const TYPES = {
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
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The file a URL path names, or null when it is outside every mount. */
function fileFor(urlPath, table) {
  for (const { prefix, dir } of table) {
    if (!urlPath.startsWith(prefix)) continue;
    const rest = decodeURIComponent(urlPath.slice(prefix.length));
    const file = normalize(join(dir, rest));
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

export function serve({ root, port, host = '127.0.0.1' }) {
  const table = mounts(resolve(root));
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');
    let urlPath;
    try {
      urlPath = new URL(req.url, 'http://localhost').pathname;
    } catch {
      return send(400, 'bad request\n');
    }
    // `/tools/parallax` without its slash: redirect, as static hosts do for folders.
    if (urlPath === '/tools/parallax') {
      res.writeHead(301, { location: '/tools/parallax/' });
      return res.end();
    }
    try {
      let file = fileFor(urlPath, table);
      if (file === null) return send(404, 'not found\n');
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(404, 'not found\n');
    }
  });
  server.listen(port, host, () => {
    console.log(`serving ${resolve(root)} at http://${host}:${port}/ and /tools/parallax/,`);
    console.log(`and the example host page at http://${host}:${port}/examples/embed/host.html`);
  });
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  serve({
    root: arg('--root', join(here, '..', '..', 'dist')),
    port: Number(arg('--port', process.env.PARALLAX_E2E_PORT ?? 8787)),
  });
}
