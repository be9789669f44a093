import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { newIdempotencyKey } from '../../src/outbox/idempotency-key.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('a random UUID, in a secure context and without crypto.randomUUID (a site on plain http)', () => {
  const insecure = { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as Pick<Crypto, 'getRandomValues'>;
  for (const make of [() => newIdempotencyKey(), () => newIdempotencyKey(insecure)]) {
    const keys = new Set(Array.from({ length: 1000 }, make));
    assert.equal(keys.size, 1000);
    for (const key of keys) assert.match(key, UUID_V4);
  }
});
