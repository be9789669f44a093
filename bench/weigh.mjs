// `node bench/weigh.mjs`: what weighs in dist/ — for each source file, the gzip bytes its code
// adds to the chunk that holds it (the chunk gzipped without that file's bytes, from the source
// map, against the chunk whole: gzip shares a dictionary, so a file's raw size says little).
// Reads the existing build (`npm run build` first).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { reachable } from './lib/size.mjs';

const dist = join(import.meta.dirname, '..', 'dist');
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const rows = [];
for (const file of reachable(join(dist, 'guichet.js'), { lazy: true })) {
  const code = readFileSync(file, 'utf8');
  const lineStarts = [0];
  for (const line of code.split('\n')) lineStarts.push(lineStarts.at(-1) + line.length + 1);
  const offset = (line, column) => lineStarts[line - 1] + column;
  const spans = new Map();
  let previous;
  new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8'))).eachMapping((mapping) => {
    if (previous?.generatedLine === mapping.generatedLine) {
      const source = previous.source ?? '(unmapped)';
      if (!spans.has(source)) spans.set(source, []);
      spans
        .get(source)
        .push([
          offset(previous.generatedLine, previous.generatedColumn),
          offset(mapping.generatedLine, mapping.generatedColumn),
        ]);
    }
    previous = mapping;
  });
  const whole = gzip(code);
  for (const [source, ranges] of spans) {
    const keep = new Uint8Array(code.length).fill(1);
    for (const [start, end] of ranges) keep.fill(0, start, end);
    let without = '';
    for (let i = 0; i < code.length; i++) if (keep[i]) without += code[i];
    rows.push({
      gzip: whole - gzip(without),
      minified: code.length - without.length,
      chunk: file.slice(dist.length + 1),
      source: source.replace(/^.*?\/(packages|node_modules)\//, '$1/'),
    });
  }
}
rows.sort((a, b) => b.gzip - a.gzip);
const limit = Number(process.argv[2] ?? 40);
console.log('gzip B  min B  chunk                               source');
for (const row of rows.slice(0, limit))
  console.log(
    `${String(row.gzip).padStart(6)} ${String(row.minified).padStart(6)}  ${row.chunk.padEnd(35)} ${row.source}`,
  );
