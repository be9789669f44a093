// Broken definitions: every problem named with its pointer, a stable code and a message in
// French and English; several at once; and never an exception, whatever the input.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefinitionError, loadDefinition, type DefinitionProblem } from '@guichet/core';
import { definition } from './helpers/forms.js';

const brokenDir = fileURLToPath(new URL('../../../test/fixtures/broken-definitions/', import.meta.url));

function problemsOf(input: unknown): DefinitionProblem[] {
  const result = loadDefinition(input);
  assert.equal(result.ok, false, 'the definition is rejected');
  if (result.ok) return [];
  assert.ok(result.error instanceof DefinitionError);
  assert.ok(result.error instanceof Error);
  for (const problem of result.error.problems) {
    assert.equal(typeof problem.pointer, 'string');
    assert.ok(problem.message.fr.length > 0 && problem.message.en.length > 0, 'a message in both languages');
    assert.notEqual(problem.message.fr, problem.message.en);
  }
  assert.ok(
    result.error.message.includes(result.error.problems[0]?.message.fr ?? '—'),
    'the error message is the first problem',
  );
  return result.error.problems;
}

const codes = (problems: DefinitionProblem[]) => problems.map((p) => [p.pointer, p.code]);

describe('the broken definitions of test/fixtures', () => {
  const manifest = JSON.parse(readFileSync(`${brokenDir}manifest.json`, 'utf8')) as {
    file: string;
    pointer: string;
    code: string;
  }[];
  for (const entry of manifest) {
    it(`${entry.file}: ${entry.code} at "${entry.pointer}"`, () => {
      const problems = problemsOf(readFileSync(brokenDir + entry.file, 'utf8'));
      assert.ok(
        problems.some((p) => p.pointer === entry.pointer && p.code === entry.code),
        `expected ${entry.code} at ${entry.pointer}, got ${JSON.stringify(codes(problems))}`,
      );
    });
  }
  it('ok-base.json loads', () => {
    assert.equal(loadDefinition(readFileSync(`${brokenDir}ok-base.json`, 'utf8')).ok, true);
  });
});

