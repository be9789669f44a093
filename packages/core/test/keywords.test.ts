// Every supported keyword: a passing and a failing answer, the pointer and code of the error,
// and the message a citizen reads in French and in English.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from './helpers/forms.js';

const NNBSP = '\u202f';

interface Case {
  name: string;
  schema: Record<string, unknown>;
  extra?: Record<string, unknown>;
  valid: Record<string, unknown>;
  invalid: Record<string, unknown>;
  pointer: string;
  code: string;
  /** The message of the rule, which the error puts after the question it names. */
  fr: string;
  en: string;
  /** The question the error names, when it is not "X" (the field `x` has no title). */
  question?: string | { fr: string; en: string };
  /** The whole message, for an author's own (written as it is, without the question). */
  asWritten?: true;
}

/** "X : saisissez…": the question, then the rule's message. */
const named = (question: string, message: string, lang: 'fr' | 'en') =>
  `${question}${lang === 'fr' ? '\u00a0:' : ':'} ${message.charAt(0).toLowerCase()}${message.slice(1)}`;

const props = (properties: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ properties, ...more });
const choices = [
  { const: 'a', title: 'Option A' },
  { const: 'b', title: 'Option B' },
];

const cases: Case[] = [
  {
    name: 'type string',
    schema: props({ x: { type: 'string' } }),
    valid: { x: 'bonjour' },
    invalid: { x: 42 },
    pointer: '/x',
    code: 'type',
    fr: "Cette réponse n'a pas la forme attendue",
    en: 'This answer is not in the expected form',
  },
  {
    name: 'type number',
    schema: props({ x: { type: 'number' } }),
    valid: { x: 12.5 },
    invalid: { x: 'douze' },
    pointer: '/x',
    code: 'type',
    fr: 'Saisissez un nombre, par exemple 12,5',
    en: 'Enter a number, like 12.5',
  },
  {
    name: 'type integer',
    schema: props({ x: { type: 'integer' } }),
    valid: { x: 3 },
    invalid: { x: 3.5 },
    pointer: '/x',
    code: 'type',
    fr: 'Saisissez un nombre entier, sans virgule',
    en: 'Enter a whole number',
  },
  {
    name: 'type boolean',
    schema: props({ x: { type: 'boolean' } }),
    valid: { x: false },
    invalid: { x: 'oui' },
    pointer: '/x',
    code: 'type',
    fr: 'Cochez ou décochez cette case',
    en: 'Tick or untick this box',
  },
  {
    name: 'type object and properties',
    schema: props({ x: { type: 'object', properties: { y: { type: 'string' } } } }),
    valid: { x: { y: 'z' } },
    invalid: { x: { y: 1 } },
    pointer: '/x/y',
    code: 'type',
    question: 'Y (X)',
    fr: "Cette réponse n'a pas la forme attendue",
    en: 'This answer is not in the expected form',
  },
  {
    name: 'required',
    schema: props({ x: { type: 'string', title: 'Nom' } }, { required: ['x'] }),
    valid: { x: 'Dupont' },
    invalid: {},
    pointer: '/x',
    code: 'required',
    question: 'Nom',
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'required (an empty string is no answer)',
    schema: props({ x: { type: 'string' } }, { required: ['x'] }),
    valid: { x: 'a' },
    invalid: { x: '' },
    pointer: '/x',
    code: 'required',
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'required choice',
    schema: props({ x: { type: 'string', oneOf: choices } }, { required: ['x'] }),
    valid: { x: 'a' },
    invalid: {},
    pointer: '/x',
    code: 'required',
    fr: 'Choisissez une des options proposées',
    en: 'Choose one of the options',
  },
  {
    name: 'required in a nested object',
    schema: props({
      x: { type: 'object', required: ['y'], properties: { y: { type: 'string' }, w: { type: 'string' } } },
    }),
    valid: { x: { y: 'a' } },
    invalid: { x: { w: 'b' } },
    pointer: '/x/y',
    code: 'required',
    question: 'Y (X)',
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'enum',
    schema: props({ x: { type: 'string', enum: ['rouge', 'vert'] } }),
    valid: { x: 'vert' },
    invalid: { x: 'bleu' },
    pointer: '/x',
    code: 'enum',
    fr: 'Choisissez une des options proposées',
    en: 'Choose one of the options',
  },
  {
    name: 'oneOf of const + title',
    schema: props({ x: { type: 'string', oneOf: choices } }),
    valid: { x: 'b' },
    invalid: { x: 'c' },
    pointer: '/x',
    code: 'enum',
    fr: 'Choisissez une des options proposées',
    en: 'Choose one of the options',
  },
  {
    name: 'anyOf of const + title',
    schema: props({ x: { type: 'string', anyOf: choices } }),
    valid: { x: 'a' },
    invalid: { x: 'c' },
    pointer: '/x',
    code: 'enum',
    fr: 'Choisissez une des options proposées',
    en: 'Choose one of the options',
  },
  {
    name: 'format email',
    schema: props({ x: { type: 'string', format: 'email' } }),
    valid: { x: 'nom@exemple.fr' },
    invalid: { x: 'nom@' },
    pointer: '/x',
    code: 'format',
    fr: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr',
    en: 'Enter a valid email address, like name@example.com',
  },
  {
    name: 'format date',
    schema: props({ x: { type: 'string', format: 'date' } }),
    valid: { x: '2026-07-14' },
    invalid: { x: '2026-02-30' },
    pointer: '/x',
    code: 'format',
    fr: 'Saisissez une date valide, par exemple 14/07/2026',
    en: 'Enter a valid date, like 14/07/2026',
  },
  {
    name: 'format time (as a browser gives it)',
    schema: props({ x: { type: 'string', format: 'time' } }),
    valid: { x: '14:30' },
    invalid: { x: '25:00' },
    pointer: '/x',
    code: 'format',
    fr: 'Saisissez une heure valide, par exemple 14:30',
    en: 'Enter a valid time, like 14:30',
  },
  {
    name: 'format date-time',
    schema: props({ x: { type: 'string', format: 'date-time' } }),
    valid: { x: '2026-07-14T14:30' },
    invalid: { x: 'demain midi' },
    pointer: '/x',
    code: 'format',
    fr: 'Saisissez une date et une heure valides, par exemple 14/07/2026 14:30',
    en: 'Enter a valid date and time, like 14/07/2026 14:30',
  },
  {
    name: 'format uri',
    schema: props({ x: { type: 'string', format: 'uri' } }),
    valid: { x: 'https://www.exemple.fr/page' },
    invalid: { x: 'www.exemple.fr' },
    pointer: '/x',
    code: 'format',
    fr: 'Saisissez une adresse web valide, par exemple https://www.exemple.fr',
    en: 'Enter a valid web address, like https://www.example.com',
  },
  {
    name: 'minLength (plural)',
    schema: props({ x: { type: 'string', minLength: 3 } }),
    valid: { x: 'abc' },
    invalid: { x: 'ab' },
    pointer: '/x',
    code: 'minLength',
    fr: 'Saisissez au moins 3 caractères',
    en: 'Enter at least 3 characters',
  },
  {
    name: 'minLength counts characters, not UTF-16 units',
    schema: props({ x: { type: 'string', minLength: 2 } }),
    valid: { x: 'é😀' },
    invalid: { x: '😀' },
    pointer: '/x',
    code: 'minLength',
    fr: 'Saisissez au moins 2 caractères',
    en: 'Enter at least 2 characters',
  },
  {
    name: 'maxLength (singular)',
    schema: props({ x: { type: 'string', maxLength: 1 } }),
    valid: { x: 'a' },
    invalid: { x: 'ab' },
    pointer: '/x',
    code: 'maxLength',
    fr: 'Saisissez au plus 1 caractère',
    en: 'Enter 1 character or fewer',
  },
  {
    name: 'maxLength (plural, formatted number)',
    schema: props({ x: { type: 'string', maxLength: 1000 } }),
    valid: { x: 'a'.repeat(1000) },
    invalid: { x: 'a'.repeat(1001) },
    pointer: '/x',
    code: 'maxLength',
    fr: `Saisissez au plus 1${NNBSP}000 caractères`,
    en: 'Enter 1,000 characters or fewer',
  },
  {
    name: 'pattern',
    schema: props({ x: { type: 'string', pattern: '^[0-9]{5}$' } }),
    valid: { x: '91999' },
    invalid: { x: '9199' },
    pointer: '/x',
    code: 'pattern',
    fr: "Cette réponse n'a pas le format attendu",
    en: 'Enter this in the expected format',
  },
  {
    name: 'minimum',
    schema: props({ x: { type: 'number', minimum: 1000 } }),
    valid: { x: 1000 },
    invalid: { x: 999 },
    pointer: '/x',
    code: 'minimum',
    fr: `Saisissez un nombre supérieur ou égal à 1${NNBSP}000`,
    en: 'Enter a number of 1,000 or more',
  },
  {
    name: 'maximum',
    schema: props({ x: { type: 'number', maximum: 2.5 } }),
    valid: { x: 2.5 },
    invalid: { x: 3 },
    pointer: '/x',
    code: 'maximum',
    fr: 'Saisissez un nombre inférieur ou égal à 2,5',
    en: 'Enter a number of 2.5 or less',
  },
  {
    name: 'exclusiveMinimum',
    schema: props({ x: { type: 'integer', exclusiveMinimum: 0 } }),
    valid: { x: 1 },
    invalid: { x: 0 },
    pointer: '/x',
    code: 'exclusiveMinimum',
    fr: 'Saisissez un nombre supérieur à 0',
    en: 'Enter a number greater than 0',
  },
  {
    name: 'exclusiveMaximum',
    schema: props({ x: { type: 'integer', exclusiveMaximum: 10000 } }),
    valid: { x: 9999 },
    invalid: { x: 10000 },
    pointer: '/x',
    code: 'exclusiveMaximum',
    fr: `Saisissez un nombre inférieur à 10${NNBSP}000`,
    en: 'Enter a number less than 10,000',
  },
  {
    name: 'multipleOf',
    schema: props({ x: { type: 'integer', multipleOf: 5 } }),
    valid: { x: 15 },
    invalid: { x: 7 },
    pointer: '/x',
    code: 'multipleOf',
    fr: 'Saisissez un multiple de 5',
    en: 'Enter a multiple of 5',
  },
  {
    name: 'multipleOf a power of ten (decimals)',
    schema: props({ x: { type: 'number', multipleOf: 0.01 } }),
    valid: { x: 12.34 },
    invalid: { x: 12.345 },
    pointer: '/x',
    code: 'multipleOf',
    fr: 'Saisissez un nombre avec au plus 2 chiffres après la virgule',
    en: 'Enter a number with at most 2 decimal places',
  },
  {
    name: 'items (checkboxes: an unknown choice)',
    schema: props({ x: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['a', 'b'] } } }),
    valid: { x: ['a', 'b'] },
    invalid: { x: ['a', 'z'] },
    pointer: '/x',
    code: 'enum',
    fr: 'Choisissez une des options proposées',
    en: 'Choose one of the options',
  },
  {
    name: 'items (a repeatable group: error inside an item)',
    schema: props({
      x: {
        type: 'array',
        items: { type: 'object', required: ['n'], properties: { n: { type: 'string' }, m: { type: 'string' } } },
      },
    }),
    valid: { x: [{ n: 'a' }, { n: 'b' }] },
    invalid: { x: [{ n: 'a' }, { m: 'b' }] },
    pointer: '/x/1/n',
    code: 'required',
    question: { fr: 'N (Élément 2)', en: 'N (Item 2)' },
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'minItems (checkboxes, plural)',
    schema: props({ x: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', oneOf: choices } } }),
    valid: { x: ['a', 'b'] },
    invalid: { x: ['a'] },
    pointer: '/x',
    code: 'minItems',
    fr: 'Choisissez au moins 2 options',
    en: 'Choose at least 2 options',
  },
  {
    name: 'maxItems (checkboxes, singular)',
    schema: props({ x: { type: 'array', maxItems: 1, uniqueItems: true, items: { type: 'string', oneOf: choices } } }),
    valid: { x: ['a'] },
    invalid: { x: ['a', 'b'] },
    pointer: '/x',
    code: 'maxItems',
    fr: 'Choisissez au plus 1 option',
    en: 'Choose no more than 1 option',
  },
  {
    name: 'minItems (repeatable group)',
    schema: props({
      x: { type: 'array', minItems: 2, items: { type: 'object', properties: { n: { type: 'string' } } } },
    }),
    valid: { x: [{ n: 'a' }, { n: 'b' }] },
    invalid: { x: [{ n: 'a' }] },
    pointer: '/x',
    code: 'minItems',
    fr: 'Ajoutez au moins 2 éléments',
    en: 'Add at least 2 items',
  },
  {
    name: 'maxItems (repeatable group)',
    schema: props({
      x: { type: 'array', maxItems: 1, items: { type: 'object', properties: { n: { type: 'string' } } } },
    }),
    valid: { x: [{ n: 'a' }] },
    invalid: { x: [{ n: 'a' }, { n: 'b' }] },
    pointer: '/x',
    code: 'maxItems',
    fr: 'Ajoutez au plus 1 élément',
    en: 'Add no more than 1 item',
  },
  {
    name: 'uniqueItems',
    schema: props({ x: { type: 'array', uniqueItems: true, items: { type: 'string', oneOf: choices } } }),
    valid: { x: ['a', 'b'] },
    invalid: { x: ['a', 'a'] },
    pointer: '/x',
    code: 'uniqueItems',
    fr: 'Chaque réponse ne peut être donnée qu’une fois',
    en: 'Each answer can only be given once',
  },
  {
    name: 'const true (consent)',
    schema: props({ x: { type: 'boolean', const: true, title: "J'accepte" } }, { required: ['x'] }),
    valid: { x: true },
    invalid: { x: false },
    pointer: '/x',
    code: 'const',
    question: "J'accepte",
    fr: 'Cochez cette case pour continuer',
    en: 'Tick this box to continue',
  },
  {
    name: 'consent not given at all',
    schema: props({ x: { type: 'boolean', const: true } }, { required: ['x'] }),
    valid: { x: true },
    invalid: {},
    pointer: '/x',
    code: 'required',
    fr: 'Cochez cette case pour continuer',
    en: 'Tick this box to continue',
  },
  {
    name: 'if/then/else (then)',
    schema: props(
      { delivery: { type: 'string', enum: ['post', 'email'] } },
      {
        if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] },
        then: { required: ['address'], properties: { address: { type: 'string' } } },
        else: { required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
      },
    ),
    valid: { delivery: 'post', address: '1 rue de la Mairie' },
    invalid: { delivery: 'post', email: 'a@b.fr' },
    pointer: '/address',
    code: 'required',
    question: 'Address',
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'if/then/else (else)',
    schema: props(
      { delivery: { type: 'string', enum: ['post', 'email'] } },
      {
        if: { properties: { delivery: { const: 'post' } }, required: ['delivery'] },
        then: { required: ['address'], properties: { address: { type: 'string' } } },
        else: { required: ['email'], properties: { email: { type: 'string', format: 'email' } } },
      },
    ),
    valid: { delivery: 'email', email: 'a@b.fr' },
    invalid: { delivery: 'email', email: 'a@' },
    pointer: '/email',
    code: 'format',
    question: 'Email',
    fr: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr',
    en: 'Enter a valid email address, like name@example.com',
  },
  {
    name: 'dependentRequired',
    schema: props(
      { phone: { type: 'string' }, callTime: { type: 'string' } },
      { dependentRequired: { phone: ['callTime'] } },
    ),
    valid: { phone: '0102030405', callTime: 'matin' },
    invalid: { phone: '0102030405' },
    pointer: '/callTime',
    code: 'required',
    question: 'Call time',
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'dependentSchemas',
    schema: props(
      { quotient: { type: 'integer' } },
      {
        dependentSchemas: {
          quotient: { required: ['caf'], properties: { caf: { type: 'string', pattern: '^[0-9]{7}$' } } },
        },
      },
    ),
    valid: { quotient: 800, caf: '1234567' },
    invalid: { quotient: 800, caf: '12' },
    pointer: '/caf',
    code: 'pattern',
    question: 'Caf',
    fr: "Cette réponse n'a pas le format attendu",
    en: 'Enter this in the expected format',
  },
  {
    name: '$defs/$ref',
    schema: {
      $defs: { postcode: { type: 'string', title: 'Code postal', pattern: '^[0-9]{5}$' } },
      properties: {
        home: { $ref: '#/$defs/postcode' },
        work: { $ref: '#/$defs/postcode', title: 'Code postal du travail' },
      },
    },
    valid: { home: '91999', work: '75001' },
    invalid: { home: '91999', work: 'Paris' },
    pointer: '/work',
    code: 'pattern',
    question: 'Code postal du travail',
    fr: "Cette réponse n'a pas le format attendu",
    en: 'Enter this in the expected format',
  },
  {
    name: 'readOnly (shown, still validated)',
    schema: props({ x: { type: 'string', readOnly: true, maxLength: 3 } }),
    valid: { x: 'abc' },
    invalid: { x: 'abcd' },
    pointer: '/x',
    code: 'maxLength',
    fr: 'Saisissez au plus 3 caractères',
    en: 'Enter 3 characters or fewer',
  },
  {
    name: 'contentMediaType (a file: its attachment id)',
    schema: props({ photo: { type: 'string', contentMediaType: 'image/*' } }, { required: ['photo'] }),
    valid: { photo: 'att_123' },
    invalid: {},
    pointer: '/photo',
    code: 'required',
    question: 'Photo',
    fr: 'Ajoutez un fichier',
    en: 'Add a file',
  },
  {
    name: 'allOf',
    schema: props(
      { a: { type: 'string' }, b: { type: 'string' } },
      { allOf: [{ required: ['a'] }, { required: ['b'] }] },
    ),
    valid: { a: 'x', b: 'y' },
    invalid: { a: 'x' },
    pointer: '/b',
    code: 'required',
    question: 'B',
    fr: 'Ce champ est obligatoire',
    en: 'This field is required',
  },
  {
    name: 'an answer to no question (unevaluatedProperties added)',
    schema: props({ a: { type: 'string' } }),
    valid: { a: 'x' },
    invalid: { a: 'x', extra: 'y' },
    pointer: '/extra',
    code: 'unknown-field',
    asWritten: true,
    fr: "Ce champ n'est pas prévu dans ce formulaire",
    en: 'This field is not part of this form',
  },
  {
    name: 'an answer to no question inside an object',
    schema: props({ a: { type: 'object', properties: { b: { type: 'string' } } } }),
    valid: { a: { b: 'x' } },
    invalid: { a: { b: 'x', c: 'y' } },
    pointer: '/a/c',
    code: 'unknown-field',
    asWritten: true,
    fr: "Ce champ n'est pas prévu dans ce formulaire",
    en: 'This field is not part of this form',
  },
  {
    name: 'a custom message, translated',
    schema: props({ zip: { type: 'string', pattern: '^[0-9]{5}$' } }),
    extra: {
      ui: { fields: { zip: { messages: { pattern: 'Le code postal a 5 chiffres' } } } },
      translations: { en: { '/ui/fields/zip/messages/pattern': 'A postcode has 5 digits' } },
    },
    valid: { zip: '91999' },
    invalid: { zip: '919' },
    pointer: '/zip',
    code: 'pattern',
    asWritten: true,
    fr: 'Le code postal a 5 chiffres',
    en: 'A postcode has 5 digits',
  },
];

