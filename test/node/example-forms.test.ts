/**
 * The example procedures in schemas/forms/ are what a town hall copies first, what the demo site
 * serves and what the shared conformance tests run over: each must be valid, fully translated,
 * and together they must exercise every keyword and widget Guichet supports.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileRuntimeValidators, createValidator, escapeSegment, loadDefinition, splitPointer } from '@guichet/core';
import type { FormDefinition, SchemaObject } from '@guichet/core';
import { validateDefinition } from '../../packages/core/src/generated/definition-validator.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const formsDir = `${root}schemas/forms/`;
const dataDir = `${root}test/fixtures/forms-data/`;

interface Example {
  file: string;
  text: string;
  definition: FormDefinition;
}

interface FormData {
  valid: Record<string, unknown>[];
  invalid: { data: Record<string, unknown>; errors: string[] }[];
}

const examples: Example[] = readdirSync(formsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const text = readFileSync(formsDir + file, 'utf8');
    return { file, text, definition: JSON.parse(text) as FormDefinition };
  });

const brokenDir = `${root}test/fixtures/broken-definitions/`;

const formData = (id: string): FormData => JSON.parse(readFileSync(`${dataDir}${id}.json`, 'utf8')) as FormData;

/**
 * Every keyword a schema node may use, as the meta-schema allows them (formats one by one), and
 * the shapes authors write: boolean subschemas, a type that may be null.
 */
const SUPPORTED_KEYWORDS = [
  '$schema',
  '$id',
  '$comment',
  'examples',
  'properties:true',
  'properties:false',
  'type:nullable',
  'type',
  'properties',
  'required',
  'title',
  'description',
  'default',
  'enum',
  'oneOf',
  'anyOf',
  'allOf',
  'const',
  'format:email',
  'format:date',
  'format:time',
  'format:date-time',
  'format:uri',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  '$defs',
  '$ref',
  'readOnly',
  'contentMediaType',
  'additionalProperties:false',
];
const WIDGETS = [
  'text',
  'textarea',
  'email',
  'tel',
  'url',
  'date',
  'time',
  'number',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'file',
];

/** Calls `visit` on every schema node below (and including) `node` that is not a boolean, with its JSON pointer. */
function forEachSchemaNode(
  value: unknown,
  pointer: string,
  visit: (node: SchemaObject, pointer: string) => void,
): void {
  if (!value || typeof value !== 'object') return;
  const node = value as SchemaObject;
  visit(node, pointer);
  for (const key of ['properties', '$defs', 'dependentSchemas'] as const) {
    for (const [name, child] of Object.entries(node[key] ?? {}))
      forEachSchemaNode(child, `${pointer}/${key}/${escapeSegment(name)}`, visit);
  }
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    (node[key] ?? []).forEach((child, index) => forEachSchemaNode(child, `${pointer}/${key}/${index}`, visit));
  }
  for (const key of ['items', 'if', 'then', 'else'] as const) forEachSchemaNode(node[key], `${pointer}/${key}`, visit);
}

/** Every string a citizen reads, keyed by its JSON pointer in the definition. */
function translatableStrings(definition: FormDefinition): Map<string, string> {
  const strings = new Map<string, string>();
  const add = (pointer: string, value: unknown): void => {
    if (typeof value === 'string') strings.set(pointer, value);
  };
  add('/title', definition.title);
  add('/description', definition.description);
  forEachSchemaNode(definition.schema, '/schema', (node, pointer) => {
    add(`${pointer}/title`, node.title);
    add(`${pointer}/description`, node.description);
  });
  (definition.ui?.steps ?? []).forEach((step, index) => {
    add(`/ui/steps/${index}/title`, step.title);
    add(`/ui/steps/${index}/description`, step.description);
  });
  add('/ui/submitLabel', definition.ui?.submitLabel);
  for (const [path, fieldUi] of Object.entries(definition.ui?.fields ?? {})) {
    const base = `/ui/fields/${escapeSegment(path)}`;
    for (const key of ['help', 'placeholder', 'addLabel', 'itemLabel', 'unit'] as const)
      add(`${base}/${key}`, fieldUi?.[key]);
    for (const [keyword, message] of Object.entries(fieldUi?.messages ?? {}))
      add(`${base}/messages/${keyword}`, message);
  }
  for (const key of ['name', 'address', 'openingHours'] as const) add(`/contact/${key}`, definition.contact?.[key]);
  add('/processing/nextSteps', definition.processing?.nextSteps);
  return strings;
}

