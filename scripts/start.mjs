// `npm start`: builds what is missing or stale, then runs the reference endpoint with the demo
// town site at http://127.0.0.1:8787 (PORT, HOST, GUICHET_DB, GUICHET_FORMS_DIR, …, see
// docs/deploying.md). Without GUICHET_ADMIN_TOKEN, one is generated once and kept beside the database
// (data/admin-token, mode 0600). Prints the URL, the admin token only the one time it generated
// it (a token from the environment or from that file would otherwise end up in service logs), and
// a snippet to paste; in a terminal the endpoint then logs readable lines and no line per
// successful request, so they stay on screen (GUICHET_LOG_FORMAT=json for one JSON line per
// request). SIGINT/SIGTERM stop it.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const outputs = [
  'dist/guichet.js',
  // Its compressed copies, which builds before this one did not write.
  'dist/guichet.js.br',
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

const publicHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
const publicUrl = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${env.PORT}`;
// The demo town's tracking page: the link in every mail.
env.GUICHET_TRACKER_URL ||= `${publicUrl}/suivi.html`;
env.GUICHET_MAIL_FROM ||= 'Mairie de Montfleury <ne-pas-repondre@montfleury.example>';
if (!env.GUICHET_SMTP_URL) env.GUICHET_MAIL_DIR ||= join(dirname(env.GUICHET_DB), 'mail');
const mailNote = env.GUICHET_SMTP_URL
  ? `Mails            sent through ${env.GUICHET_SMTP_URL.replace(/\/\/[^@/]*@/, '//…@')}`
  : `Mails            written to ${env.GUICHET_MAIL_DIR}/ as .eml files (GUICHET_SMTP_URL to send them)`;

const child = spawn(process.execPath, ['packages/endpoint/dist/main.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

const url = publicUrl;
for (let attempt = 0; attempt < 300 && child.exitCode === null; attempt++) {
  const up = await fetch(`${url}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (up) {
    console.log(banner(await firstFormId()));
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

async function firstFormId() {
  const forms = await fetch(`${url}/api/forms`).then(
    (response) => (response.ok ? response.json() : []),
    () => [],
  );
  return forms.find((form) => form.id === 'signalement-voirie')?.id ?? forms[0]?.id ?? 'FORM-ID';
}

function banner(formId) {
  return [
    '',
    `Guichet is running at ${url}`,
    '',
    `  Demo town site   ${url}/`,
    `  ${tokenLine}`,
    `    curl -H "Authorization: Bearer ${tokenForCurl}" ${url}/api/admin/requests`,
    `  Forms            ${env.GUICHET_FORMS_DIR}/ (saved changes are served at once)`,
    `  ${mailNote}`,
    '',
    '  In a page of your site (allow its origin with GUICHET_ALLOWED_ORIGINS=https://www.your-town.fr):',
    `    <script type="module" src="${url}/dist/guichet.js"></script>`,
    `    <guichet-form src="${url}/api/forms/${formId}" endpoint="${url}/api" lang="fr"></guichet-form>`,
    '',
    'Stop with Ctrl+C.',
    '',
  ].join('\n');
}
