// The definition rules, each alone (like Lion's validators): for every rule, a definition where
// it finds its problem at an exact pointer and a close one where it finds nothing. Then the
// words: what each new problem tells an author to write instead, in French and English.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadDefinition, readDefinition, readServedDefinition, type DefinitionProblem } from '@guichet/core';
import { buildModel } from '../src/model/build-model.js';
import { definitionRules, type DefinitionRule } from '../src/model/rules/index.js';
import type { FormDefinition } from '../src/generated/form-definition.js';
import { definition } from './helpers/forms.js';

const findings = (rule: DefinitionRule, def: Record<string, unknown>) =>
  [...rule.check(buildModel(def as unknown as FormDefinition))].map((f) => f.pointer);

const ruleOf = (code: string): DefinitionRule => {
  const rule = definitionRules.find((r) => r.code === code);
  assert.ok(rule, `a rule for ${code}`);
  return rule;
};

/** For each rule: a definition with its problem (and the pointers it finds), and one without. */
const cases: { code: string; broken: Record<string, unknown>; pointers: string[]; fine: Record<string, unknown> }[] = [
  {
    code: 'unsupported-draft',
    broken: definition({ $schema: 'http://json-schema.org/draft-07/schema#', properties: { a: { type: 'string' } } }),
    pointers: ['/schema/$schema'],
    fine: definition({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      properties: { a: { type: 'string' } },
    }),
  },
  {
    code: 'misplaced-id',
    broken: definition({ properties: { a: { $id: 'https://x.example/a', type: 'string' } } }),
    pointers: ['/schema/properties/a/$id'],
    fine: definition({ $id: 'https://x.example/form', properties: { a: { type: 'string' } } }),
  },
  {
    code: 'dangling-ref',
    broken: definition({ properties: { a: { $ref: '#/$defs/nowhere' } } }),
    pointers: ['/schema/properties/a/$ref'],
    fine: definition({ $defs: { there: { type: 'string' } }, properties: { a: { $ref: '#/$defs/there' } } }),
  },
  {
    code: 'unsupported-type',
    broken: definition({
      properties: { a: { type: ['string', 'number'] }, b: { type: 'date' }, c: { type: 'null' } },
    }),
    pointers: ['/schema/properties/a/type', '/schema/properties/b/type', '/schema/properties/c/type'],
    fine: definition({ properties: { a: { type: ['string', 'null'] }, b: { type: ['null', 'integer'] } } }),
  },
  {
    code: 'unsupported-union',
    broken: definition({
      properties: {
        a: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        b: { type: 'object', properties: { k: { type: 'string' } } },
      },
      oneOf: [{ properties: { x: { type: 'string' } } }, { properties: { y: { type: 'string' } } }],
    }),
    pointers: ['/schema/properties/a/anyOf', '/schema/oneOf'],
    fine: definition({
      properties: {
        a: { anyOf: [{ const: 'x' }, { const: 'y' }, { type: 'null' }] },
        b: { anyOf: [{ type: 'string', minLength: 2 }, { type: 'null' }] },
      },
      anyOf: [{ required: ['a'] }, { required: ['b'] }],
    }),
  },
  {
    code: 'unknown-required',
    broken: definition({ required: ['zz'], properties: { a: { type: 'string' } }, dependentRequired: { yy: ['a'] } }),
    pointers: ['/schema/required/0', '/schema/dependentRequired/yy'],
    fine: definition({ required: ['a'], properties: { a: { type: 'string' } }, dependentRequired: { a: ['a'] } }),
  },
  {
    code: 'required-conditional-field',
    broken: definition({
      required: ['b', 'c'],
      properties: { a: { type: 'boolean' }, c: { type: 'string' } },
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: { properties: { b: { type: 'string' } } },
      else: { properties: { c: false } },
    }),
    pointers: ['/schema/required/1', '/schema/required/0'],
    fine: definition({
      properties: { a: { type: 'boolean' } },
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: { required: ['b'], properties: { b: { type: 'string' } } },
    }),
  },
  {
    code: 'required-where-undeclared',
    broken: definition({
      properties: { a: { type: 'boolean' }, q: { type: 'integer' } },
      dependentSchemas: { q: { properties: { caf: { type: 'string' } } } },
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: { required: ['caf'] },
    }),
    pointers: ['/schema/then/required/0'],
    fine: definition({
      properties: { a: { type: 'boolean' }, caf: { type: 'string' } },
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: { required: ['caf'] },
    }),
  },
  {
    code: 'undescribed-field',
    broken: definition({
      properties: { a: { type: 'boolean' } },
      then: { properties: { b: true } },
      if: { required: ['a'] },
    }),
    pointers: ['/schema/then/properties/b'],
    fine: definition({
      properties: { a: { type: 'boolean' }, b: { type: 'string' } },
      if: { required: ['a'] },
      then: { properties: { b: true } },
    }),
  },
  {
    code: 'hidden-by-additional-properties',
    broken: definition({
      additionalProperties: false,
      properties: { a: { type: 'boolean' } },
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: { properties: { b: { type: 'string' } } },
      allOf: [{ properties: { c: { type: 'string' } }, unevaluatedProperties: false }],
    }),
    pointers: [
      '/schema/additionalProperties',
      '/schema/additionalProperties',
      '/schema/allOf/0/unevaluatedProperties',
      '/schema/allOf/0/unevaluatedProperties',
    ],
    fine: definition({
      unevaluatedProperties: false,
      properties: { a: { type: 'boolean' }, b: { type: 'string' } },
      if: { properties: { a: { const: true } }, required: ['a'] },
      then: { properties: { b: true, c: { type: 'string' } } },
      else: { properties: { b: false } },
    }),
  },
  {
    code: 'incompatible-widget',
    broken: definition({ properties: { a: { type: 'string' } } }, { ui: { fields: { a: { widget: 'checkboxes' } } } }),
    pointers: ['/ui/fields/a/widget'],
    fine: definition({ properties: { a: { type: 'string' } } }, { ui: { fields: { a: { widget: 'textarea' } } } }),
  },
  {
    code: 'unsupported-array',
    broken: definition({
      properties: { a: { type: 'array', items: { type: 'string' } }, b: { type: 'array', items: true } },
    }),
    pointers: ['/schema/properties/a', '/schema/properties/b'],
    fine: definition({ properties: { a: { type: 'array', items: { enum: ['x', 'y'] } } } }),
  },
  {
    code: 'invalid-default',
    broken: definition({ properties: { a: { type: 'integer', default: 'deux' } } }),
    pointers: ['/schema/properties/a/default'],
    fine: definition({ properties: { a: { type: ['integer', 'null'], default: null } } }),
  },
  {
    code: 'invalid-choice',
    broken: definition({ properties: { a: { type: 'integer', enum: [1, 'deux'] } } }),
    pointers: ['/schema/properties/a/enum/1'],
    fine: definition({ properties: { a: { type: ['integer', 'null'], enum: [1, 2, null] } } }),
  },
  {
    code: 'unknown-step-field',
    broken: definition(
      { properties: { a: { type: 'string' } } },
      { ui: { steps: [{ title: 'Un', fields: ['a', 'zz'] }] } },
    ),
    pointers: ['/ui/steps/0/fields/1'],
    fine: definition({ properties: { a: { type: 'string' } } }, { ui: { steps: [{ title: 'Un', fields: ['a'] }] } }),
  },
  {
    code: 'duplicate-step-field',
    broken: definition(
      { properties: { a: { type: 'string' } } },
      {
        ui: {
          steps: [
            { title: 'Un', fields: ['a'] },
            { title: 'Deux', fields: ['a'] },
          ],
        },
      },
    ),
    pointers: ['/ui/steps/1/fields/0'],
    fine: definition({ properties: { a: { type: 'string' } } }, { ui: { steps: [{ title: 'Un', fields: ['a'] }] } }),
  },
  {
    code: 'field-in-no-step',
    broken: definition(
      { properties: { a: { type: 'string' }, b: { type: 'string' } } },
      { ui: { steps: [{ title: 'Un', fields: ['a'] }] } },
    ),
    pointers: ['/schema/properties/b'],
    fine: definition({ properties: { a: { type: 'string' }, b: { type: 'string' } } }),
  },
  {
    code: 'unknown-ui-field',
    broken: definition({ properties: { a: { type: 'string' } } }, { ui: { fields: { 'a/b': { help: 'x' } } } }),
    pointers: ['/ui/fields/a~1b'],
    fine: definition({ properties: { a: { type: 'string' } } }, { ui: { fields: { a: { help: 'x' } } } }),
  },
  {
    code: 'dangling-translation',
    broken: definition(
      { properties: { a: { type: 'string' } } },
      { translations: { en: { '/schema/properties/a/title': 'A' } } },
    ),
    pointers: ['/translations/en/~1schema~1properties~1a~1title'],
    fine: definition(
      { properties: { a: { type: 'string', title: 'Un' } } },
      { translations: { en: { '/schema/properties/a/title': 'A' } } },
    ),
  },
  {
    code: 'notify-email',
    broken: definition(
      { properties: { name: { type: 'string' }, who: { type: 'object', properties: { mail: { type: 'string' } } } } },
      { processing: { notify: { email: '/who/mail' } } },
    ),
    pointers: ['/processing/notify/email'],
    fine: definition(
      {
        properties: {
          who: { type: 'object', properties: { mail: { type: 'string', format: 'email' } } },
        },
      },
      { processing: { notify: { email: '/who/mail' } } },
    ),
  },
];

