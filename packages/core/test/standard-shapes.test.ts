// JSON Schema 2020-12 as authors write it: every common conditional shape, boolean subschemas,
// answers that may be null. For each: which fields show for which answers, what is sent, the
// errors, and the verdict of a standard validator on what is sent (the schema as written).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Field, FormModel, FormValidator } from '@guichet/core';
import { setup } from './helpers/forms.js';
import { standardValidator } from '../../../test/helpers/standard-validator.js';

const byPath = (fields: Field[], path: string): Field => {
  const found =
    fields.find((f) => f.path === path) ?? fields.flatMap((f) => f.fields ?? []).find((f) => f.path === path);
  assert.ok(found, `field ${path}`);
  return found;
};

/** What shows, for the answers `data` at the level of `fields`. */
const shown = (validator: FormValidator, fields: Field[], data: Record<string, unknown>) =>
  fields.filter((f) => validator.isActive(f, data)).map((f) => f.name);

/** Guichet's verdict and a standard validator's on what Guichet sends agree, for each of `answers`. */
function sameVerdicts(model: FormModel, validator: FormValidator, answers: Record<string, unknown>[]): void {
  const standard = standardValidator(model.definition.schema);
  for (const data of answers) {
    const sent = validator.activeData(data);
    assert.equal(
      validator.validate(data, { lang: 'fr' }).length === 0,
      standard(sent),
      `verdicts on ${JSON.stringify(sent)} (from ${JSON.stringify(data)})`,
    );
  }
}

const codes = (validator: FormValidator, data: unknown) =>
  validator.validate(data, { lang: 'fr' }).map((e) => `${e.pointer} ${e.code}`);

describe('the root + boolean branches + additionalProperties: false shape', async () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://mairie.example/formulaires/acte.json',
    $comment: 'Written as a back office writes it.',
    required: ['delivery'],
    additionalProperties: false,
    properties: {
      delivery: { type: 'string', enum: ['post', 'email'], examples: ['post'] },
      postalAddress: { type: 'string', title: 'Adresse postale', minLength: 5 },
      town: { type: 'string', title: 'Commune' },
      email: { type: 'string', format: 'email', title: 'E-mail', deprecated: false, writeOnly: true },
    },
    if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] },
    then: { properties: { postalAddress: true, town: true, email: false }, required: ['postalAddress', 'town'] },
    else: { properties: { postalAddress: false, town: false, email: true }, required: ['email'] },
  };
  const { model, validator } = await setup(schema);

  it('loads, each field declared once at the root', () => {
    assert.deepEqual(
      model.fields.map((f) => f.name),
      ['delivery', 'postalAddress', 'town', 'email'],
    );
    // Forbidden in the else branch: shown where its negation holds, the then branch.
    assert.deepEqual(byPath(model.fields, 'town').activeWhen, [
      [{ kind: 'if', conditionPointer: '/if', branch: 'then' }],
    ]);
  });

  it('a field shows when the branch that applies allows it, and hides when it forbids it', () => {
    assert.deepEqual(shown(validator, model.fields, { delivery: 'post' }), ['delivery', 'postalAddress', 'town']);
    assert.deepEqual(shown(validator, model.fields, { delivery: 'email' }), ['delivery', 'email']);
    assert.equal(validator.isRequired(byPath(model.fields, 'town'), { delivery: 'post' }), true);
    assert.equal(validator.isRequired(byPath(model.fields, 'town'), { delivery: 'email' }), false);
  });

  it('hidden answers are not sent, and the errors are those of the branch that applies', () => {
    const data = { delivery: 'email', postalAddress: '1 rue Haute', town: 'Lyon', email: 'a@b.fr' };
    assert.deepEqual(validator.activeData(data), { delivery: 'email', email: 'a@b.fr' });
    assert.deepEqual(codes(validator, data), []);
    assert.deepEqual(codes(validator, { delivery: 'post', email: 'a@b.fr', postalAddress: '1 r' }), [
      '/postalAddress minLength',
      '/town required',
    ]);
  });

  it('gives the verdict of a standard validator on what it sends', () => {
    sameVerdicts(model, validator, [
      {},
      { delivery: 'post' },
      { delivery: 'post', postalAddress: '1 rue Haute', town: 'Lyon' },
      { delivery: 'post', postalAddress: '1 rue Haute', town: 'Lyon', email: 'x' },
      { delivery: 'email' },
      { delivery: 'email', email: 'pas un e-mail' },
      { delivery: 'email', email: 'a@b.fr', town: 'Lyon' },
      { delivery: 'fax', email: 'a@b.fr' },
    ]);
  });
});

