// `node scripts/ajv-version-check.mjs 8.18.0`: does the page's ajv (scripts/lib/ajv-for-pages.mjs,
// which builds ajv from its TypeScript sources with Guichet's options as constants) survive another
// ajv version without porting work? Installs that version in a temporary folder with npm, copies
// the committed tree beside this checkout's node_modules with only ajv (and ajv-formats, which
// imports it) swapped, then builds and runs the tests that compare the page's ajv with Node's.
// Not part of `npm test` (it downloads); run it before moving ajv's range, and say what it said.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const version = process.argv[2];
if (!/^\d+\.\d+\.\d+$/.test(version ?? '')) {
  console.error('usage: node scripts/ajv-version-check.mjs <ajv version, e.g. 8.18.0>');
  process.exit(2);
}
const root = process.cwd();
const work = mkdtempSync(join(tmpdir(), `guichet-ajv-${version}-`));
const run = (command, args, cwd) => {
  console.log(`\n▶ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { cwd, stdio: 'inherit' }).status === 0;
};

try {
  const other = join(work, 'ajv');
  mkdirSync(other);
  writeFileSync(join(other, 'package.json'), '{"private":true}');
  if (!run('npm', ['install', '--no-audit', '--no-fund', `ajv@${version}`], other)) process.exit(1);

  const tree = join(work, 'tree');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git archive HEAD | tar -x -C '${tree}'`], { cwd: root });
  const modules = join(tree, 'node_modules');
  mkdirSync(join(modules, '@guichet'), { recursive: true });
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (!['ajv', 'ajv-formats', '@guichet'].includes(name))
      symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  symlinkSync(join(other, 'node_modules', 'ajv'), join(modules, 'ajv'));
  // A copy, not a link: Node resolves a linked package's imports from where it really is.
  cpSync(join(root, 'node_modules', 'ajv-formats'), join(modules, 'ajv-formats'), { recursive: true });
  for (const name of ['core', 'elements', 'endpoint', 'cli'])
    symlinkSync(join(tree, 'packages', name), join(modules, '@guichet', name));

  const ok =
    run(process.execPath, ['scripts/build.mjs'], tree) &&
    run(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        '--test',
        'test/node/page-ajv.test.ts',
        'test/node/reliability-verdicts.test.ts',
        'packages/core/test/keywords.test.ts',
        'packages/core/test/lazy-ajv.test.ts',
      ],
      tree,
    );
  console.log(`\najv ${version}: ${ok ? 'the page’s ajv builds and agrees with Node’s' : 'FAILED: see above'}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
