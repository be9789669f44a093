// `npm start`: builds what is missing or stale, then runs the reference endpoint with the demo
// town site at http://127.0.0.1:8787 (PORT, HOST, GUICHET_DB, GUICHET_FORMS_DIR, …, see
// docs/deploying.md). Without GUICHET_ADMIN_TOKEN, one is generated once and kept beside the database
// (data/admin-token, mode 0600). Prints the URL, and the admin token only the one time it
// generated it: a token from the environment or from that file would otherwise end up in service
// logs. SIGINT/SIGTERM stop it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const outputs = [
  'dist/guichet.js',
  'packages/endpoint/dist/main.js',
  'packages/core/dist/index.js',
  'packages/core/dist/standalone.js',
];

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const name of readdirSync('packages'))
    if (existsSync(join('packages', name, 'src'))) walk(join('packages', name, 'src'));
  return newest;
}

const sources = newestSource();
const stale = outputs.filter((path) => !existsSync(path) || statSync(path).mtimeMs < sources);
if (stale.length) {
  console.log(`Building (${stale.join(', ')} missing or older than the sources)…`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed: see above.');
    process.exit(build.status ?? 1);
  }
}

const env = {
  ...process.env,
  PORT: process.env.PORT || '8787',
  HOST: process.env.HOST || '127.0.0.1',
  GUICHET_DB: process.env.GUICHET_DB || 'data/guichet.sqlite',
  GUICHET_FORMS_DIR: process.env.GUICHET_FORMS_DIR || 'schemas/forms',
};

let tokenLine = 'Admin token: from GUICHET_ADMIN_TOKEN (not shown)';
let tokenForCurl = '$GUICHET_ADMIN_TOKEN';
if (!env.GUICHET_ADMIN_TOKEN) {
  const tokenPath = join(dirname(env.GUICHET_DB), 'admin-token');
  tokenForCurl = `$(cat ${tokenPath})`;
  if (existsSync(tokenPath)) {
    env.GUICHET_ADMIN_TOKEN = readFileSync(tokenPath, 'utf8').trim();
    tokenLine = `Admin token: in ${tokenPath} (not shown again)`;
  } else {
    mkdirSync(dirname(tokenPath), { recursive: true });
    env.GUICHET_ADMIN_TOKEN = randomBytes(24).toString('base64url');
    writeFileSync(tokenPath, env.GUICHET_ADMIN_TOKEN + '\n', { mode: 0o600 });
    tokenLine = `Admin token (new, saved in ${tokenPath}, shown this once): ${env.GUICHET_ADMIN_TOKEN}`;
  }
}

const child = spawn(process.execPath, ['packages/endpoint/dist/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
const url = `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
for (let attempt = 0; attempt < 300 && child.exitCode === null; attempt++) {
  const up = await fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (up) {
    console.log(
      `\nGuichet is running at ${url}\n${tokenLine}\n` +
        `  e.g. curl -H "Authorization: Bearer ${tokenForCurl}" ${url}/api/admin/requests\nStop with Ctrl+C.\n`,
    );
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