describe('each kind of problem, in plain words', () => {
  it('invalid JSON gives the line and column', () => {
    const [problem] = problemsOf('{\n  "id": "x",\n  "title": }');
    assert.equal(problem?.code, 'invalid-json');
    assert.equal(problem?.pointer, '');
    assert.match(problem?.message.fr ?? '', /ligne 3, colonne 12/);
    assert.match(problem?.message.en ?? '', /line 3, column 12/);
    assert.match(problemsOf('{"id": "x"')[0]?.message.en ?? '', /ends too early/);
  });

  it('a definition that is not an object', () => {
    for (const input of [null, 42, 'null', '[]', [], true, undefined]) {
      assert.deepEqual(codes(problemsOf(input)), [['', 'not-an-object']], `for ${JSON.stringify(input)}`);
    }
  });

  it('an unsupported keyword', () => {
    const problems = problemsOf(definition({ properties: { a: { type: 'string', patternProperties: {} } } }));
    assert.deepEqual(codes(problems), [['/schema/properties/a/patternProperties', 'unsupported-keyword']]);
    assert.equal(
      problems[0]?.message.fr,
      "Le mot-clé «\u00a0patternProperties\u00a0» n'est pas pris en charge par Guichet\u00a0: un formulaire pose des questions nommées, déclarez chacune dans «\u00a0properties\u00a0»",
    );
    assert.equal(
      problems[0]?.message.en,
      'The keyword “patternProperties” is not supported by Guichet: a form asks named questions, declare each one in “properties”',
    );
  });

  it('an unsupported keyword deep in a branch or $defs', () => {
    const problems = problemsOf(
      definition({
        $defs: { a: { type: 'string', not: { const: 'x' } } },
        properties: { b: { type: 'string' } },
        allOf: [{ if: { required: ['b'] }, then: { properties: { c: { type: 'string', contains: {} } } } }],
      }),
    );
    assert.deepEqual(codes(problems), [
      ['/schema/$defs/a/not', 'unsupported-keyword'],
      ['/schema/allOf/0/then/properties/c/contains', 'unsupported-keyword'],
    ]);
  });

  it('an unknown property outside schemas, an unknown widget listing the allowed ones', () => {
    const problems = problemsOf(
      definition(
        { properties: { a: { type: 'string' } } },
        { colour: 'red', ui: { fields: { a: { widget: 'slider' } } } },
      ),
    );
    assert.deepEqual(codes(problems), [
      ['/colour', 'unknown-property'],
      ['/ui/fields/a/widget', 'unknown-widget'],
    ]);
    assert.match(problems[1]?.message.fr ?? '', /«\u00a0slider\u00a0».*text, textarea, email/);
  });

  it('a missing property, a wrong type, a bad id, an unsupported type or format', () => {
    const problems = problemsOf({
      id: 'Mon Formulaire',
      version: 1,
      schema: { type: 'object', properties: { a: { type: 'date' }, b: { type: 'string', format: 'ipv4' } } },
    });
    assert.deepEqual(codes(problems), [
      ['', 'missing-property'],
      ['/id', 'pattern'],
      ['/version', 'wrong-type'],
      ['/schema/properties/b/format', 'unsupported-format'],
      ['/schema/properties/a/type', 'unsupported-type'],
    ]);
    assert.equal(problems[0]?.message.fr, 'La propriété obligatoire «\u00a0title\u00a0» manque');
    assert.equal(problems[2]?.message.en, 'This value must be a string');
  });

  it('a contact link that is not a web page (javascript:, data:) is refused, saying what to write', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>x</script>']) {
      const problems = problemsOf({ ...definition({ properties: { a: { type: 'string' } } }), contact: { url } });
      assert.deepEqual(codes(problems), [['/contact/url', 'pattern']], url);
      assert.match(problems[0]?.message.en ?? '', /starting with https:\/\//);
    }
    for (const url of ['https://www.montfleury.example/contact', 'HTTP://mairie.example'])
      assert.equal(
        loadDefinition({ ...definition({ properties: { a: { type: 'string' } } }), contact: { url } }).ok,
        true,
        url,
      );
  });

  it('a $ref to nowhere', () => {
    const problems = problemsOf(definition({ properties: { a: { $ref: '#/$defs/nothing' } } }));
    assert.deepEqual(codes(problems), [['/schema/properties/a/$ref', 'dangling-ref']]);
    assert.match(problems[0]?.message.en ?? '', /#\/\$defs\/nothing/);
  });

  it('steps naming a missing field, a field twice, a field in no step', () => {
    const problems = problemsOf(
      definition(
        { properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } } },
        {
          ui: {
            steps: [
              { title: 'Un', fields: ['a', 'zz'] },
              { title: 'Deux', fields: ['b', 'a'] },
            ],
          },
        },
      ),
    );
    assert.deepEqual(codes(problems), [
      ['/ui/steps/0/fields/1', 'unknown-step-field'],
      ['/ui/steps/1/fields/1', 'duplicate-step-field'],
      ['/schema/properties/c', 'field-in-no-step'],
    ]);
  });

  it('ui.fields naming no field, a widget that does not suit its field', () => {
    const problems = problemsOf(
      definition(
        {
          properties: {
            a: { type: 'string' },
            n: { type: 'integer' },
            c: { type: 'string', enum: ['x', 'y'] },
            o: { type: 'object', properties: { p: { type: 'string' } } },
          },
        },
        {
          ui: {
            fields: {
              ghost: { help: 'x' },
              'o/ghost': {},
              a: { widget: 'checkboxes' },
              n: { widget: 'date' },
              c: { widget: 'number' },
              'o/p': { widget: 'radio' },
            },
          },
        },
      ),
    );
    assert.deepEqual(codes(problems), [
      ['/ui/fields/a/widget', 'incompatible-widget'],
      ['/ui/fields/n/widget', 'incompatible-widget'],
      ['/ui/fields/c/widget', 'incompatible-widget'],
      ['/ui/fields/o~1p/widget', 'incompatible-widget'],
      ['/ui/fields/ghost', 'unknown-ui-field'],
      ['/ui/fields/o~1ghost', 'unknown-ui-field'],
    ]);
    assert.match(problems[3]?.message.fr ?? '', /«\u00a0radio\u00a0» ne convient pas.*liste de choix/);
  });

  it('a translation to nowhere', () => {
    const problems = problemsOf(
      definition(
        { properties: { a: { type: 'string', title: 'A' } } },
        { translations: { en: { '/schema/properties/b/title': 'B', '/schema/properties/a': 'A' } } },
      ),
    );
    assert.deepEqual(codes(problems), [
      ['/translations/en/~1schema~1properties~1b~1title', 'dangling-translation'],
      ['/translations/en/~1schema~1properties~1a', 'dangling-translation'],
    ]);
  });

  it('required and dependentRequired naming no property', () => {
    const problems = problemsOf(
      definition({
        required: ['a', 'ghost'],
        properties: { a: { type: 'string' } },
        dependentRequired: { a: ['phantom'], spectre: ['a'] },
      }),
    );
    assert.deepEqual(codes(problems), [
      ['/schema/required/1', 'unknown-required'],
      ['/schema/dependentRequired/a/0', 'unknown-required'],
      ['/schema/dependentRequired/spectre', 'unknown-required'],
    ]);
  });

  it('a field required always but shown only under a condition', () => {
    const problems = problemsOf(
      definition({
        required: ['address'],
        properties: { post: { type: 'boolean' } },
        if: { required: ['post'] },
        then: { properties: { address: { type: 'string' } } },
      }),
    );
    assert.deepEqual(codes(problems), [['/schema/required/0', 'required-conditional-field']]);
  });

  it('a default or a choice of the wrong type', () => {
    const problems = problemsOf(
      definition({
        properties: {
          n: { type: 'integer', default: 'douze' },
          c: {
            type: 'string',
            oneOf: [
              { const: 'a', title: 'A' },
              { const: 2, title: 'Deux' },
            ],
          },
        },
      }),
    );
    assert.deepEqual(codes(problems), [
      ['/schema/properties/n/default', 'invalid-default'],
      ['/schema/properties/c/oneOf/1/const', 'invalid-choice'],
    ]);
  });

  it('additionalProperties: false that would reject a conditional field', () => {
    const problems = problemsOf(
      definition({
        additionalProperties: false,
        properties: { a: { type: 'boolean' } },
        if: { required: ['a'] },
        then: { properties: { b: { type: 'string' } } },
      }),
    );
    assert.deepEqual(codes(problems), [['/schema/additionalProperties', 'hidden-by-additional-properties']]);
  });

  it('reports every problem together, not just the first', () => {
    const problems = problemsOf({
      id: 'essai',
      version: '1.0.0',
      title: 'Essai',
      schema: {
        type: 'object',
        properties: { a: { $ref: '#/$defs/none' }, b: { type: 'string', patternProperties: {} } },
      },
      ui: { fields: { a: { widget: 'slider' } }, steps: [{ title: 'Un', fields: ['a', 'b', 'zz'] }] },
      translations: { en: { '/nowhere': 'x' } },
    });
    assert.deepEqual(codes(problems).sort(), [
      ['/schema/properties/a/$ref', 'dangling-ref'],
      ['/schema/properties/b/patternProperties', 'unsupported-keyword'],
      ['/translations/en/~1nowhere', 'dangling-translation'],
      ['/ui/fields/a/widget', 'unknown-widget'],
      ['/ui/steps/0/fields/2', 'unknown-step-field'],
    ]);
  });
});