describe('a field declared at the root, switched by each kind of branch', async () => {
  const { model, validator } = await setup({
    properties: {
      kind: { type: 'string', enum: ['person', 'company', 'association'] },
      phone: { type: 'string', minLength: 10 },
      callTime: { type: 'string' },
      siret: { type: 'string', pattern: '^[0-9]{14}$' },
      rna: { type: 'string', pattern: '^W[0-9]{9}$' },
      quotient: { type: 'integer', minimum: 0 },
      caf: { type: 'string' },
      age: { type: 'integer' },
    },
    dependentRequired: { phone: ['callTime'] },
    dependentSchemas: { quotient: { required: ['caf'] } },
    allOf: [
      {
        if: { properties: { kind: { const: 'company' } }, required: ['kind'] },
        then: { required: ['siret'] },
        else: { properties: { siret: false } },
      },
      {
        if: { properties: { kind: { const: 'association' } }, required: ['kind'] },
        then: { required: ['rna'] },
        else: { properties: { rna: false } },
      },
      {
        if: { properties: { kind: { const: 'person' } }, required: ['kind'] },
        then: { properties: { age: { minimum: 18 } } },
      },
    ],
  });

  it('allOf of several if/then: each switches its own field, the others show as they would alone', () => {
    assert.deepEqual(shown(validator, model.fields, { kind: 'company' }), ['kind', 'phone', 'siret', 'quotient']);
    assert.deepEqual(shown(validator, model.fields, { kind: 'association' }), ['kind', 'phone', 'rna', 'quotient']);
    assert.deepEqual(shown(validator, model.fields, { kind: 'person' }), ['kind', 'phone', 'quotient', 'age']);
    assert.deepEqual(shown(validator, model.fields, {}), ['kind', 'phone', 'quotient'], 'no answer yet');
    assert.equal(validator.isRequired(byPath(model.fields, 'siret'), { kind: 'company' }), true);
  });

  it('dependentRequired and dependentSchemas show a field declared at the root, required, once their trigger is answered', () => {
    const callTime = byPath(model.fields, 'callTime');
    assert.equal(validator.isActive(callTime, {}), false);
    assert.equal(validator.isActive(callTime, { phone: '0612345678' }), true);
    assert.equal(validator.isRequired(callTime, { phone: '0612345678' }), true);
    assert.equal(validator.isActive(byPath(model.fields, 'caf'), { quotient: 0 }), true);
    assert.equal(validator.isRequired(byPath(model.fields, 'caf'), { quotient: 0 }), true);
    assert.deepEqual(codes(validator, { phone: '0612345678', quotient: 3 }), ['/callTime required', '/caf required']);
    assert.deepEqual(validator.activeData({ callTime: 'midi', caf: '123' }), {}, 'hidden: not sent');
  });

  it('a rule in a branch for a field declared at the root switches it: shown when the branch applies, with its rule', () => {
    assert.deepEqual(codes(validator, { kind: 'person', age: 12 }), ['/age minimum']);
    assert.deepEqual(validator.activeData({ kind: 'association', age: 12, rna: 'W123456789' }), {
      kind: 'association',
      rna: 'W123456789',
    });
    assert.deepEqual(codes(validator, { kind: 'association', age: 12, rna: 'W123456789' }), []);
  });

  it('gives the verdict of a standard validator on what it sends', () => {
    sameVerdicts(model, validator, [
      { kind: 'company' },
      { kind: 'company', siret: '12345678901234', rna: 'W123456789' },
      { kind: 'association', siret: '1', rna: 'W123456789' },
      { kind: 'person', age: 17, phone: '0612345678' },
      { kind: 'person', age: 40, phone: '0612345678', callTime: 'midi' },
      { quotient: 2 },
      { quotient: 2, caf: '123' },
    ]);
  });
});

