// Files are found by their field's kind, never by the look of a value.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDefinition, type FormModel } from '@guichet/core';
import { fileSlots } from './file-slots.js';

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

const { fields } = model({
  name: { type: 'string', title: 'Nom' },
  photo: { type: 'string', contentMediaType: 'image/*', title: 'Photo' },
  address: {
    type: 'object',
    title: 'Adresse',
    properties: { proof: { type: 'string', contentMediaType: 'application/pdf', title: 'Justificatif' } },
  },
});

describe('fileSlots', () => {
  it('finds files by their field’s kind, in fieldsets too, and never takes a text answer for a file', () => {
    // A citizen may type anything, including what a file key looks like.
    const data = { name: 'file-1', photo: 'file-1', address: { proof: 'file-2' } };
    assert.deepEqual(fileSlots(fields, data), [
      { pointer: '/photo', key: 'file-1' },
      { pointer: '/address/proof', key: 'file-2' },
    ]);
  });

  it('finds files inside the items of a group', () => {
    const { fields: groupFields } = model({
      pets: {
        type: 'array',
        title: 'Animaux',
        items: {
          type: 'object',
          properties: { photo: { type: 'string', contentMediaType: 'image/*', title: 'Photo' } },
        },
      },
    });
    assert.deepEqual(fileSlots(groupFields, { pets: [{ photo: 'a' }, {}, { photo: 'b' }] }), [
      { pointer: '/pets/0/photo', key: 'a' },
      { pointer: '/pets/2/photo', key: 'b' },
    ]);
  });
});
