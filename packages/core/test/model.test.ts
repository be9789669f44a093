// From a definition to the model the elements render: kinds, labels, hints, translations,
// ui hints, steps and conditions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localize, type Field } from '@guichet/core';
import { definition, load } from './helpers/forms.js';

const field = (fields: Field[], name: string): Field => {
  const found = fields.find((f) => f.name === name);
  assert.ok(found, `field ${name}`);
  return found;
};

const opts = (n: number) => Array.from({ length: n }, (_, i) => ({ const: `o${i}`, title: `Option ${i}` }));

describe('kind inference', () => {
  const model = load(
    definition(
      {
        properties: {
          name: { type: 'string' },
          email: { type: 'string', format: 'email' },
          birth: { type: 'string', format: 'date' },
          at: { type: 'string', format: 'time' },
          when: { type: 'string', format: 'date-time' },
          site: { type: 'string', format: 'uri' },
          story: { type: 'string', maxLength: 2000 },
          note: { type: 'string' },
          photo: { type: 'string', contentMediaType: 'image/*' },
          photos: { type: 'array', maxItems: 3, items: { type: 'string', contentMediaType: 'image/jpeg' } },
          agree: { type: 'boolean' },
          consent: { type: 'boolean', const: true },
          few: { type: 'string', oneOf: opts(5) },
          many: { type: 'string', oneOf: opts(6) },
          colour: { type: 'string', enum: ['rouge', 'vert'] },
          forcedSelect: { type: 'string', oneOf: opts(2) },
          days: { type: 'array', uniqueItems: true, items: { type: 'string', anyOf: opts(3) } },
          address: { type: 'object', properties: { street: { type: 'string' } } },
          kids: { type: 'array', items: { type: 'object', properties: { first: { type: 'string' } } } },
          count: { type: 'integer' },
          surface: { type: 'number' },
          phone: { type: 'string' },
          mobile: { type: 'string' },
          level: {
            type: 'integer',
            oneOf: [
              { const: 1, title: 'Un' },
              { const: 2, title: 'Deux' },
            ],
          },
        },
      },
      {
        ui: {
          fields: {
            note: { widget: 'textarea' },
            forcedSelect: { widget: 'select' },
            phone: { widget: 'tel' },
            mobile: { autocomplete: 'mobile tel' },
          },
        },
      },
    ),
  );
  const expected: Record<string, string> = {
    name: 'text',
    email: 'email',
    birth: 'date',
    at: 'time',
    when: 'datetime',
    site: 'url',
    story: 'textarea',
    note: 'textarea',
    photo: 'file',
    photos: 'file',
    agree: 'checkbox',
    consent: 'consent',
    few: 'radio',
    many: 'select',
    colour: 'radio',
    forcedSelect: 'select',
    days: 'checkboxes',
    address: 'fieldset',
    kids: 'group',
    count: 'integer',
    surface: 'number',
    phone: 'tel',
    mobile: 'tel',
    level: 'radio',
  };
  for (const [name, kind] of Object.entries(expected)) {
    it(`${name} → ${kind}`, () => assert.equal(field(model.fields, name).kind, kind));
  }
  it('a list of files is multiple and accepts its media type', () => {
    const photos = field(model.fields, 'photos');
    assert.equal(photos.multiple, true);
    assert.deepEqual(photos.constraints.accept, ['image/jpeg']);
    assert.equal(photos.constraints.maxItems, 3);
  });
  it('choices carry their value and label; enum members are their own label', () => {
    assert.deepEqual(field(model.fields, 'level').choices, [
      { value: 1, label: { fr: 'Un', en: 'Un' } },
      { value: 2, label: { fr: 'Deux', en: 'Deux' } },
    ]);
    assert.deepEqual(
      field(model.fields, 'colour').choices?.map((c) => c.value),
      ['rouge', 'vert'],
    );
    assert.equal(field(model.fields, 'days').choices?.length, 3);
  });
  it('fieldsets and groups hold their fields, with paths as in ui.fields', () => {
    assert.equal(field(field(model.fields, 'address').fields ?? [], 'street').path, 'address/street');
    assert.equal(field(field(model.fields, 'kids').fields ?? [], 'first').path, 'kids/first');
  });
});

