// Serves the built UI (ui/dist) on 127.0.0.1 under the app's CSP, for the e2e run and the
// library benchmark.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

// Stricter than the desktop shell's policy (no inline styles at all): Tauri adds nonces to its CSP,
// and a nonce makes browsers ignore 'unsafe-inline', so the UI must not depend on it.
const CSP = "default-src 'self'; style-src 'self'";
/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Serves `dist` (ui/dist) on 127.0.0.1 at a free port; anything outside it, or missing, is a 404.
 * @param {string} dist
 * @returns {Promise<import('node:http').Server>}
 */
export function serve(dist) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dist, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(dist) || !(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CSP,
      });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
