// One adapter per set of settings, as a plain class: no browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAdapter } from '@guichet/core';
import { AdapterCache } from './status-sources.js';

describe('AdapterCache', () => {
  const settings = { endpoint: 'https://gru.example/api', adapter: 'guichet' };

  it('gives the same adapter for the same settings, so a poll does not build one each time', () => {
    const cache = new AdapterCache();
    let built = 0;
    const counting: typeof createAdapter = (name, config) => (built++, createAdapter(name, config));
    const first = cache.get(counting, settings);
    assert.equal(cache.get(counting, { ...settings, endpoint: ' https://gru.example/api ' }), first);
    assert.equal(built, 1);
  });

  it('builds another when the endpoint, the adapter or its key change', () => {
    const cache = new AdapterCache();
    const first = cache.get(createAdapter, settings);
    const other = cache.get(createAdapter, { ...settings, endpoint: 'https://autre.example/api' });
    assert.notEqual(other, first);
    const keyed = cache.get(createAdapter, { ...settings, adapter: 'open311', apiKey: 'k' });
    assert.notEqual(keyed, other);
  });
});
