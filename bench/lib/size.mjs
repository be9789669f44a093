// Bytes on the wire: minified and gzip (level 9) size of Guichet's CDN bundle and of every chunk
// it can load lazily (followed through its import() calls, so stale files in dist/ do not count),
// and of each peer's bundle built the same way.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';

const measure = (path) => {
  const bytes = readFileSync(path);
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

/**
 * Files reachable from `entry`: through static imports only, or through import() as well (which
 * the CDN bundle writes `__guichetImport(…)`: see scripts/lib/retry-imports.mjs).
 */
export function reachable(entry, { lazy }) {
  const seen = new Set();
  const queue = [entry];
  const pattern = lazy
    ? /(?:import\(|__guichetImport\(|from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g
    : /(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g;
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) queue.push(join(dirname(file), match[1]));
  }
  return [...seen];
}

const sum = (files) =>
  files.reduce((total, f) => ({ minified: total.minified + f.minified, gzip: total.gzip + f.gzip }), {
    minified: 0,
    gzip: 0,
  });

export function sizes({ buildDir, distDir }) {
  const entry = join(distDir, 'guichet.js');
  const describe = (path) => ({ file: `dist/${path.slice(distDir.length + 1)}`, ...measure(path) });
  // What a page loads before any element works: the entry and what it imports statically.
  const eager = reachable(entry, { lazy: false });
  const all = reachable(entry, { lazy: true });
  const mainFiles = eager.map(describe);
  const lazyFiles = all.filter((path) => !eager.includes(path)).map(describe);
  const peers = Object.fromEntries(
    ['rjsf', 'jsonforms', 'floor'].map((name) => [name, measure(join(buildDir, `${name}.js`))]),
  );
  // The agents' desk is its own entry: what an agent's browser loads, never a citizen's.
  const deskFiles = reachable(join(distDir, 'guichet-desk.js'), { lazy: true }).map(describe);
  return {
    guichet: {
      main: { files: mainFiles, ...sum(mainFiles) },
      lazy: lazyFiles,
      total: sum([...mainFiles, ...lazyFiles]),
    },
    desk: { files: deskFiles, ...sum(deskFiles) },
    peers,
  };
}