describe('a field declared at the root and switched on by one branch only', async () => {
  const { model, validator } = await setup({
    required: ['contact'],
    properties: {
      contact: { type: 'string', enum: ['email', 'telephone'] },
      phone: { type: 'string', title: 'Téléphone', pattern: '^0[0-9]{9}$' },
      age: { type: 'integer', title: 'Âge' },
      note: { type: 'string' },
    },
    if: { properties: { contact: { const: 'telephone' } }, required: ['contact'] },
    then: { required: ['phone'], properties: { age: { minimum: 18 } } },
    else: { properties: { age: true } },
  });

  it('"then": {"required": [x]} with no else: shown, to be answered, only when the branch applies', () => {
    const phone = byPath(model.fields, 'phone');
    assert.deepEqual(phone.activeWhen, [[{ kind: 'if', conditionPointer: '/if', branch: 'then' }]]);
    assert.deepEqual(shown(validator, model.fields, { contact: 'email' }), ['contact', 'age', 'note']);
    assert.deepEqual(shown(validator, model.fields, { contact: 'telephone' }), ['contact', 'phone', 'age', 'note']);
    assert.equal(validator.isRequired(phone, { contact: 'telephone' }), true);
    assert.deepEqual(codes(validator, { contact: 'telephone' }), ['/phone required']);
    assert.deepEqual(validator.activeData({ contact: 'email', phone: '06' }), { contact: 'email' });
  });

  it('a rule added in one branch and true in the other: shown in both, the rule where it applies', () => {
    assert.deepEqual(codes(validator, { contact: 'telephone', phone: '0612345678', age: 12 }), ['/age minimum']);
    assert.deepEqual(codes(validator, { contact: 'email', age: 12 }), []);
    assert.deepEqual(validator.activeData({ contact: 'email', age: 12 }), { contact: 'email', age: 12 });
  });

  it('gives the verdict of a standard validator on what it sends', () => {
    sameVerdicts(model, validator, [
      { contact: 'email', phone: '06' },
      { contact: 'telephone' },
      { contact: 'telephone', phone: '06' },
      { contact: 'telephone', phone: '0612345678', age: 12 },
      { contact: 'email', age: 12, note: 'x' },
      {},
    ]);
  });
});

describe("a field required by one branch and allowed by the other (the docs' way to ask everyone)", async () => {
  const { model, validator } = await setup({
    required: ['contact'],
    properties: {
      contact: { type: 'string', enum: ['email', 'telephone'] },
      phone: { type: 'string', title: 'Téléphone' },
    },
    if: { properties: { contact: { const: 'telephone' } }, required: ['contact'] },
    then: { required: ['phone'] },
    else: { properties: { phone: true } },
  });
  const phone = byPath(model.fields, 'phone');

  it('shows in both cases, before any answer too, and must be answered only where required', () => {
    for (const data of [{}, { contact: 'email' }, { contact: 'telephone' }])
      assert.equal(validator.isActive(phone, data), true, JSON.stringify(data));
    assert.equal(validator.isRequired(phone, { contact: 'email' }), false);
    assert.equal(validator.isRequired(phone, { contact: 'telephone' }), true);
    assert.deepEqual(validator.activeData({ contact: 'email', phone: '0612345678' }), {
      contact: 'email',
      phone: '0612345678',
    });
  });

  it('gives the verdict of a standard validator on what it sends', () => {
    sameVerdicts(model, validator, [{ contact: 'email' }, { contact: 'telephone' }, { contact: 'email', phone: '06' }]);
  });
});