/** Keywords used in a schema, with `format` and `additionalProperties` qualified by their value. */
function keywordsUsed(definition: FormDefinition): Set<string> {
  const used = new Set<string>();
  forEachSchemaNode(definition.schema, '/schema', (node) => {
    for (const [keyword, value] of Object.entries(node)) {
      used.add(keyword === 'format' || keyword === 'additionalProperties' ? `${keyword}:${String(value)}` : keyword);
    }
    for (const value of Object.values(node.properties ?? {}))
      if (typeof value === 'boolean') used.add(`properties:${String(value)}`);
    if (Array.isArray(node.type) && node.type.includes('null')) used.add('type:nullable');
  });
  return used;
}

/** The root declares a field, a branch switches it on (`true`) or off (`false`), and `additionalProperties: false` closes the root. */
function usesRootAndBranches(schema: SchemaObject): boolean {
  const branches = [schema, ...(schema.allOf ?? [])].flatMap((node) =>
    typeof node === 'object' ? [node.then, node.else] : [],
  );
  const switched = branches.flatMap((branch) =>
    typeof branch === 'object' ? Object.entries(branch.properties ?? {}).filter(([, v]) => typeof v === 'boolean') : [],
  );
  return (
    schema.additionalProperties === false &&
    switched.some(([, v]) => v === true) &&
    switched.some(([, v]) => v === false) &&
    switched.every(([name]) => Object.hasOwn(schema.properties ?? {}, name))
  );
}

/** Top-level fields: the properties a schema describes at its root or in a branch (`then`, `else`, `dependentSchemas`). */
function topLevelFields(schema: SchemaObject): string[] {
  const described = (node: SchemaObject) =>
    Object.entries(node.properties ?? {})
      .filter(([, value]) => typeof value === 'object')
      .map(([name]) => name);
  const names = new Set(described(schema));
  const branches = (node: SchemaObject): SchemaObject[] =>
    [
      node.then,
      node.else,
      ...Object.values(node.dependentSchemas ?? {}),
      ...(node.allOf ?? []).flatMap((n) => (typeof n === 'object' ? [n, ...branches(n)] : [])),
    ].filter((branch): branch is SchemaObject => typeof branch === 'object');
  for (const branch of branches(schema)) for (const name of described(branch)) names.add(name);
  return [...names];
}

/** The message a form sets for `code` on the field at data `pointer` (items' indexes left out), in `lang`. */
function customMessage(
  definition: FormDefinition,
  pointer: string,
  code: string,
  lang: 'fr' | 'en',
): string | undefined {
  const path = (splitPointer(pointer) ?? []).filter((segment) => !/^\d+$/.test(segment)).join('/');
  const french = definition.ui?.fields?.[path]?.messages?.[code as 'pattern'];
  if (french === undefined || lang === 'fr') return french;
  return definition.translations?.en?.[`/ui/fields/${escapeSegment(path)}/messages/${code}`];
}

test('there are at least 6 example procedures', () => {
  assert.ok(examples.length >= 6, `only ${examples.length} forms in schemas/forms/`);
});

