// The ranked renderer registry, alone: the highest rank wins, and what is unregistered is gone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Field } from '@guichet/core';
import { FieldRegistry, isKind, rankWith, type FieldRenderer } from './registry.js';

const field = (name: string, kind: Field['kind'] = 'text') => ({ name, kind }) as Field;

function renderer(name: string, rank: number, predicate: (field: Field) => boolean): FieldRenderer {
  return { name, tester: rankWith(rank, predicate), render: () => assert.fail('not drawn here') };
}

const text = renderer('text', 1, isKind('text'));
const postalCode = renderer('postal-code', 5, (field) => field.name === 'postalCode');

describe('FieldRegistry', () => {
  it('picks the renderer with the highest rank, or none when none applies', () => {
    const registry = new FieldRegistry().register(text, postalCode);
    assert.equal(registry.pick(field('postalCode'))?.name, 'postal-code');
    assert.equal(registry.pick(field('city'))?.name, 'text');
    assert.equal(registry.pick(field('photo', 'file')), undefined);
  });

  it('gives a field back to the renderer below once the one above is unregistered', () => {
    const registry = new FieldRegistry().register(text, postalCode);
    const code = field('postalCode');
    assert.equal(registry.pick(code)?.name, 'postal-code');
    registry.unregister(postalCode);
    assert.equal(registry.pick(code)?.name, 'text');
    registry.unregister(postalCode);
    assert.equal(registry.pick(code)?.name, 'text', 'unregistering twice changes nothing');
  });

  it('lets a field picked before a registration pick again', () => {
    const registry = new FieldRegistry().register(text);
    const code = field('postalCode');
    assert.equal(registry.pick(code)?.name, 'text');
    registry.register(postalCode);
    assert.equal(registry.pick(code)?.name, 'postal-code');
  });
});