describe('every supported keyword validates with a message a citizen understands', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { validator } = await setup(c.schema, c.extra);
      assert.deepEqual(validator.validate(c.valid, { lang: 'fr' }), [], 'the valid answer passes');
      const fr = validator.validate(c.invalid, { lang: 'fr' });
      const en = validator.validate(c.invalid, { lang: 'en' });
      const question = (lang: 'fr' | 'en') => (typeof c.question === 'object' ? c.question[lang] : (c.question ?? 'X'));
      const message = (text: string, lang: 'fr' | 'en') => (c.asWritten ? text : named(question(lang), text, lang));
      assert.deepEqual(fr, [{ pointer: c.pointer, code: c.code, message: message(c.fr, 'fr') }]);
      assert.deepEqual(en, [{ pointer: c.pointer, code: c.code, message: message(c.en, 'en') }]);
    });
  }
});

describe('error mapping', () => {
  it('gives at most one message per field, the missing answer first', async () => {
    const { validator } = await setup({
      required: ['a', 'b'],
      properties: { a: { type: 'string', minLength: 5, pattern: '^x' }, b: { type: 'string' } },
    });
    assert.deepEqual(validator.validate({ a: 'yy' }, { lang: 'fr' }), [
      { pointer: '/a', code: 'minLength', message: 'A\u00a0: saisissez au moins 5 caractères' },
      { pointer: '/b', code: 'required', message: 'B\u00a0: ce champ est obligatoire' },
    ]);
  });

  it('lists errors in the order of the form, items by index', async () => {
    const { validator } = await setup({
      required: ['first', 'kids', 'last'],
      properties: {
        first: { type: 'string' },
        kids: {
          type: 'array',
          items: { type: 'object', required: ['n', 'm'], properties: { n: { type: 'string' }, m: { type: 'string' } } },
        },
        last: { type: 'string' },
      },
    });
    const errors = validator.validate({ kids: [{}, { n: 'a' }] }, { lang: 'fr' });
    assert.deepEqual(
      errors.map((e) => e.pointer),
      ['/first', '/kids/0/n', '/kids/0/m', '/kids/1/m', '/last'],
    );
  });

  it('validates one step only with `only`', async () => {
    const { validator } = await setup({
      required: ['a', 'b'],
      properties: { a: { type: 'string' }, b: { type: 'string' } },
    });
    assert.deepEqual(
      validator.validate({}, { lang: 'en', only: ['b'] }).map((e) => e.pointer),
      ['/b'],
    );
  });

  it('validateField returns the errors of that one field', async () => {
    const { validator } = await setup({
      required: ['a'],
      properties: {
        a: { type: 'string' },
        kids: { type: 'array', items: { type: 'object', properties: { birth: { type: 'string', format: 'date' } } } },
      },
    });
    const data = { kids: [{ birth: '2020-01-01' }, { birth: 'hier' }] };
    assert.deepEqual(validator.validateField('/kids/1/birth', data, { lang: 'en' }), [
      {
        pointer: '/kids/1/birth',
        code: 'format',
        message: 'Birth (Item 2): enter a valid date, like 14/07/2026',
      },
    ]);
    assert.deepEqual(validator.validateField('/kids/0/birth', data, { lang: 'en' }), []);
    assert.deepEqual(
      validator.validateField('/a', data, { lang: 'fr' }).map((e) => e.code),
      ['required'],
    );
  });

  it('answers named like what every object inherits are required like any other', async () => {
    const { validator } = await setup({
      required: ['constructor', 'toString', 'owner'],
      properties: {
        constructor: { type: 'string' },
        toString: { type: 'string' },
        hasOwnProperty: { type: 'string' },
        owner: {
          type: 'object',
          required: ['valueOf'],
          properties: { valueOf: { type: 'string' }, city: { type: 'string' } },
        },
      },
    });
    const codes = (data: unknown) => validator.validate(data, { lang: 'en' }).map((e) => `${e.pointer} ${e.code}`);
    assert.deepEqual(codes({ owner: { city: 'Lyon' } }), [
      '/constructor required',
      '/toString required',
      '/owner/valueOf required',
    ]);
    assert.deepEqual(codes({ constructor: 'a', toString: 'b', owner: { valueOf: 'c' } }), []);
    assert.deepEqual(validator.activeData({ constructor: 'a', hasOwnProperty: '' }), { constructor: 'a' });
  });

  it('validateField finds a missing answer wherever it is asked, and only there', async () => {
    const { validator } = await setup({
      required: ['a', 'kids', 'owner'],
      properties: {
        a: { type: 'string' },
        ab: { type: 'string' },
        owner: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string' }, city: { type: 'string' } },
        },
        kids: { type: 'array', items: { type: 'object', required: ['n'], properties: { n: { type: 'string' } } } },
      },
    });
    const codes = (pointer: string, data: unknown) =>
      validator.validateField(pointer, data, { lang: 'en' }).map((e) => `${e.pointer} ${e.code}`);
    assert.deepEqual(codes('/kids', {}), ['/kids required']);
    assert.deepEqual(codes('/kids/1/n', { kids: [{ n: 'x' }, {}], owner: {} }), ['/kids/1/n required']);
    assert.deepEqual(codes('/kids/0/n', { kids: [{ n: 'x' }, {}], owner: {} }), []);
    assert.deepEqual(codes('/owner/name', { owner: { city: 'Lyon' } }), ['/owner/name required']);
    assert.deepEqual(codes('/ab', { ab: 5 }), ['/ab type']);
  });

  it('names the kind of answer a required field wants', async () => {
    const { validator } = await setup({
      required: ['box', 'days', 'kids'],
      properties: {
        box: { type: 'boolean' },
        days: { type: 'array', uniqueItems: true, items: { type: 'string', enum: ['lundi', 'mardi'] } },
        kids: { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } },
      },
    });
    assert.deepEqual(
      validator.validate({ days: [], kids: [] }, { lang: 'fr' }).map((e) => e.message),
      [
        'Box\u00a0: cochez cette case pour continuer',
        'Days\u00a0: choisissez au moins une option',
        'Kids\u00a0: ajoutez au moins un élément',
      ],
    );
  });
});