for (const { file, text, definition } of examples) {
  describe(`example form ${file}`, () => {
    test('is valid against the form-definition meta-schema', () => {
      const valid = validateDefinition(definition);
      assert.equal(valid, true, JSON.stringify((validateDefinition as { errors?: unknown }).errors, null, 2));
    });

    test('declares JSON Schema 2020-12, as authors write it', () => {
      assert.equal((definition.schema as SchemaObject).$schema, 'https://json-schema.org/draft/2020-12/schema');
    });

    test('is named after its id, in French, with a version, a contact and processing details', () => {
      assert.equal(`${definition.id}.json`, file);
      assert.equal(definition.version, '1.0.0');
      assert.equal(definition.lang, 'fr');
      assert.ok(definition.description, 'a description');
      for (const key of ['name', 'phone', 'email', 'address', 'openingHours', 'url'] as const) {
        assert.ok(definition.contact?.[key], `contact.${key}`);
      }
      assert.ok(definition.processing?.expectedDays, 'processing.expectedDays');
      assert.match(definition.processing?.referencePrefix ?? '', /^[A-Z]{2,6}$/);
      assert.ok(definition.processing?.nextSteps, 'processing.nextSteps');
    });

    test('every top-level field appears in exactly one step', () => {
      const steps = definition.ui?.steps ?? [];
      assert.ok(
        steps.length >= (definition.id === 'contact-service' ? 1 : 2) && steps.length <= 4,
        `${steps.length} steps`,
      );
      const placed = steps.flatMap((step) => step.fields);
      const fields = topLevelFields(definition.schema as SchemaObject);
      for (const name of fields) {
        assert.equal(
          placed.filter((placedName) => placedName === name).length,
          1,
          `${name} is in ${placed.filter((n) => n === name).length} steps`,
        );
      }
      assert.deepEqual(
        placed.filter((name) => !fields.includes(name)),
        [],
        'steps name fields the schema does not declare',
      );
    });

    test('has an English translation of every text, and of nothing else', () => {
      const strings = translatableStrings(definition);
      const english = definition.translations?.en ?? {};
      const untranslated = [...strings.keys()].filter((pointer) => !english[pointer]?.trim());
      assert.deepEqual(untranslated, [], 'texts without an English translation');
      const dangling = Object.keys(english).filter((pointer) => !strings.has(pointer));
      assert.deepEqual(dangling, [], 'translations of texts that do not exist');
    });

    test('loads, and gives the expected verdict and error pointers on its sample answers', async () => {
      const loaded = loadDefinition(text);
      assert.ok(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.error.problems, null, 2));
      const validator = createValidator(loaded.model, await compileRuntimeValidators(loaded.model));
      const data = formData(definition.id);
      data.valid.forEach((answers, index) => {
        assert.deepEqual(validator.validate(answers, { lang: 'fr' }), [], `valid answer ${index}`);
      });
      data.invalid.forEach(({ data: answers, errors: expected }, index) => {
        for (const lang of ['fr', 'en'] as const) {
          const errors = validator.validate(answers, { lang });
          assert.deepEqual(
            errors.map((e) => e.pointer).sort(),
            [...expected].sort(),
            `invalid answer ${index} (${lang})`,
          );
          for (const error of errors) {
            assert.notEqual(
              error.code,
              'unknown-field',
              `${error.pointer} is a field of the form, not an unknown one (invalid answer ${index})`,
            );
            assert.equal(
              error.message,
              customMessage(definition, error.pointer, error.code, lang) ?? error.message,
              `the form's own ${error.code} message for ${error.pointer}`,
            );
            assert.ok(error.message.trim(), `a ${lang} message for ${error.pointer}`);
          }
        }
      });
    });

    test('has 2–3 valid and 4–6 invalid sample answers', () => {
      const data = formData(definition.id);
      assert.ok(data.valid.length >= 2 && data.valid.length <= 3, `${data.valid.length} valid answers`);
      assert.ok(data.invalid.length >= 4 && data.invalid.length <= 6, `${data.invalid.length} invalid answers`);
      for (const { errors } of data.invalid)
        assert.ok(errors.length > 0 && errors.every((pointer) => pointer.startsWith('/')));
    });
  });
}

test('at least two example forms declare fields at the root and switch them with boolean branches, the root closed', () => {
  const shaped = examples.filter(({ definition }) => usesRootAndBranches(definition.schema as SchemaObject));
  assert.ok(shaped.length >= 2, `only ${shaped.map((e) => e.file).join(', ') || 'none'}`);
});

test('the example forms together use every supported keyword and widget', () => {
  const used = new Set<string>();
  const widgets = new Set<string>();
  for (const { definition } of examples) {
    for (const keyword of keywordsUsed(definition)) used.add(keyword);
    for (const fieldUi of Object.values(definition.ui?.fields ?? {})) if (fieldUi?.widget) widgets.add(fieldUi.widget);
  }
  assert.deepEqual(
    SUPPORTED_KEYWORDS.filter((keyword) => !used.has(keyword)),
    [],
    'keywords no example form uses',
  );
  assert.deepEqual(
    WIDGETS.filter((widget) => !widgets.has(widget)),
    [],
    'widgets no example form uses',
  );
});

describe('broken definitions', () => {
  const manifest = JSON.parse(readFileSync(`${brokenDir}manifest.json`, 'utf8')) as {
    file: string;
    pointer: string;
    code: string;
  }[];

  test('their valid base loads, so each broken file fails for its own problem', () => {
    const loaded = loadDefinition(readFileSync(`${brokenDir}ok-base.json`, 'utf8'));
    assert.ok(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.error.problems, null, 2));
  });

  for (const { file, pointer, code } of manifest) {
    test(`${file} is reported as ${code} at "${pointer}", in French and English`, () => {
      const loaded = loadDefinition(readFileSync(brokenDir + file, 'utf8'));
      assert.equal(loaded.ok, false);
      if (loaded.ok) return;
      const problem = loaded.error.problems.find((p) => p.pointer === pointer && p.code === code);
      assert.ok(
        problem,
        `expected ${code} at "${pointer}", got ${JSON.stringify(loaded.error.problems.map((p) => [p.pointer, p.code]))}`,
      );
      assert.ok(problem.message.fr.trim() && problem.message.en.trim());
      assert.notEqual(problem.message.fr, problem.message.en);
    });
  }
});