describe('texts and hints', () => {
  const model = load(
    definition(
      {
        $defs: { postcode: { type: 'string', title: 'Code postal', description: '5 chiffres', pattern: '^[0-9]{5}$' } },
        required: ['lastName'],
        properties: {
          lastName: {
            type: 'string',
            title: 'Nom',
            description: 'Votre nom de famille',
            default: 'Dupont',
            readOnly: true,
          },
          date_de_naissance: { type: 'string', format: 'date' },
          zip: { $ref: '#/$defs/postcode' },
          surface: { type: 'number', minimum: 1, maximum: 500, multipleOf: 0.5 },
          kids: { type: 'array', items: { type: 'object', properties: { first: { type: 'string' } } } },
        },
      },
      {
        description: 'Une démarche',
        contact: { name: 'Mairie', phone: '01 02 03 04 05', openingHours: 'Du lundi au vendredi' },
        processing: { expectedDays: 10, nextSteps: 'Nous vous écrivons' },
        ui: {
          submitLabel: 'Envoyer ma demande',
          fields: {
            lastName: { help: 'Comme sur votre pièce d’identité', autocomplete: 'family-name', placeholder: 'Dupont' },
            surface: { unit: 'm²', inputmode: 'decimal' },
            kids: { addLabel: 'Ajouter un enfant', itemLabel: 'Enfant' },
          },
        },
        translations: {
          en: {
            '/title': 'Trial',
            '/schema/properties/lastName/title': 'Last name',
            '/schema/$defs/postcode/title': 'Postcode',
            '/ui/fields/lastName/help': 'As on your ID',
            '/ui/fields/kids/addLabel': 'Add a child',
            '/contact/openingHours': 'Monday to Friday',
            '/processing/nextSteps': 'We write to you',
            '/ui/submitLabel': 'Send my request',
          },
        },
      },
    ),
  );
  const lastName = field(model.fields, 'lastName');

  it('label from title, hint from description, in both languages with fallback', () => {
    assert.deepEqual(lastName.label, { fr: 'Nom', en: 'Last name' });
    assert.deepEqual(lastName.hint, { fr: 'Votre nom de famille', en: 'Votre nom de famille' });
    assert.equal(localize(model.title, 'en'), 'Trial');
    assert.equal(localize(model.description, 'en'), 'Une démarche');
  });
  it('a field without title gets its humanised name', () => {
    assert.deepEqual(field(model.fields, 'date_de_naissance').label, {
      fr: 'Date de naissance',
      en: 'Date de naissance',
    });
  });
  it('$ref resolves, with the target’s texts and translations', () => {
    const zip = field(model.fields, 'zip');
    assert.equal(zip.kind, 'text');
    assert.deepEqual(zip.label, { fr: 'Code postal', en: 'Postcode' });
    assert.equal(zip.constraints.pattern, '^[0-9]{5}$');
  });
  it('ui hints: help, autocomplete, placeholder, unit, inputmode, add and item labels', () => {
    assert.deepEqual(lastName.help, { fr: 'Comme sur votre pièce d’identité', en: 'As on your ID' });
    assert.equal(lastName.autocomplete, 'family-name');
    assert.deepEqual(lastName.placeholder, { fr: 'Dupont', en: 'Dupont' });
    const surface = field(model.fields, 'surface');
    assert.deepEqual(surface.unit, { fr: 'm²', en: 'm²' });
    assert.equal(surface.inputmode, 'decimal');
    assert.deepEqual(surface.constraints, { minimum: 1, maximum: 500, multipleOf: 0.5 });
    assert.deepEqual(field(model.fields, 'kids').addLabel, { fr: 'Ajouter un enfant', en: 'Add a child' });
    assert.deepEqual(field(model.fields, 'kids').itemLabel, { fr: 'Enfant', en: 'Enfant' });
  });
  it('required, default and readOnly', () => {
    assert.equal(lastName.required, true);
    assert.equal(lastName.default, 'Dupont');
    assert.equal(lastName.readOnly, true);
    assert.equal(field(model.fields, 'zip').required, false);
  });
  it('contact, processing and submit label', () => {
    assert.equal(model.contact?.phone, '01 02 03 04 05');
    assert.equal(localize(model.contact?.openingHours, 'en'), 'Monday to Friday');
    assert.equal(model.processing?.expectedDays, 10);
    assert.equal(localize(model.processing?.nextSteps, 'en'), 'We write to you');
    assert.equal(localize(model.submitLabel, 'en'), 'Send my request');
  });
  it('without ui.steps, one step holds every field under the form title', () => {
    assert.equal(model.steps.length, 1);
    assert.deepEqual(model.steps[0]?.title, model.title);
    assert.deepEqual(
      model.steps[0]?.fields,
      model.fields.map((f) => f.name),
    );
  });
});