describe('conditionals nested in an object and in the items of a repeatable group', async () => {
  const { model, validator } = await setup({
    required: ['applicant', 'children'],
    properties: {
      applicant: {
        type: 'object',
        additionalProperties: false,
        required: ['status'],
        properties: {
          status: { type: 'string', enum: ['salarie', 'independant'] },
          siret: { type: 'string', title: 'SIRET' },
          employer: { type: 'string', title: 'Employeur' },
        },
        if: { properties: { status: { const: 'independant' } }, required: ['status'] },
        then: { properties: { siret: true, employer: false }, required: ['siret'] },
        else: { properties: { siret: false, employer: true } },
      },
      children: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['firstName'],
          properties: {
            firstName: { type: 'string', title: 'Prénom' },
            allergy: { type: 'boolean' },
            allergyDetails: { type: 'string', title: 'Allergies', minLength: 3 },
            meals: { type: 'string', enum: ['standard', 'sans-porc', 'vegetarien'] },
          },
          allOf: [
            {
              if: { properties: { allergy: { const: true } }, required: ['allergy'] },
              then: { required: ['allergyDetails'] },
              else: { properties: { allergyDetails: false } },
            },
            { dependentRequired: { allergyDetails: ['meals'] } },
          ],
        },
      },
    },
  });
  const applicant = byPath(model.fields, 'applicant');
  const children = byPath(model.fields, 'children');

  it('inside a fieldset', () => {
    assert.deepEqual(shown(validator, applicant.fields ?? [], { status: 'independant' }), ['status', 'siret']);
    assert.deepEqual(shown(validator, applicant.fields ?? [], { status: 'salarie' }), ['status', 'employer']);
  });

  it('inside each item of a group, on that item only', () => {
    const data = {
      applicant: { status: 'salarie', employer: 'Mairie', siret: '1' },
      children: [{ firstName: 'Léa', allergy: true }, { firstName: 'Tom', allergy: false, allergyDetails: 'x' }, {}],
    };
    assert.deepEqual(validator.activeData(data), {
      applicant: { status: 'salarie', employer: 'Mairie' },
      children: [{ firstName: 'Léa', allergy: true }, { firstName: 'Tom', allergy: false }, {}],
    });
    assert.deepEqual(codes(validator, data), ['/children/0/allergyDetails required', '/children/2/firstName required']);
    assert.deepEqual(shown(validator, children.fields ?? [], { allergy: true }), [
      'firstName',
      'allergy',
      'allergyDetails',
    ]);
    // Required once the details are given (dependentRequired): shown from then on.
    assert.deepEqual(shown(validator, children.fields ?? [], { allergy: true, allergyDetails: 'gluten' }), [
      'firstName',
      'allergy',
      'allergyDetails',
      'meals',
    ]);
  });

  it('gives the verdict of a standard validator on what it sends', () => {
    sameVerdicts(model, validator, [
      { applicant: { status: 'independant', siret: '123' }, children: [{ firstName: 'A' }] },
      { applicant: { status: 'independant' }, children: [{ firstName: 'A' }] },
      {
        applicant: { status: 'salarie', siret: '123' },
        children: [{ firstName: 'A', allergy: true, allergyDetails: 'gluten' }],
      },
      {
        applicant: { status: 'salarie' },
        children: [{ firstName: 'A', allergy: true, allergyDetails: 'gluten', meals: 'standard' }],
      },
      { applicant: { status: 'salarie' }, children: [] },
    ]);
  });
});

describe('a chain of conditions settles on what is sent', async () => {
  const { model, validator } = await setup({
    properties: {
      hasChild: { type: 'boolean' },
      childAge: { type: 'integer' },
      school: { type: 'string' },
    },
    allOf: [
      {
        if: { properties: { hasChild: { const: true } }, required: ['hasChild'] },
        then: { properties: { childAge: true } },
        else: { properties: { childAge: false } },
      },
      {
        if: { properties: { childAge: { maximum: 10 } }, required: ['childAge'] },
        then: { properties: { school: true } },
        else: { properties: { school: false } },
      },
    ],
  });

  it('a hidden answer shows nothing', () => {
    // childAge is kept from an earlier answer but hidden: it cannot show school.
    const data = { hasChild: false, childAge: 6, school: 'Jaurès' };
    assert.deepEqual(validator.activeData(data), { hasChild: false });
    assert.equal(validator.isActive(byPath(model.fields, 'school'), data), false);
    assert.equal(validator.isActive(byPath(model.fields, 'school'), { ...data, hasChild: true }), true);
    sameVerdicts(model, validator, [data, { ...data, hasChild: true }, { hasChild: true, childAge: 12, school: 'x' }]);
  });
});

