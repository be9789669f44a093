/** The environment variables of docs/deploying.md, read and checked (src/config.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFromEnv, ConfigError } from '../src/config.js';

test('every limit has its variable; sizes take units; defaults otherwise', () => {
  const { options } = configFromEnv({
    GUICHET_LOOKUP_LIMIT: '12',
    GUICHET_SUBMISSION_LIMIT: '40',
    GUICHET_UPLOAD_LIMIT: '90',
    GUICHET_ADMIN_FAILURE_LIMIT: '5',
    GUICHET_UNCLAIMED_UPLOADS_PER_CLIENT: '50M',
    GUICHET_UNCLAIMED_UPLOADS_TOTAL: '4G',
    GUICHET_MIN_FREE_SPACE: '512MiB',
    GUICHET_IDEMPOTENCY_KEY_HOURS: '48',
    GUICHET_HEADERS_TIMEOUT: '10',
    GUICHET_REQUEST_TIMEOUT: '600',
    GUICHET_IDLE_TIMEOUT: '20',
    GUICHET_ADMIN_ORIGINS: 'https://desk.example.org, https://desk2.example.org',
  });
  const limits = options.limits!;
  assert.deepEqual(
    [limits.lookups?.max, limits.submissions?.max, limits.uploads?.max, limits.adminFailures?.max],
    [12, 40, 90, 5],
  );
  assert.equal(limits.unclaimedBytesPerClient, 50 * 1024 ** 2);
  assert.equal(limits.unclaimedBytesTotal, 4 * 1024 ** 3);
  assert.equal(limits.minFreeBytes, 512 * 1024 ** 2);
  assert.equal(limits.idempotencyKeyTtlMs, 48 * 3_600_000);
  assert.deepEqual(limits.timeouts, { headersMs: 10_000, requestMs: 600_000, idleMs: 20_000 });
  assert.deepEqual(options.adminOrigins, ['https://desk.example.org', 'https://desk2.example.org']);
  const defaults = configFromEnv({}).options;
  assert.deepEqual(defaults.adminOrigins, [], 'no desk origin unless set');
  assert.equal(defaults.trustProxy, undefined, 'no proxy trusted unless set');
});

test('GUICHET_TRUST_PROXY: a hop count or the proxies\' addresses, never "everything"', () => {
  assert.equal(configFromEnv({ GUICHET_TRUST_PROXY: '1' }).options.trustProxy, 1);
  assert.deepEqual(configFromEnv({ GUICHET_TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).options.trustProxy, [
    '10.0.0.5',
    '10.0.1.0/24',
  ]);
  for (const value of ['true', 'TRUE', '*', 'all'])
    assert.throws(() => configFromEnv({ GUICHET_TRUST_PROXY: value }), /choose its address/, value);
});

test('a wrong value is refused naming the variable and what it takes', () => {
  for (const [name, value, words] of [
    ['GUICHET_SUBMISSION_LIMIT', 'lots', /GUICHET_SUBMISSION_LIMIT must be a whole number of submissions per hour/],
    ['GUICHET_MIN_FREE_SPACE', '1 gallon', /GUICHET_MIN_FREE_SPACE must be a size in bytes/],
    ['GUICHET_REQUEST_TIMEOUT', '-5', /GUICHET_REQUEST_TIMEOUT must be a number of seconds/],
    ['GUICHET_SECRET', 'short', /at least 32 characters/],
  ] as const) {
    assert.throws(
      () => configFromEnv({ [name]: value }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match((error as Error).message, words);
        return true;
      },
    );
  }
});
