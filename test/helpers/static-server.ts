/**
 * A tiny static file server on 127.0.0.1 and a free port, for tests that need pages served from
 * an origin of their own (Storybook's build, the embedding examples with their CSP header).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves each URL prefix from its directory (`{'/': 'examples', '/dist/': 'dist'}`, longest prefix
 * first); `headers(path)` adds response headers to each file (a CSP for HTML pages, say).
 */
export async function serveStatic(
  mounts: Record<string, string>,
  headers: (path: string) => Record<string, string> = () => ({}),
  /** Changes a text file on its way out (an example's endpoint URL, say). */
  rewrite: (path: string, text: string) => string = (_path, text) => text,
): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    // Browsers ask every origin for a favicon; a page without one is not broken.
    if (!prefix) return void response.writeHead(path === '/favicon.ico' ? 204 : 404).end();
    const base = normalize(mounts[prefix]!);
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const raw = await readFile(file);
      const body = /\.(html|js|mjs|css|json)$/.test(file) ? rewrite(path, raw.toString('utf8')) : raw;
      response.writeHead(200, {
        'Content-Type': types[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        ...headers(path),
      });
      response.end(body);
    } catch {
      // Browsers ask every origin for a favicon; a page without one is not broken.
      if (path === '/favicon.ico') return void response.writeHead(204).end();
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
