// What the form's attributes say about its back office, as plain functions: no browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adapterSettings, serviceSource } from './adapter-attributes.js';

const open311 = { adapter: 'open311', endpoint: 'https://311.example.org/v2', service: 'pothole' };

describe('serviceSource', () => {
  it('builds an Open311 form from the service named, in the page language, with its jurisdiction', () => {
    assert.deepEqual(serviceSource({ ...open311, jurisdiction: 'ville.example' }, 'en'), {
      endpoint: 'https://311.example.org/v2',
      service: 'pothole',
      lang: 'en',
      jurisdiction: 'ville.example',
    });
    assert.deepEqual(serviceSource(open311, 'fr'), { endpoint: open311.endpoint, service: 'pothole', lang: 'fr' });
  });

  it('leaves a form that has a definition of its own, or names no service, alone', () => {
    assert.equal(serviceSource({ ...open311, src: '/api/forms/voirie' }, 'fr'), undefined);
    assert.equal(serviceSource({ ...open311, definition: {} }, 'fr'), undefined);
    assert.equal(serviceSource({ ...open311, adapter: 'guichet' }, 'fr'), undefined);
    assert.equal(serviceSource({ adapter: 'open311', endpoint: open311.endpoint }, 'fr'), undefined);
    assert.equal(serviceSource({ adapter: 'open311', service: 'pothole' }, 'fr'), undefined);
  });
});

describe('adapterSettings', () => {
  it('passes the key, the jurisdiction and the multi-value style under the adapter’s names', () => {
    assert.deepEqual(adapterSettings({ ...open311, apiKey: 'k', jurisdiction: 'j', multiValue: 'repeat' }), {
      apiKey: 'k',
      jurisdictionId: 'j',
      multiValue: 'repeat',
    });
  });

  it('leaves unset settings out, so the adapter keeps its defaults', () => {
    assert.deepEqual(adapterSettings({ adapter: 'guichet', apiKey: '' }), {});
  });
});