describe('never throws', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }
  const keys = [
    'id',
    'version',
    'title',
    'schema',
    'ui',
    'steps',
    'fields',
    'type',
    'properties',
    'items',
    '$ref',
    'if',
    'then',
    'else',
    'allOf',
    'oneOf',
    'required',
    'dependentRequired',
    'dependentSchemas',
    '$defs',
    'translations',
    'en',
    'widget',
    'const',
    'enum',
    '__proto__',
    'constructor',
  ];
  function junk(next: () => number, depth: number): unknown {
    const pick = next();
    if (depth > 5 || pick < 0.25) {
      const leaves = [null, 0, -1, 1e308, true, '', 'object', 'string', '#/$defs/x', '/schema/title', [], {}];
      return leaves[Math.floor(next() * leaves.length)];
    }
    if (pick < 0.45) return Array.from({ length: Math.floor(next() * 4) }, () => junk(next, depth + 1));
    const out: Record<string, unknown> = {};
    for (let i = 0; i < Math.floor(next() * 6); i++)
      out[keys[Math.floor(next() * keys.length)] as string] = junk(next, depth + 1);
    return out;
  }

  it('on garbage of every shape', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      0,
      NaN,
      '',
      ' ',
      '{',
      '}',
      '[1,2',
      '"a"',
      'true',
      Symbol('x'),
      () => 1,
      new Date(),
      [[[]]],
      { schema: null },
      { schema: [] },
      { schema: { type: 'object', properties: null } },
    ];
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 2000; i++) {
      const next = {};
      deep.properties = { a: next };
      deep = next;
    }
    inputs.push({ id: 'a', version: '1.0.0', title: 't', schema: { type: 'object', ...root } });
    const next = random(42);
    for (let i = 0; i < 400; i++) inputs.push(junk(next, 0));
    for (let i = 0; i < 100; i++) {
      const base = definition({ properties: { a: { type: 'string' } } });
      base[keys[Math.floor(next() * keys.length)] as string] = junk(next, 1);
      (base.schema as Record<string, unknown>)[keys[Math.floor(next() * keys.length)] as string] = junk(next, 1);
      inputs.push(base, JSON.stringify(base).slice(0, Math.floor(next() * 200)));
    }
    for (const input of inputs) {
      const result = loadDefinition(input);
      if (!result.ok) {
        assert.ok(result.error instanceof DefinitionError);
        assert.ok(result.error.problems.length > 0);
      }
    }
  });

  it('on a recursive $ref', () => {
    const result = loadDefinition(
      definition({ $defs: { loop: { $ref: '#/$defs/loop' } }, properties: { a: { $ref: '#/$defs/loop' } } }),
    );
    assert.equal(typeof result.ok, 'boolean');
  });
});