describe('formats accept what browsers send and refuse what is not real', () => {
  const verdicts: [string, string, boolean][] = [
    ['date', '2024-02-29', true],
    ['date', '2026-02-29', false],
    ['date', '2026-13-01', false],
    ['date', '14/07/2026', false],
    ['time', '14:30', true],
    ['time', '14:30:15', true],
    ['time', '14:30:15.5+02:00', true],
    ['time', '24:00', false],
    ['time', '9:30', false],
    ['date-time', '2026-07-14T14:30', true],
    ['date-time', '2026-07-14T14:30:00Z', true],
    ['date-time', '2026-07-14T14:30:00+02:00', true],
    ['date-time', '2026-02-30T14:30', false],
    ['date-time', '2026-07-14', false],
    ['email', 'prenom.nom@mairie-exemple.fr', true],
    ['email', 'nom@localhost', false],
    ['email', 'nom @exemple.fr', false],
    ['uri', 'https://www.exemple.fr/démarches?id=1#haut', true],
    ['uri', 'mailto:mairie@exemple.fr', true],
    ['uri', 'https://', false],
    ['uri', 'exemple.fr', false],
    ['uri', 'https://www.exemple.fr/une page', false],
  ];
  for (const [format, value, valid] of verdicts) {
    it(`${format}: ${JSON.stringify(value)} is ${valid ? 'valid' : 'invalid'}`, async () => {
      const { validator } = await setup({ properties: { x: { type: 'string', format } } });
      assert.equal(validator.validate({ x: value }, { lang: 'fr' }).length === 0, valid);
    });
  }
});