describe('enum members', () => {
  it('are their own label, translatable by their pointer', () => {
    const model = load(
      definition(
        { properties: { colour: { type: 'string', enum: ['rouge', 'vert'] } } },
        { translations: { en: { '/schema/properties/colour/enum/0': 'red' } } },
      ),
    );
    assert.deepEqual(
      model.fields[0]?.choices?.map((c) => c.label),
      [
        { fr: 'rouge', en: 'red' },
        { fr: 'vert', en: 'vert' },
      ],
    );
  });
});

describe('a definition written in English translates to French', () => {
  const model = load(
    definition(
      { properties: { name: { type: 'string', title: 'Name' } } },
      { lang: 'en', translations: { fr: { '/schema/properties/name/title': 'Nom' } } },
    ),
  );
  it('keeps its own language and fills the other from translations', () => {
    assert.equal(model.lang, 'en');
    assert.deepEqual(model.fields[0]?.label, { fr: 'Nom', en: 'Name' });
    assert.equal(localize(model.title, 'fr'), 'Essai');
  });
});

describe('steps and conditions in the model', () => {
  const model = load(
    definition(
      {
        required: ['delivery'],
        properties: {
          delivery: {
            type: 'string',
            oneOf: [
              { const: 'post', title: 'Courrier' },
              { const: 'email', title: 'E-mail' },
            ],
          },
          phone: { type: 'string' },
          quotient: { type: 'integer' },
          callTime: { type: 'string' },
        },
        dependentRequired: { phone: ['callTime'] },
        allOf: [
          {
            if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] },
            then: { required: ['address'], properties: { address: { type: 'string' } } },
            else: {
              properties: { email: { type: 'string', format: 'email' }, phone: { type: 'string', minLength: 10 } },
            },
          },
        ],
        dependentSchemas: {
          quotient: {
            required: ['caf'],
            properties: { caf: { type: 'string' }, callTime: { type: 'string', maxLength: 5 } },
          },
        },
      },
      {
        ui: {
          steps: [
            { title: 'Envoi', description: 'Comment recevoir', fields: ['delivery', 'address', 'email'] },
            { title: 'Contact', fields: ['phone', 'callTime', 'quotient', 'caf'] },
          ],
        },
        translations: { en: { '/ui/steps/0/title': 'Delivery' } },
      },
    ),
  );
  it('steps come from ui.steps, translated', () => {
    assert.deepEqual(
      model.steps.map((s) => s.title),
      [
        { fr: 'Envoi', en: 'Delivery' },
        { fr: 'Contact', en: 'Contact' },
      ],
    );
    assert.deepEqual(model.steps[0]?.description, { fr: 'Comment recevoir', en: 'Comment recevoir' });
    assert.deepEqual(model.steps[1]?.fields, ['phone', 'callTime', 'quotient', 'caf']);
  });
  it('fields declared in then/else are active on their branch of the if', () => {
    assert.deepEqual(field(model.fields, 'address').activeWhen, [
      [{ kind: 'if', conditionPointer: '/allOf/0/if', branch: 'then' }],
    ]);
    assert.deepEqual(field(model.fields, 'email').activeWhen, [
      [{ kind: 'if', conditionPointer: '/allOf/0/if', branch: 'else' }],
    ]);
  });
  it('required inside a branch becomes requiredWhen', () => {
    const address = field(model.fields, 'address');
    assert.equal(address.required, false);
    assert.deepEqual(address.requiredWhen, [[{ kind: 'if', conditionPointer: '/allOf/0/if', branch: 'then' }]]);
  });
  it('dependentSchemas fields are active when their trigger has a value; dependentRequired makes requiredWhen', () => {
    assert.deepEqual(field(model.fields, 'caf').activeWhen, [[{ kind: 'present', trigger: 'quotient' }]]);
    assert.deepEqual(field(model.fields, 'caf').requiredWhen, [[{ kind: 'present', trigger: 'quotient' }]]);
    assert.deepEqual(field(model.fields, 'callTime').requiredWhen, [[{ kind: 'present', trigger: 'phone' }]]);
  });
  it('a field declared at the top and required, allowed or restricted by branches shows when one of them applies', () => {
    assert.deepEqual(field(model.fields, 'callTime').activeWhen, [
      [{ kind: 'present', trigger: 'quotient' }],
      [{ kind: 'present', trigger: 'phone' }],
    ]);
    assert.deepEqual(field(model.fields, 'phone').activeWhen, [
      [{ kind: 'if', conditionPointer: '/allOf/0/if', branch: 'else' }],
    ]);
    assert.deepEqual(field(model.fields, 'quotient').activeWhen, [], 'named by no branch: always shown');
    assert.deepEqual(
      model.fields.map((f) => f.name),
      ['delivery', 'phone', 'quotient', 'callTime', 'address', 'email', 'caf'],
    );
  });
  it('a field required where no condition applies is always shown, whatever branches say of it', () => {
    const required = load(
      definition({
        required: ['name', 'kind'],
        properties: { kind: { type: 'string' }, name: { type: 'string' } },
        dependentRequired: { kind: ['name'] },
        if: { properties: { kind: { const: 'company' } }, required: ['kind'] },
        then: { properties: { name: { minLength: 2 } } },
      }),
    );
    assert.deepEqual(field(required.fields, 'name').activeWhen, []);
    assert.equal(field(required.fields, 'name').required, true);
  });
  it('fields required together ("both or neither") are shown, and each required once the other is given', () => {
    const place = load(
      definition({
        properties: { address: { type: 'string' }, latitude: { type: 'number' }, longitude: { type: 'number' } },
        dependentRequired: { latitude: ['longitude'], longitude: ['latitude'] },
        if: { required: ['latitude', 'longitude'] },
        else: { required: ['address'] },
      }),
    );
    for (const name of ['latitude', 'longitude'])
      assert.deepEqual(field(place.fields, name).activeWhen, [], `${name} waits for no other field`);
    assert.deepEqual(field(place.fields, 'longitude').requiredWhen, [[{ kind: 'present', trigger: 'latitude' }]]);
    assert.deepEqual(field(place.fields, 'latitude').requiredWhen, [[{ kind: 'present', trigger: 'longitude' }]]);
    // One way only, the requirement still switches the field on: a conditional question.
    const company = load(
      definition({
        properties: { companyName: { type: 'string' }, siret: { type: 'string' } },
        dependentRequired: { companyName: ['siret'] },
      }),
    );
    assert.deepEqual(field(company.fields, 'siret').activeWhen, [[{ kind: 'present', trigger: 'companyName' }]]);
  });
});
