// The Node version package.json promises is one every locked dependency supports: otherwise
// `npm ci` warns EBADENGINE on the oldest Node the README names, and the package may not run there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';

interface Lock {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
}

test('every locked package supports the oldest Node that package.json promises', () => {
  const promise = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
  const oldest = semver.minVersion(promise);
  assert.ok(oldest, `engines.node "${promise}" names no version`);
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;
  const refusing = Object.entries(lock.packages)
    .map(([path, entry]) => ({ path, range: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
    .filter(({ range }) => range !== undefined && !semver.satisfies(oldest, range!, { includePrerelease: true }))
    .map(({ path, range }) => `${path.replace(/^.*node_modules\//, '')} needs Node ${range}`);
  assert.deepEqual(refusing, [], `Node ${oldest.version} is promised, but:\n${refusing.join('\n')}`);
});