describe('answers that may be left empty', async () => {
  const { model, validator } = await setup({
    required: ['phone', 'meals', 'address'],
    properties: {
      phone: { type: ['string', 'null'], title: 'Téléphone', pattern: '^0[0-9]{9}$' },
      meals: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }], title: 'Repas' },
      level: { oneOf: [{ const: 1, title: 'Un' }, { const: 2, title: 'Deux' }, { type: 'null' }] },
      address: {
        anyOf: [
          { type: 'object', required: ['city'], properties: { city: { type: 'string', title: 'Ville' } } },
          { type: 'null' },
        ],
        title: 'Adresse',
      },
      note: { type: ['string', 'null'] },
    },
  });

  it('is no required question, whatever the schema requires', () => {
    for (const name of ['phone', 'meals', 'address', 'level', 'note']) {
      const field = byPath(model.fields, name);
      assert.equal(field.nullable, true, name);
      assert.equal(field.required, false, name);
      assert.equal(validator.isRequired(field, {}), false, name);
    }
    assert.deepEqual(byPath(model.fields, 'phone').nullWhen, [[]], 'sent as null when left empty');
    assert.equal(byPath(model.fields, 'note').nullWhen, undefined, 'left out when left empty');
    assert.equal(byPath(model.fields, 'phone').kind, 'text');
    assert.deepEqual(
      byPath(model.fields, 'meals').choices?.map((c) => c.value),
      ['a', 'b'],
    );
    assert.deepEqual(
      byPath(model.fields, 'level').choices?.map((c) => c.label.fr),
      ['Un', 'Deux'],
    );
    assert.equal(byPath(model.fields, 'address').kind, 'fieldset');
    assert.deepEqual(byPath(model.fields, 'address/city').required, true);
  });

  it('left empty, is sent as null when the schema requires it, and left out when not', () => {
    assert.deepEqual(validator.activeData({ phone: '', note: '' }), { phone: null, meals: null, address: null });
    assert.deepEqual(codes(validator, {}), []);
  });

  it('answered, is checked as its non-null shape, with that shape’s own messages', () => {
    const errors = validator.validate({ phone: '06', meals: 'c', address: { city: '' }, level: 3 }, { lang: 'fr' });
    assert.deepEqual(
      errors.map((e) => `${e.pointer} ${e.code}`),
      ['/phone pattern', '/meals enum', '/level enum'],
    );
    assert.equal(errors[0]?.message, "Téléphone\u00a0: cette réponse n'a pas le format attendu");
    assert.deepEqual(codes(validator, { address: { city: 'x', zip: '1' } }), ['/address/zip unknown-field']);
  });

  it('gives the verdict of a standard validator on what it sends', () => {
    sameVerdicts(model, validator, [
      {},
      { phone: '0612345678', meals: 'a', address: { city: 'Lyon' }, level: 2 },
      { phone: '06', meals: 'a' },
      { meals: 'c' },
      { level: 3 },
      { address: { city: '' } },
    ]);
  });
});

describe('boolean subschemas wherever a schema may stand', async () => {
  const { model, validator } = await setup({
    $defs: { anything: true, nothing: false },
    properties: {
      a: { type: 'string' },
      b: { type: 'integer' },
      list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' } } } },
    },
    allOf: [true, { if: true, then: { required: ['a'] } }, { if: false, then: { required: ['b'] } }],
    dependentSchemas: { b: true },
  });

  it('true changes nothing, false refuses what reaches it', () => {
    assert.equal(byPath(model.fields, 'a').required, true, 'if: true always applies its then');
    assert.equal(byPath(model.fields, 'b').required, false, 'if: false never does');
    assert.deepEqual(codes(validator, { b: 2 }), ['/a required']);
    sameVerdicts(model, validator, [{}, { a: 'x' }, { a: 'x', b: 1 }]);
  });

  it('a branch that is false refuses the combination that reaches it, said on the object', async () => {
    const { model: m, validator: v } = await setup({
      properties: { age: { type: 'integer', title: 'Âge' }, alone: { type: 'boolean', title: 'Seul' } },
      if: { properties: { age: { maximum: 11 } }, required: ['age'] },
      then: { if: { properties: { alone: { const: true } }, required: ['alone'] }, then: false },
    });
    const errors = v.validate({ age: 8, alone: true }, { lang: 'fr' });
    assert.deepEqual(
      errors.map((e) => [e.pointer, e.code, e.message]),
      [['', 'not-accepted', "Cette combinaison de réponses n'est pas acceptée"]],
    );
    sameVerdicts(m, v, [
      { age: 8, alone: true },
      { age: 8, alone: false },
      { age: 14, alone: true },
    ]);
  });
});