describe('each definition rule alone', () => {
  it('every rule has its case, every code one rule', () => {
    assert.deepEqual(definitionRules.map((r) => r.code).sort(), cases.map((c) => c.code).sort());
  });
  for (const { code, broken, pointers, fine } of cases) {
    it(`${code}: finds its problem where it is, and nothing in a close definition that has none`, () => {
      const rule = ruleOf(code);
      assert.deepEqual(findings(rule, broken), pointers);
      assert.deepEqual(findings(rule, fine), []);
      const loaded = loadDefinition(fine);
      assert.ok(loaded.ok, JSON.stringify(!loaded.ok && loaded.error.problems.map((p) => [p.pointer, p.code])));
    });
  }
});

const problemsOf = (input: unknown): DefinitionProblem[] => {
  const result = loadDefinition(input);
  assert.equal(result.ok, false, 'the definition is refused');
  return result.ok ? [] : result.error.problems;
};

describe('what each refusal tells the author to write instead', () => {
  it('an older draft is named, first, with what changed', () => {
    const problems = problemsOf(
      definition({
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { a: { type: 'string' } },
        properties: { a: { type: 'string' }, b: { type: 'string' } },
        dependencies: { a: ['b'] },
      }),
    );
    assert.deepEqual(
      problems.map((p) => [p.pointer, p.code]),
      [
        ['/schema/$schema', 'unsupported-draft'],
        ['/schema/definitions', 'unsupported-keyword'],
        ['/schema/dependencies', 'unsupported-keyword'],
      ],
    );
    assert.match(
      problems[0]?.message.fr ?? '',
      /draft-07.*2020-12.*`definitions` → `\$defs`, `dependencies` → `dependentRequired`\/`dependentSchemas`/,
    );
    assert.match(
      problems[0]?.message.en ?? '',
      /written in JSON Schema draft-07, Guichet reads 2020-12: declare it in “\$schema”/,
    );
    assert.match(
      problems[1]?.message.en ?? '',
      /“definitions” is not supported by Guichet: write \$defs, its 2020-12 name/,
    );
    assert.match(problems[2]?.message.fr ?? '', /écrivez dependentRequired \/ dependentSchemas/);
    const later = problemsOf(definition({ $schema: 'https://json-schema.org/draft/2019-09/schema', properties: {} }));
    assert.match(later[0]?.message.en ?? '', /2019-09.*`\$recursiveRef` → `\$ref`/);
    const unknown = problemsOf(
      definition({ $schema: 'https://spec.openapis.org/oas/3.1/dialect/base', properties: {} }),
    );
    assert.match(unknown[0]?.message.fr ?? '', /n'est pas une version de JSON Schema que Guichet lit/);
  });

  it('a keyword a form cannot show says what to write instead', () => {
    const problems = problemsOf(
      definition({
        properties: {
          a: { type: 'string', not: { const: 'x' } },
          b: { type: 'object', properties: {}, additionalProperties: { type: 'string' } },
          c: { type: 'object', properties: {}, unevaluatedProperties: true },
          d: { type: 'string', nullable: true },
        },
      }),
    );
    const said = Object.fromEntries(problems.map((p) => [p.pointer, p.message.en]));
    assert.match(said['/schema/properties/a/not'] ?? '', /say what is allowed \(enum, const, if\/then\)/);
    assert.match(
      said['/schema/properties/b/additionalProperties'] ?? '',
      /“additionalProperties: \{…\}” .*declare each one in “properties”/,
    );
    assert.match(said['/schema/properties/c/unevaluatedProperties'] ?? '', /only “false” makes sense here/);
    assert.match(said['/schema/properties/d/nullable'] ?? '', /write "type": \[T, "null"\]/);
  });

  it('additionalProperties: false beside a field declared only in a branch says it sees only its siblings, and points to unevaluatedProperties', () => {
    const [problem] = problemsOf(
      definition({
        additionalProperties: false,
        properties: { a: { type: 'boolean' } },
        if: { properties: { a: { const: true } }, required: ['a'] },
        then: { properties: { town: { type: 'string' } } },
      }),
    );
    assert.equal(problem?.code, 'hidden-by-additional-properties');
    assert.match(
      problem?.message.en ?? '',
      /“additionalProperties: false” sees only the properties declared beside it and would always refuse “town”/,
    );
    assert.match(problem?.message.fr ?? '', /unevaluatedProperties: false/);
  });

  it('a choice between shapes, a field of two types', () => {
    const problems = problemsOf(
      definition({
        properties: { a: { oneOf: [{ type: 'string' }, { type: 'integer' }] }, b: { type: ['string', 'integer'] } },
      }),
    );
    assert.match(problems[0]?.message.fr ?? '', /«\u00a0type\u00a0» vaut \["string","integer"\]/);
    assert.match(problems[1]?.message.en ?? '', /The branches of “oneOf” are not all constants/);
  });
});

describe('a definition the endpoint checked', () => {
  it('is only built (the rules ran on the endpoint before it served it); any other is checked here', () => {
    const broken = definition({ properties: { a: { $id: 'https://x.example/a', type: 'string' } } });
    const here = readDefinition(broken);
    assert.equal(here.ok, false);
    assert.deepEqual(here.ok ? [] : here.error.problems.map((p) => p.code), ['misplaced-id']);
    const served = readServedDefinition(broken);
    assert.deepEqual(
      served?.fields.map((f) => f.name),
      ['a'],
    );
    // Unreadable JSON is not built; the full reader says where it stops.
    assert.equal(readServedDefinition('{"schema": '), undefined);
    const garbled = readDefinition('{"schema": ');
    assert.deepEqual(garbled.ok ? [] : garbled.error.problems.map((p) => p.code), ['invalid-json']);
  });
});
