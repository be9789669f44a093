// Copies dist/guichet.js and every chunk it can load, so the bench measures one build throughout.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { reachable } from './size.mjs';

export function snapshotDist(root, target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const file of reachable(join(root, 'dist/guichet.js'), { lazy: true }))
    copyFileSync(file, join(target, basename(file)));
  // The snippet names the chunk it preloads: the same build's.
  copyFileSync(join(root, 'dist/snippet.html'), join(target, 'snippet.html'));
  return target;
}
