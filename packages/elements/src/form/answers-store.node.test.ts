// The answers the citizen gave, as a plain class: no browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDefinition, type Field, type FormModel } from '@guichet/core';
import { AnswersStore } from './answers-store.js';

function model(properties: Record<string, unknown>): FormModel {
  const result = loadDefinition({
    id: 'essai',
    version: '1.0.0',
    title: 'Essai',
    schema: { type: 'object', properties },
  });
  if (!result.ok) assert.fail(JSON.stringify(result.error.problems));
  return result.model;
}

const field = (fields: readonly Field[], name: string): Field => fields.find((f) => f.name === name)!;

const { fields } = model({
  name: { type: 'string', title: 'Nom' },
  age: { type: 'integer', title: 'Âge' },
  subscribe: { type: 'boolean', title: 'Abonnement' },
  photo: { type: 'string', contentMediaType: 'image/*', title: 'Photo' },
  address: {
    type: 'object',
    title: 'Adresse',
    properties: { proof: { type: 'string', contentMediaType: 'application/pdf', title: 'Justificatif' } },
  },
  children: {
    type: 'array',
    title: 'Enfants',
    maxItems: 2,
    items: {
      type: 'object',
      properties: { first: { type: 'string', title: 'Prénom' }, age: { type: 'integer', title: 'Âge' } },
    },
  },
});

const photo = (name = 'chat.jpg') => new File(['x'], name, { type: 'image/jpeg' });

describe('AnswersStore', () => {
  it('starts from the given answers and the fields’ defaults, without changing what it was given', () => {
    const store = new AnswersStore();
    const given = { name: 'Ada' };
    store.replace(fields, given);
    assert.deepEqual(store.data, { name: 'Ada', subscribe: false });
    store.set('/name', 'Grace');
    assert.deepEqual(given, { name: 'Ada' });
  });

  it('sets and removes answers by pointer, creating objects on the way; a snapshot is a copy', () => {
    const store = new AnswersStore();
    store.replace(fields, undefined);
    store.set('/address/street', '1 rue de la Paix');
    assert.equal(store.value('/address/street'), '1 rue de la Paix');
    const snapshot = store.snapshot();
    store.set('/address/street', undefined);
    assert.deepEqual(store.value('/address'), {});
    assert.deepEqual(snapshot.address, { street: '1 rue de la Paix' });
  });

  it('keeps what was typed in a number field beside the number, and forgets it when emptied or replaced', () => {
    const store = new AnswersStore();
    store.replace(fields, undefined);
    store.setNumber('/age', '1 234,5', 1234.5);
    assert.equal(store.typed('/age'), '1 234,5');
    assert.equal(store.value('/age'), 1234.5);
    store.setNumber('/age', '  ', undefined);
    assert.equal(store.typed('/age'), undefined);
    assert.equal(store.value('/age'), undefined);
    store.setNumber('/age', '12', 12);
    store.replace(fields, { age: 40 });
    assert.equal(store.typed('/age'), undefined);
  });

  it('keeps a chosen file under a key its field holds, replaces it, and gives it back when removed', () => {
    const store = new AnswersStore();
    store.replace(fields, undefined);
    const first = photo('un.jpg');
    store.chooseFile('/photo', first);
    const key = store.value('/photo');
    assert.equal(typeof key, 'string');
    assert.equal(store.files.get(key as string), first);
    assert.equal(store.file('/photo'), first);
    const second = photo('deux.jpg');
    store.chooseFile('/photo', second);
    assert.equal(store.files.size, 1, 'the replaced file is let go');
    assert.equal(store.removeFile('/photo'), second);
    assert.equal(store.value('/photo'), undefined);
    assert.equal(store.files.size, 0);
    assert.equal(store.removeFile('/photo'), undefined);
  });

  it('adds items to a group up to its maximum, and removes them with what was typed in the items after', () => {
    const store = new AnswersStore();
    store.replace(fields, undefined);
    const children = field(fields, 'children');
    assert.equal(store.addItem(children, '/children'), 0);
    assert.equal(store.addItem(children, '/children'), 1);
    assert.equal(store.addItem(children, '/children'), undefined, 'maxItems is 2');
    store.set('/children/0/first', 'Ada');
    store.setNumber('/children/1/age', '7', 7);
    assert.equal(store.removeItem('/children', 5), undefined);
    assert.equal(store.removeItem('/children', 0), 1);
    assert.deepEqual(store.value('/children'), [{ age: 7 }]);
    assert.equal(store.typed('/children/1/age'), undefined, 'item 1 is now item 0: its typed text is forgotten');
    assert.equal(store.removeItem('/children', 0), 0);
    assert.equal(store.value('/children'), undefined, 'no items left: no answer');
  });

  it('keeps no file in a draft, at any depth', () => {
    const store = new AnswersStore();
    store.replace(fields, { name: 'Ada' });
    store.chooseFile('/photo', photo());
    store.chooseFile('/address/proof', new File(['%PDF'], 'a.pdf', { type: 'application/pdf' }));
    assert.deepEqual(store.forDraft(fields), { name: 'Ada', subscribe: false, address: {} });
  });
});
