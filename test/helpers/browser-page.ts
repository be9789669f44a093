/**
 * For reliability tests that drive the real elements in Chromium from Node: the elements bundled
 * from their sources (esbuild), served with an empty page on 127.0.0.1, and a headless Chromium.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function bundleElements(): Promise<string> {
  const result = await build({
    entryPoints: [`${root}packages/elements/src/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: `${root}tsconfig.json`,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `/` (a page that loads the elements) and `/guichet.js`. */
export function servePage(script: string): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/guichet.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return void res.end(script);
    }
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Guichet</title><script type="module" src="/guichet.js"></script></head><body><main></main></body></html>',
      );
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
