// Brotli and gzip copies of the scripts and style sheets in dist/ (guichet.js.br, guichet.js.gz…),
// made once per build at the highest levels. The endpoint sends the copy the browser accepts
// (@fastify/static's preCompressed), and so can a CDN or nginx (brotli_static, gzip_static) that
// serves a copy of dist/. Sent as they are, guichet.js and the chunks a form's first step waits
// for are about three times larger: the first question came ~330 ms later on a slow 4G link.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function writeCompressedCopies(dist) {
  for (const entry of readdirSync(dist, { recursive: true })) {
    const path = join(dist, entry);
    if (!/\.(js|css)$/.test(path) || !statSync(path).isFile()) continue;
    const body = readFileSync(path);
    const params = {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    };
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params }));
    writeFileSync(`${path}.gz`, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
  }
}
