/**
 * The build writes a brotli and a gzip copy beside each file of dist/ (scripts/lib/precompress.mjs),
 * which the endpoint sends to browsers that accept them. A copy that no longer says what its file
 * says (dist/ updated by hand, or copied in part) would send those browsers the old script while
 * others get the new one: then no copy is sent, and the log says which ones are off. Compared by
 * content, not by time: a plain `cp -r` gives the files any order of times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** The compressed copies under `dist` that do not decompress to their file (or whose file is gone). */
export function staleCompressedCopies(dist: string): string[] {
  const stale: string[] = [];
  for (const entry of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const encoding = /\.(br|gz)$/.exec(entry)?.[1];
    if (!encoding) continue;
    try {
      const copy = readFileSync(join(dist, entry));
      const original = readFileSync(join(dist, entry.slice(0, -encoding.length - 1)));
      if (!(encoding === 'br' ? brotliDecompressSync(copy) : gunzipSync(copy)).equals(original)) stale.push(entry);
    } catch {
      stale.push(entry);
    }
  }
  return stale.sort();
}
