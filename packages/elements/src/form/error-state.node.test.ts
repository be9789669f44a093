// The problems the form shows, as a plain class: no browser needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDefinition, type FieldError } from '@guichet/core';
import { ErrorState } from './error-state.js';
import { FormIndex } from './form-index.js';

const result = loadDefinition({
  id: 'essai',
  version: '1.0.0',
  title: 'Essai',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Nom' },
      email: { type: 'string', format: 'email', title: 'Courriel' },
      address: { type: 'object', title: 'Adresse', properties: { town: { type: 'string', title: 'Commune' } } },
      children: {
        type: 'array',
        title: 'Enfants',
        items: { type: 'object', properties: { first: { type: 'string', title: 'Prénom' } } },
      },
    },
  },
  ui: {
    steps: [
      { title: 'Vous', fields: ['name', 'email'] },
      { title: 'Chez vous', fields: ['address', 'children'] },
    ],
  },
});
if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
const index = new FormIndex(result.model);

const error = (pointer: string, message: string, code = 'required'): FieldError => ({ pointer, code, message });

describe('FormIndex', () => {
  it('finds the field of a data pointer, array items left out, and the nearest one for a problem inside a field', () => {
    assert.equal(index.fieldAt('/children/3/first')?.name, 'first');
    assert.equal(index.fieldAt('/nothing'), undefined);
    assert.equal(index.nearestField('/address/town'), '/address/town');
    assert.equal(index.nearestField('/address/town/extra'), '/address/town');
    assert.equal(index.nearestField('/unknown'), '');
  });

  it('knows which step shows a question and in what order the citizen reads them', () => {
    assert.equal(index.stepOf('/children/0/first'), 1);
    assert.equal(index.stepOf('/unknown'), -1);
    assert.ok(index.inStep('/email', 0));
    assert.ok(!index.inStep('/email', 1));
    assert.deepEqual(
      index.stepFields(1).map((f) => f.name),
      ['address', 'children'],
    );
    assert.ok(index.rank('/name') < index.rank('/email'));
    assert.ok(index.rank('/email') < index.rank('/address/town'));
    assert.equal(index.rank('/unknown'), Number.MAX_SAFE_INTEGER);
  });
});

describe('ErrorState', () => {
  it('shows nothing before a failed attempt', () => {
    const errors = new ErrorState();
    errors.tell('/name', 'Indiquez votre nom');
    errors.clear();
    assert.equal(errors.recheck('/name', true), false);
    assert.equal(errors.message('/name'), undefined, 'invalid is not "shows an error"');
  });

  it('a round shows each field’s first problem and lists the problems once each, in reading order', () => {
    const errors = new ErrorState();
    errors.round(
      [
        error('/address/town', 'Indiquez la commune'),
        error('/email', 'Adresse invalide', 'format'),
        error('/email', 'Trop longue', 'maxLength'),
        error('/name', 'Indiquez votre nom'),
        error('/name', 'Indiquez votre nom'),
      ],
      index,
    );
    assert.equal(errors.shown, true);
    assert.equal(errors.message('/email'), 'Adresse invalide');
    assert.deepEqual(
      errors.summary.map((e) => `${e.pointer} ${e.message}`),
      [
        '/name Indiquez votre nom',
        '/email Adresse invalide',
        '/email Trop longue',
        '/address/town Indiquez la commune',
      ],
    );
  });

  it('a problem below any field belongs to its nearest field; one of no field is listed without a link', () => {
    const errors = new ErrorState();
    errors.round([error('/address/town/x', 'Commune inconnue'), error('/zz', 'Formulaire incomplet')], index);
    assert.equal(errors.message('/address/town'), 'Commune inconnue');
    assert.deepEqual(errors.summary, [
      { pointer: '/address/town', message: 'Commune inconnue' },
      { pointer: '', message: 'Formulaire incomplet' },
    ]);
  });

  it('a field checked again loses its message once fixed, and gains none before the next round', () => {
    const errors = new ErrorState();
    errors.round([error('/name', 'Indiquez votre nom')], index);
    assert.equal(errors.recheck('/name', true), false, 'still wrong: the message stays as it was');
    assert.equal(errors.message('/name'), 'Indiquez votre nom');
    assert.equal(errors.recheck('/name', false), true);
    assert.equal(errors.message('/name'), undefined);
    assert.equal(errors.recheck('/name', true), false, 'a new problem waits for the next round');
    assert.equal(errors.message('/name'), undefined);
  });

  it('forgets the messages inside a field and only there', () => {
    const errors = new ErrorState();
    errors.round([error('/children/0/first', 'A'), error('/children/1/first', 'B'), error('/name', 'C')], index);
    errors.forgetUnder('/children/0');
    assert.equal(errors.message('/children/0/first'), undefined);
    assert.equal(errors.message('/children/1/first'), 'B');
    errors.forgetUnder('/children');
    assert.equal(errors.message('/children/1/first'), undefined);
    assert.equal(errors.message('/name'), 'C');
  });

  it('an item removed: the messages of the items after it move up, and go once a new check finds them fixed', () => {
    const errors = new ErrorState();
    errors.round([error('/children/0/first', 'A'), error('/children/2/first', 'B'), error('/name', 'C')], index);
    errors.itemRemoved('/children', 0);
    assert.equal(errors.message('/children/0/first'), undefined, 'item 1 was never wrong, it shows nothing');
    assert.equal(errors.message('/children/1/first'), 'B', 'item 2 moved up with its message');
    assert.equal(errors.message('/children/2/first'), undefined);
    assert.deepEqual(
      errors.summary.map((e) => e.pointer),
      ['/name', '/children/1/first'],
    );
    errors.clearFixedUnder('/children', [error('/children/0/first', 'D'), error('/name', 'C')], index);
    assert.equal(errors.message('/children/1/first'), undefined, 'fixed');
    assert.equal(errors.message('/children/0/first'), undefined, 'never checked: nothing added');
    assert.equal(errors.message('/name'), 'C', 'only the group is looked at');
  });

  it('a refused file is told at once, before any attempt', () => {
    const errors = new ErrorState();
    errors.tell('/photo', 'Ce fichier est trop lourd');
    assert.equal(errors.message('/photo'), 'Ce fichier est trop lourd');
  });

  it('says the same problems again in another language, and keeps the summary to one step when asked', () => {
    const errors = new ErrorState();
    errors.round([error('/name', 'Indiquez votre nom'), error('/address/town', 'Indiquez la commune')], index);
    errors.relocalize([error('/name', 'Enter your name'), error('/address/town', 'Enter the town')], index);
    assert.equal(errors.message('/name'), 'Enter your name');
    assert.deepEqual(
      errors.summary.map((e) => e.message),
      ['Enter your name', 'Enter the town'],
    );
    errors.keepStep(1, index);
    assert.deepEqual(errors.summary, [{ pointer: '/address/town', message: 'Enter the town' }]);
    errors.clear();
    assert.equal(errors.shown, false);
    assert.deepEqual(errors.summary, []);
    assert.equal(errors.message('/name'), undefined);
  });
});
