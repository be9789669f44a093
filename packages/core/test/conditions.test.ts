// Conditions: which fields are shown for the answers given; hidden answers are neither
// validated nor sent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Field } from '@guichet/core';
import { setup } from './helpers/forms.js';

const byName = (fields: Field[], name: string) => fields.find((f) => f.name === name) as Field;

const schema = {
  required: ['delivery'],
  properties: {
    delivery: {
      type: 'string',
      oneOf: [
        { const: 'post', title: 'Par courrier' },
        { const: 'email', title: 'Par e-mail' },
      ],
    },
    quotient: { type: 'integer' },
    applicant: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['person', 'company'] }, name: { type: 'string' } },
      if: { properties: { kind: { const: 'company' } }, required: ['kind'] },
      then: { required: ['siret'], properties: { siret: { type: 'string', pattern: '^[0-9]{14}$' } } },
    },
    kids: {
      type: 'array',
      items: {
        type: 'object',
        properties: { allergy: { type: 'boolean' } },
        if: { properties: { allergy: { const: true } }, required: ['allergy'] },
        then: { required: ['details'], properties: { details: { type: 'string', minLength: 3 } } },
      },
    },
  },
  allOf: [
    {
      if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] },
      then: {
        required: ['address'],
        properties: {
          address: {
            type: 'object',
            required: ['street'],
            properties: { street: { type: 'string' }, city: { type: 'string' } },
          },
        },
      },
      else: { required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
    },
  ],
  dependentSchemas: { quotient: { required: ['caf'], properties: { caf: { type: 'string', pattern: '^[0-9]{7}$' } } } },
};

