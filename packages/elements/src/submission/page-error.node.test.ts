// What a failed send tells the page, and how often an upload's progress is spoken: no browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EndpointError } from '@guichet/core';
import { forWebTeam, quarterAnnouncements, sendingErrorEvent } from './page-error.js';

describe('sendingErrorEvent', () => {
  it('gives the page the citizen’s reason for an outage, as a network error', () => {
    const event = sendingErrorEvent(
      new EndpointError('network', 'fetch failed'),
      'fr',
      'https://gru.example',
      new Set(),
    );
    assert.equal(event.type, 'guichet-error');
    assert.equal(event.detail.kind, 'network');
    assert.notEqual(event.detail.message, 'fetch failed');
    assert.equal(event.detail.code, undefined);
  });

  it('gives the web team the setting to change, with its code', () => {
    const error = new EndpointError('configuration', 'api_key is required', { code: 'api-key' });
    assert.equal(forWebTeam(error), true);
    const event = sendingErrorEvent(error, 'en', 'https://gru.example', new Set());
    assert.deepEqual(
      [event.detail.kind, event.detail.message, event.detail.code],
      ['configuration', 'api_key is required', 'api-key'],
    );
  });

  it('names a request whose fate is unknown, for the web team', () => {
    const error = new EndpointError('unconfirmed', 'the answer was lost');
    assert.equal(forWebTeam(error), true);
    const event = sendingErrorEvent(error, 'fr', 'https://gru.example', new Set());
    assert.deepEqual([event.detail.kind, event.detail.code], ['network', 'unconfirmed']);
  });

  it('keeps a server error the citizen’s to read, with its HTTP status', () => {
    const error = new EndpointError('server', 'boom', { status: 503 });
    assert.equal(forWebTeam(error), false);
    const event = sendingErrorEvent(error, 'fr', 'https://gru.example', new Set());
    assert.deepEqual([event.detail.kind, event.detail.status], ['server', 503]);
  });
});

describe('quarterAnnouncements', () => {
  it('speaks at each quarter once, however many chunks arrive', () => {
    const said: number[] = [];
    const progress = quarterAnnouncements((step) => said.push(step));
    for (let sent = 0; sent <= 1000; sent += 10) progress(sent, 1000);
    progress(1000, 1000);
    assert.deepEqual(said, [25, 50, 75, 100]);
  });

  it('says nothing for a file of unknown size', () => {
    const said: number[] = [];
    quarterAnnouncements((step) => said.push(step))(500, 0);
    assert.deepEqual(said, []);
  });
});