describe('shared definitions', () => {
  it('a $defs object used as a field is closed to unknown answers', async () => {
    const { validator } = await setup({
      $defs: {
        address: {
          type: 'object',
          required: ['street'],
          properties: { street: { type: 'string' }, city: { type: 'string' } },
        },
      },
      properties: { home: { $ref: '#/$defs/address', title: 'Domicile' }, work: { $ref: '#/$defs/address' } },
    });
    assert.deepEqual(
      validator.validate({ home: { street: 'a' }, work: { street: 'b', city: 'c' } }, { lang: 'fr' }),
      [],
    );
    assert.deepEqual(
      validator
        .validate({ home: { street: 'a', floor: 2 }, work: { city: 'c' } }, { lang: 'fr' })
        .map((e) => [e.pointer, e.code]),
      [
        ['/home/floor', 'unknown-field'],
        ['/work/street', 'required'],
      ],
    );
  });

  it('a $defs entry used as a mixin in allOf does not reject its siblings', async () => {
    const { model, validator } = await setup({
      $defs: {
        contact: {
          properties: { email: { type: 'string', format: 'email' }, phone: { type: 'string' } },
          required: ['email'],
        },
      },
      properties: { name: { type: 'string' } },
      allOf: [{ $ref: '#/$defs/contact' }],
    });
    assert.deepEqual(
      model.fields.map((f) => [f.name, f.required]),
      [
        ['name', false],
        ['email', true],
        ['phone', false],
      ],
    );
    assert.deepEqual(validator.validate({ name: 'Ada', email: 'ada@exemple.fr' }, { lang: 'fr' }), []);
    assert.deepEqual(
      validator.validate({ name: 'Ada', fax: '01' }, { lang: 'fr' }).map((e) => [e.pointer, e.code]),
      [
        ['/email', 'required'],
        ['/fax', 'unknown-field'],
      ],
    );
  });
});