describe('conditions', async () => {
  const { model, validator } = await setup(schema);

  it('isActive follows the if of the same level', () => {
    const address = byName(model.fields, 'address');
    const email = byName(model.fields, 'email');
    assert.equal(validator.isActive(address, { delivery: 'post' }), true);
    assert.equal(validator.isActive(email, { delivery: 'post' }), false);
    assert.equal(validator.isActive(address, { delivery: 'email' }), false);
    assert.equal(validator.isActive(email, {}), true, 'no answer yet: the else branch');
    assert.equal(validator.isActive(byName(model.fields, 'delivery'), {}), true);
  });

  it('isActive for dependentSchemas: shown once the trigger has a value', () => {
    const caf = byName(model.fields, 'caf');
    assert.equal(validator.isActive(caf, {}), false);
    assert.equal(validator.isActive(caf, { quotient: '' }), false);
    assert.equal(validator.isActive(caf, { quotient: 800 }), true);
  });

  it('isActive inside a fieldset and a repeatable group item', () => {
    const applicant = byName(model.fields, 'applicant');
    const siret = byName(applicant.fields ?? [], 'siret');
    assert.deepEqual(siret.activeWhen, [
      [{ kind: 'if', conditionPointer: '/properties/applicant/if', branch: 'then' }],
    ]);
    assert.equal(validator.isActive(siret, { kind: 'company' }), true);
    assert.equal(validator.isActive(siret, { kind: 'person' }), false);
    const details = byName(byName(model.fields, 'kids').fields ?? [], 'details');
    assert.equal(validator.isActive(details, { allergy: true }), true);
    assert.equal(validator.isActive(details, { allergy: false }), false);
  });

  it('activeData removes hidden answers at every depth, and empty values', () => {
    const data = {
      delivery: 'email',
      email: 'a@b.fr',
      address: { street: '1 rue Haute', city: '' },
      quotient: null,
      caf: '1234567',
      applicant: { kind: 'person', name: 'Ada', siret: '12345678901234' },
      kids: [
        { allergy: false, details: 'arachide' },
        { allergy: true, details: 'gluten' },
      ],
      notes: '',
      days: [],
      empty: {},
    };
    assert.deepEqual(validator.activeData(data), {
      delivery: 'email',
      email: 'a@b.fr',
      applicant: { kind: 'person', name: 'Ada' },
      kids: [{ allergy: false }, { allergy: true, details: 'gluten' }],
    });
    assert.deepEqual(validator.activeData({ delivery: 'post', address: { street: '', city: '' }, email: 'a@b.fr' }), {
      delivery: 'post',
    });
    assert.deepEqual(validator.activeData(null), {});
    const hostile = JSON.parse('{"delivery":"email","email":"a@b.fr","__proto__":{"polluted":true}}') as Record<
      string,
      unknown
    >;
    const cleaned = validator.activeData(hostile);
    assert.equal(Object.getPrototypeOf(cleaned), Object.prototype);
    assert.deepEqual(Object.keys(cleaned), ['delivery', 'email']);
  });

  it('a hidden required field is not reported; a shown one is', () => {
    assert.deepEqual(validator.validate({ delivery: 'email', email: 'a@b.fr' }, { lang: 'fr' }), []);
    // The address left empty: its own missing answer, at once, rather than one error on the fieldset.
    assert.deepEqual(
      validator.validate({ delivery: 'post' }, { lang: 'fr' }).map((e) => [e.pointer, e.code]),
      [['/address/street', 'required']],
    );
    assert.deepEqual(
      validator.validate(
        {
          delivery: 'email',
          email: 'a@b.fr',
          applicant: { kind: 'company' },
          kids: [{ allergy: true }, { allergy: false }],
        },
        { lang: 'en' },
      ),
      [
        { pointer: '/applicant/siret', code: 'required', message: 'Siret (Applicant): this field is required' },
        { pointer: '/kids/0/details', code: 'required', message: 'Details (Item 1): this field is required' },
      ],
    );
  });

  it('a hidden answer that would be invalid is dropped, not reported', () => {
    const data = {
      delivery: 'email',
      email: 'a@b.fr',
      address: { street: 42 },
      caf: 'abc',
      applicant: { kind: 'person', siret: 'x' },
    };
    assert.deepEqual(validator.validate(data, { lang: 'fr' }), []);
  });

  it('an invalid answer in an active branch points at its field only', () => {
    const errors = validator.validate({ delivery: 'email', email: 'a@b.fr', quotient: 800, caf: '12' }, { lang: 'fr' });
    assert.deepEqual(
      errors.map((e) => [e.pointer, e.code]),
      [['/caf', 'pattern']],
    );
  });
});

describe('an if inside a dependentSchemas branch', async () => {
  const { model, validator } = await setup({
    properties: { quotient: { type: 'integer' } },
    dependentSchemas: {
      quotient: {
        properties: { hasCaf: { type: 'boolean' } },
        if: { properties: { hasCaf: { const: true } }, required: ['hasCaf'] },
        then: { required: ['caf'], properties: { caf: { type: 'string', pattern: '^[0-9]{7}$' } } },
      },
    },
  });
  const caf = byName(model.fields, 'caf');

  it('holds both conditions', () => {
    assert.deepEqual(caf.activeWhen, [
      [
        { kind: 'present', trigger: 'quotient' },
        { kind: 'if', conditionPointer: '/dependentSchemas/quotient/if', branch: 'then' },
      ],
    ]);
    assert.equal(validator.isActive(caf, { quotient: 700, hasCaf: true }), true);
    assert.equal(validator.isActive(caf, { quotient: 700, hasCaf: false }), false);
    assert.equal(validator.isActive(caf, { hasCaf: true }), false);
  });

  it('validates and cleans accordingly', () => {
    assert.deepEqual(
      validator.validate({ quotient: 700, hasCaf: true }, { lang: 'fr' }).map((e) => [e.pointer, e.code]),
      [['/caf', 'required']],
    );
    assert.deepEqual(validator.activeData({ quotient: 700, hasCaf: false, caf: '1234567' }), {
      quotient: 700,
      hasCaf: false,
    });
  });
});
