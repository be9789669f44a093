// `npm run build`: declarations with tsc, JavaScript with rollup (see rollup.config.mjs), then
// each package's declarations copied beside its JavaScript.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync('build/types', { recursive: true, force: true });
run('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
run('node_modules/.bin/rollup', ['-c', 'rollup.config.mjs', '--silent']);
for (const name of ['core', 'elements', 'endpoint', 'cli']) {
  const types = `build/types/packages/${name}/src`;
  if (existsSync(types)) cpSync(types, `packages/${name}/dist`, { recursive: true });
}
