// A static server on 127.0.0.1 for the bench pages: dist/ (Guichet's CDN bundle and chunks),
// the peers' bundles, the harness and the contender drivers.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const types = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
  '.json': 'application/json',
  '.map': 'application/json',
};

export function pageHtml(name, script) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench ${name}</title></head>
<body><main id="stage"></main>
<script type="module">
import { contender } from '${script}';
import { createBench } from '/bench/page/harness.js';
window.bench = createBench(contender);
window.benchReady = true;
</script></body></html>`;
}

const compressed = new Map();
const gzipped = (path, body) => {
  if (!compressed.has(path)) compressed.set(path, gzipSync(body, { level: 9 }));
  return compressed.get(path);
};

export function startStaticServer({ root, buildDir, distDir }) {
  const mounts = [
    ['/dist/', distDir],
    ['/build/', buildDir],
    ['/bench/', join(root, 'bench')],
  ];
  const scripts = {
    guichet: '/bench/contenders/guichet.js',
    rjsf: '/build/rjsf.js',
    jsonforms: '/build/jsonforms.js',
    floor: '/build/floor.js',
  };
  /** The time-to-first-question pages (lib/first-question.mjs), once the endpoint's URL is known. */
  let firstPages = {};
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const first = url.pathname.match(/^\/first\/([\w-]+)$/);
    if (first && firstPages[first[1]]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(firstPages[first[1]]);
    }
    const page = url.pathname.match(/^\/page\/(\w+)$/);
    if (page && scripts[page[1]]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(pageHtml(page[1], scripts[page[1]]));
    }
    for (const [prefix, dir] of mounts) {
      if (!url.pathname.startsWith(prefix)) continue;
      const path = normalize(join(dir, url.pathname.slice(prefix.length)));
      if (!path.startsWith(dir)) break;
      try {
        const body = await readFile(path);
        const ext = path.slice(path.lastIndexOf('.'));
        // Compressed as any CDN or CMS serves scripts: on a slow network the bytes are the time.
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          res.writeHead(200, { 'Content-Type': types[ext] ?? 'application/octet-stream', 'Content-Encoding': 'gzip' });
          return void res.end(gzipped(path, body));
        }
        res.writeHead(200, { 'Content-Type': types[ext] ?? 'application/octet-stream' });
        return void res.end(body);
      } catch {
        break;
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        setFirstPages: (pages) => (firstPages = pages),
        close: () => new Promise((r) => server.close(r)),
      }),
    ),
  );
}
