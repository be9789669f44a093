// Copies dist/guichet.js, dist/guichet-desk.js and every chunk they can load, so the bench measures
// one build throughout.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { reachable } from './size.mjs';

export function snapshotDist(root, target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // The citizens' bundle and the agents' desk, each with every chunk it can load.
  for (const entry of ['guichet.js', 'guichet-desk.js'])
    for (const file of reachable(join(root, 'dist', entry), { lazy: true }))
      copyFileSync(file, join(target, basename(file)));
  // The snippet names the chunk it preloads: the same build's.
  copyFileSync(join(root, 'dist/snippet.html'), join(target, 'snippet.html'));
  return target;
}
