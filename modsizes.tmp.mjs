import { rollup } from 'rollup';
import configs from './rollup.config.mjs';
import zlib from 'node:zlib';
const cdn = configs.at(-1);
const bundle = await rollup({ ...cdn, onwarn() {} });
const { output } = await bundle.generate({ ...cdn.output, sourcemap: false });
for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  console.log('==', chunk.fileName, zlib.gzipSync(chunk.code, { level: 9 }).length);
  const mods = Object.entries(chunk.modules).map(([id, m]) => [id.replace(/.*\/(packages|node_modules)\//, '$1/'), m.renderedLength]).sort((a, b) => b[1] - a[1]);
  for (const [id, len] of mods.slice(0, 40)) if (len > 0) console.log(String(len).padStart(7), id);
}