describe('a required fieldset left empty', async () => {
  const { validator } = await setup({
    required: ['applicant', 'extra'],
    properties: {
      applicant: {
        type: 'object',
        title: 'Demandeur',
        required: ['lastName', 'address'],
        properties: {
          lastName: { type: 'string', title: 'Nom' },
          firstName: { type: 'string', title: 'Prénom' },
          address: {
            type: 'object',
            title: 'Adresse',
            required: ['city'],
            properties: { city: { type: 'string', title: 'Ville' } },
          },
        },
      },
      extra: { type: 'object', title: 'Précisions', properties: { note: { type: 'string' } } },
    },
  });

  it('reports its missing answers at once, at every depth, each naming its question', () => {
    const errors = validator.validate({}, { lang: 'fr' });
    assert.deepEqual(
      errors.map((e) => [e.pointer, e.message]),
      [
        ['/applicant/lastName', 'Nom (Demandeur)\u00a0: ce champ est obligatoire'],
        ['/applicant/address/city', 'Ville (Adresse, Demandeur)\u00a0: ce champ est obligatoire'],
        ['/extra', 'Précisions\u00a0: répondez à au moins une des questions'],
      ],
    );
  });

  it('the error of a field, and of the fieldsets holding it, after an input', () => {
    assert.deepEqual(
      validator.validateField('/applicant/lastName', {}, { lang: 'en' }).map((e) => e.message),
      ['Nom (Demandeur): this field is required'],
    );
    assert.deepEqual(
      validator.validateField('/extra/note', { extra: { note: 'x' } }, { lang: 'en', around: true }),
      [],
    );
    assert.deepEqual(
      validator.validateField('/extra/note', {}, { lang: 'en', around: true }).map((e) => e.pointer),
      ['/extra'],
    );
  });
});

describe('the question an error names', async () => {
  const { validator } = await setup(
    {
      properties: {
        children: {
          type: 'array',
          title: 'Vos enfants',
          items: {
            type: 'object',
            required: ['firstName'],
            properties: { firstName: { type: 'string', title: "Prénom de l'enfant" } },
          },
        },
        zip: { type: 'string', title: 'Code postal', pattern: '^[0-9]{5}$' },
      },
    },
    {
      ui: {
        fields: { children: { itemLabel: 'Enfant' }, zip: { messages: { pattern: 'Un code postal a 5 chiffres' } } },
      },
      translations: {
        en: {
          '/ui/fields/children/itemLabel': 'Child',
          '/schema/properties/children/items/properties/firstName/title': "Child's first name",
        },
      },
    },
  );

  it('tells apart the same question in two items, in both languages', () => {
    const data = { children: [{}, {}] };
    assert.deepEqual(
      validator.validate(data, { lang: 'fr' }).map((e) => e.message),
      [
        "Prénom de l'enfant (Enfant 1)\u00a0: ce champ est obligatoire",
        "Prénom de l'enfant (Enfant 2)\u00a0: ce champ est obligatoire",
      ],
    );
    assert.deepEqual(
      validator.validate(data, { lang: 'en' }).map((e) => e.message),
      ["Child's first name (Child 1): this field is required", "Child's first name (Child 2): this field is required"],
    );
  });

  it("leaves an author's own message as written", () => {
    assert.deepEqual(
      validator.validate({ zip: '1' }, { lang: 'fr' }).map((e) => e.message),
      ['Un code postal a 5 chiffres'],
    );
  });
});

describe('a field forbidden by a dependentSchemas branch', async () => {
  const { model, validator } = await setup({
    properties: { siret: { type: 'string' }, birthDate: { type: 'string', format: 'date' }, note: { type: 'string' } },
    dependentSchemas: { siret: { properties: { birthDate: false } } },
    allOf: [
      {
        if: { properties: { note: { const: 'x' } }, required: ['note'] },
        then: { properties: { birthDate: false } },
      },
    ],
  });

  it('is shown while the trigger is not sent and no other branch forbids it', () => {
    assert.deepEqual(byPath(model.fields, 'birthDate').activeWhen, [
      [
        { kind: 'if', conditionPointer: '/allOf/0/if', branch: 'else' },
        { kind: 'absent', trigger: 'siret' },
      ],
    ]);
    assert.deepEqual(shown(validator, model.fields, {}), ['siret', 'birthDate', 'note']);
    assert.deepEqual(shown(validator, model.fields, { siret: '1' }), ['siret', 'note']);
    assert.deepEqual(shown(validator, model.fields, { note: 'x' }), ['siret', 'note']);
    assert.deepEqual(validator.activeData({ siret: '1', birthDate: '2000-01-01' }), { siret: '1' });
    sameVerdicts(model, validator, [{ birthDate: '2000-01-01' }, { siret: '1', birthDate: 'x' }, { note: 'x' }]);
  });
});
