// Where things are in a form, as a plain class: no browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDefinition } from '@guichet/core';
import { FormIndex } from './form-index.js';

const result = loadDefinition({
  id: 'essai',
  version: '1.0.0',
  title: 'Essai',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Nom' },
      children: {
        type: 'array',
        title: 'Enfants',
        items: { type: 'object', properties: { firstName: { type: 'string', title: 'Prénom' } } },
      },
      comment: { type: 'string', title: 'Commentaire' },
    },
  },
  ui: {
    steps: [
      { title: 'Vous', fields: ['name', 'children'] },
      { title: 'Message', fields: ['comment'] },
    ],
  },
});
if (!result.ok) throw new Error('the test form must load');
const index = new FormIndex(result.model);

describe('FormIndex', () => {
  it('finds the field a pointer names, inside array items too', () => {
    assert.equal(index.fieldAt('/name')?.name, 'name');
    assert.equal(index.fieldAt('/children/3/firstName')?.name, 'firstName');
    assert.equal(index.fieldAt('/nothing'), undefined);
  });

  it('brings a problem with no field of its own to its closest question', () => {
    assert.equal(index.nearestField('/children/0/firstName'), '/children/0/firstName');
    assert.equal(index.nearestField('/children/0/unknown'), '/children/0');
    assert.equal(index.nearestField('/unknown'), '');
  });

  it('says which step shows a question, and the step’s fields in order', () => {
    assert.deepEqual(
      index.stepFields(0).map((field) => field.name),
      ['name', 'children'],
    );
    assert.equal(index.stepOf('/children/1/firstName'), 0);
    assert.equal(index.stepOf('/comment'), 1);
    assert.equal(index.stepOf('/nothing'), -1);
    assert.equal(index.inStep('/comment', 1), true);
    assert.equal(index.inStep('/comment', 0), false);
  });

  it('knows whether any question must be answered, nested ones included', () => {
    assert.equal(index.asksRequired, false);
    const nested = loadDefinition({
      id: 'adresse',
      version: '1.0.0',
      title: 'Adresse',
      schema: {
        type: 'object',
        properties: {
          address: {
            type: 'object',
            title: 'Adresse',
            properties: { street: { type: 'string', title: 'Rue' } },
            required: ['street'],
          },
        },
      },
    });
    if (!nested.ok) throw new Error('the test form must load');
    assert.equal(new FormIndex(nested.model).asksRequired, true);
  });

  it('ranks problems in reading order: step by step, then as listed, unknown ones last', () => {
    const pointers = ['/comment', '/unknown', '/children/0/firstName', '/name'];
    assert.deepEqual(
      pointers.sort((a, b) => index.rank(a) - index.rank(b)),
      ['/name', '/children/0/firstName', '/comment', '/unknown'],
    );
  });
});
