/**
 * fast-check arbitraries for form definitions as authors write them in JSON Schema 2020-12 (see
 * docs/definition-format.md): fields of every kind, some that may be null, conditionals in each
 * common shape (root + boolean branches, if/then, dependentRequired, dependentSchemas, older
 * branch declarations), nested in a fieldset and in the items of a group; and answers to them:
 * right types, wrong types, out-of-range values and missing answers.
 */
import fc from 'fast-check';

type Node = Record<string, unknown>;
interface Property {
  schema: Node;
  widget?: string;
  /** Answers this field may get: good, bad or odd. */
  answer: fc.Arbitrary<unknown>;
  /** It may be left empty (its type admits null). */
  nullable?: boolean;
  /** An unticked yes/no box: already an answer (`false`) in an untouched form. */
  answeredAtFirst?: boolean;
}

const label = fc.constantFrom(
  'Nom',
  'Adresse du logement',
  'Quel est le problème ?',
  'Date souhaitée',
  'Nombre de personnes',
  'Vos disponibilités',
  'Message',
);
const words = fc.constantFrom(
  '',
  ' ',
  'a',
  'Camille',
  'rue des Écoles',
  'x'.repeat(60),
  '12',
  'camille@example.fr',
  '2026-05-01',
  'not an email',
  '14:30',
);
const wrongType = fc.constantFrom<unknown>(null, 42, true, 'texte', [], {}, [1, 2], { a: 1 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const text: fc.Arbitrary<Property> = fc
  .record({
    title: label,
    minLength: maybe(fc.integer({ min: 1, max: 5 })),
    maxLength: maybe(fc.integer({ min: 10, max: 80 })),
    format: maybe(fc.constantFrom('email', 'date', 'uri')),
    widget: fc.constantFrom('text', 'textarea'),
  })
  .map(({ widget, format, ...rest }) => ({
    schema: { type: 'string', ...clean(rest), ...(format ? { format } : {}) },
    widget: format ? undefined : widget,
    answer: fc.oneof(words, fc.string({ maxLength: 90 }), wrongType),
  }));

const number: fc.Arbitrary<Property> = fc
  .record({
    title: label,
    type: fc.constantFrom('number', 'integer'),
    minimum: maybe(fc.integer({ min: -10, max: 5 })),
    maximum: maybe(fc.integer({ min: 10, max: 1000 })),
  })
  .map((schema) => ({
    schema: clean(schema),
    answer: fc.oneof(fc.integer({ min: -50, max: 2000 }), fc.double({ min: -50, max: 2000, noNaN: true }), wrongType),
  }));

const boolean: fc.Arbitrary<Property> = fc
  .record({ title: label, mustAccept: fc.boolean() })
  .map(({ title, mustAccept }) => ({
    schema: mustAccept ? { type: 'boolean', title, const: true } : { type: 'boolean', title },
    answer: fc.oneof(fc.boolean(), wrongType),
    answeredAtFirst: !mustAccept,
  }));

const choice: fc.Arbitrary<Property> = fc
  .record({ title: label, count: fc.integer({ min: 2, max: 6 }), widget: fc.constantFrom('select', 'radio') })
  .map(({ title, count, widget }) => {
    const values = Array.from({ length: count }, (_, i) => `choix-${i + 1}`);
    return {
      schema: { type: 'string', title, oneOf: values.map((value, i) => ({ const: value, title: `Réponse ${i + 1}` })) },
      widget,
      answer: fc.oneof(fc.constantFrom(...values), fc.constantFrom('choix-99', ''), wrongType),
    };
  });

const several: fc.Arbitrary<Property> = fc
  .record({ title: label, count: fc.integer({ min: 2, max: 5 }), minItems: maybe(fc.integer({ min: 1, max: 2 })) })
  .map(({ title, count, minItems }) => {
    const values = Array.from({ length: count }, (_, i) => `option-${i + 1}`);
    return {
      schema: {
        type: 'array',
        title,
        items: { type: 'string', oneOf: values.map((value, i) => ({ const: value, title: `Option ${i + 1}` })) },
        uniqueItems: true,
        ...(minItems ? { minItems } : {}),
      },
      widget: 'checkboxes',
      answer: fc.oneof(
        fc.subarray(values),
        fc.array(fc.constantFrom(...values, 'option-99'), { maxLength: 4 }),
        wrongType,
      ),
    };
  });

function clean<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * "May be left empty", both ways generators write it: `type: [T, "null"]` beside the type, or
 * `anyOf` of the answer's shape and `{"type": "null"}` (zod's `.nullable()`). A consent box stays
 * as it is: `const: true` admits no null.
 */
const nullable = (property: Property): fc.Arbitrary<Property> => {
  const { schema } = property;
  if (schema.const === true) return fc.constant(property);
  return fc.constantFrom('type', 'anyOf').map((how) => {
    const { title, ...shape } = schema;
    const written =
      how === 'type' && typeof shape.type === 'string' && !shape.oneOf
        ? { ...schema, type: [shape.type, 'null'] }
        : { title, anyOf: [shape, { type: 'null' }] };
    return { ...property, schema: written, answer: fc.oneof(property.answer, fc.constant(null)), nullable: true };
  });
};

/** A field, sometimes one that may be left empty. */
const field = fc
  .oneof(text, number, boolean, choice, several)
  .chain((p) => fc.boolean().chain((empty) => (empty ? nullable(p) : fc.constant(p))));

/**
 * A question that switches two others, declared at the root: in each of the shapes authors write.
 * - `branches`: `if`/`then`/`else` with `properties: {x: true}` / `{x: false}` (allOf item);
 * - `required`: `if`/`then` requiring one (no `else`), `else` adding a rule to the other: each
 *   shows only in its own branch;
 * - `dependentRequired` and `dependentSchemas` on the switch;
 * - `declared-in-branch`: the older way, each one declared inside its own branch.
 * Each block says which of its fields show for what is sent (`shows`): the rule of
 * docs/definition-format.md "when a field shows", written out for each shape.
 */
interface Block {
  properties: Record<string, Node>;
  /** Names required where no condition applies. */
  required: string[];
  /** Names that must be answered when shown at the start (for the render test). */
  mustAnswer: string[];
  allOf?: Node[];
  dependentRequired?: Record<string, string[]>;
  dependentSchemas?: Record<string, Node>;
  /** Whether a root `additionalProperties: false` would refuse one of its fields. */
  declaresInBranch: boolean;
  answers: Record<string, fc.Arbitrary<unknown>>;
  /** Its switched fields, by path from the root, and whether each shows for the answers as sent. */
  shows: (sent: Record<string, unknown>) => Visible[];
}

/** A field at `path` (names and item indexes from the root) and whether it shows. */
export interface Visible {
  path: (string | number)[];
  shown: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const switchBlock = (k: number): fc.Arbitrary<Block> =>
  fc
    .record({
      shape: fc.constantFrom('branches', 'required', 'dependentRequired', 'dependentSchemas', 'declared-in-branch'),
      switchRequired: fc.boolean(),
    })
    .map(({ shape, switchRequired }) => {
      const mode = `mode${k}`;
      const yes = `siOui${k}`;
      const no = `siNon${k}`;
      const yesSchema = { type: 'string', title: 'Précisez', minLength: 2 };
      const noSchema = { type: 'integer', title: 'Combien ?', minimum: 1 };
      const test = { properties: { [mode]: { const: 'oui' } }, required: [mode] };
      // The `if` holds when the switch is sent as "oui"; the dependencies, when it is sent at all.
      const matches = (sent: Record<string, unknown>) => sent[mode] === 'oui';
      const present = (sent: Record<string, unknown>) => Object.hasOwn(sent, mode);
      const showing = (yesShown: boolean, noShown: boolean): Visible[] => [
        { path: [yes], shown: yesShown },
        { path: [no], shown: noShown },
      ];
      const block: Block = {
        properties: { [mode]: { type: 'string', title: 'Avez-vous un justificatif ?', enum: ['oui', 'non'] } },
        required: switchRequired ? [mode] : [],
        mustAnswer: switchRequired ? [mode] : [],
        declaresInBranch: shape === 'declared-in-branch',
        answers: {
          [mode]: fc.oneof(fc.constantFrom('oui', 'non', 'peut-être'), wrongType),
          [yes]: fc.oneof(words, wrongType),
          [no]: fc.oneof(fc.integer({ min: -2, max: 5 }), wrongType),
        },
        shows: (sent) => showing(matches(sent), !matches(sent)),
      };
      if (shape !== 'declared-in-branch') Object.assign(block.properties, { [yes]: yesSchema, [no]: noSchema });
      switch (shape) {
        case 'branches':
          block.allOf = [
            {
              if: test,
              then: { properties: { [yes]: true, [no]: false }, required: [yes] },
              else: { properties: { [yes]: false, [no]: true } },
            },
          ];
          break;
        case 'required':
          block.allOf = [{ if: test, then: { required: [yes] }, else: { properties: { [no]: { maximum: 3 } } } }];
          break;
        case 'dependentRequired':
          block.dependentRequired = { [mode]: [yes] };
          block.shows = (sent) => showing(present(sent), true);
          break;
        case 'dependentSchemas':
          block.dependentSchemas = { [mode]: { required: [no], properties: { [yes]: false } } };
          block.shows = (sent) => showing(!present(sent), present(sent));
          break;
        case 'declared-in-branch':
          block.allOf = [
            {
              if: test,
              then: { properties: { [yes]: yesSchema }, required: [yes] },
              else: { properties: { [no]: noSchema } },
            },
          ];
          break;
      }
      return block;
    });

/** A fieldset whose own answer switches one of its fields, closed as JSON Schema closes it. */
const fieldsetBlock = (k: number): fc.Arbitrary<Block> =>
  fc.record({ required: fc.boolean(), closed: fc.boolean() }).map(({ required, closed }) => {
    const name = `demandeur${k}`;
    return {
      properties: {
        [name]: {
          type: 'object',
          title: 'Le demandeur',
          required: ['statut'],
          ...(closed ? { additionalProperties: false } : {}),
          properties: {
            statut: { type: 'string', title: 'Statut', enum: ['particulier', 'entreprise'] },
            siret: { type: 'string', title: 'SIRET', pattern: '^[0-9]{14}$' },
          },
          if: { properties: { statut: { const: 'entreprise' } }, required: ['statut'] },
          then: { properties: { siret: true }, required: ['siret'] },
          else: { properties: { siret: false } },
        },
      },
      required: required ? [name] : [],
      mustAnswer: required ? [name] : [],
      declaresInBranch: false,
      shows: (sent) => {
        const applicant = sent[name];
        return isObject(applicant) ? [{ path: [name, 'siret'], shown: applicant.statut === 'entreprise' }] : [];
      },
      answers: {
        [name]: fc.oneof(
          fc.record(
            {
              statut: fc.oneof(fc.constantFrom('particulier', 'entreprise', 'autre'), wrongType),
              siret: fc.constantFrom('12345678901234', '123', ''),
            },
            { requiredKeys: [] },
          ),
          wrongType,
        ),
      },
    };
  });

/** A repeatable group whose items each switch one of their fields. */
const groupBlock = (k: number): fc.Arbitrary<Block> =>
  fc.record({ required: fc.boolean() }).map(({ required }) => {
    const name = `enfants${k}`;
    return {
      properties: {
        [name]: {
          type: 'array',
          title: 'Vos enfants',
          maxItems: 3,
          items: {
            type: 'object',
            required: ['prenom'],
            properties: {
              prenom: { type: 'string', title: 'Prénom', minLength: 1 },
              allergie: { type: 'boolean', title: 'Allergie' },
              precisions: { type: ['string', 'null'], title: 'Précisions', minLength: 3 },
            },
            if: { properties: { allergie: { const: true } }, required: ['allergie'] },
            then: { required: ['precisions'] },
            else: { properties: { precisions: false } },
          },
        },
      },
      required: required ? [name] : [],
      mustAnswer: required ? [name] : [],
      declaresInBranch: false,
      shows: (sent) => {
        const children = sent[name];
        if (!Array.isArray(children)) return [];
        return children.flatMap((child, i) =>
          isObject(child) ? [{ path: [name, i, 'precisions'], shown: child.allergie === true }] : [],
        );
      },
      answers: {
        [name]: fc.oneof(
          fc.array(
            fc.record(
              {
                prenom: fc.oneof(fc.constantFrom('Léa', ''), wrongType),
                allergie: fc.oneof(fc.boolean(), wrongType),
                precisions: fc.constantFrom('gluten', 'x', '', null),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 4 },
          ),
          wrongType,
        ),
      },
    };
  });

export interface GeneratedForm {
  definition: {
    id: string;
    version: string;
    title: string;
    schema: Node;
    ui: { steps: { title: string; fields: string[] }[]; fields: Record<string, { widget: string }> };
  };
  /** Top-level fields a citizen must answer before leaving the first step (required, and not nullable). */
  mustAnswer: string[];
  /** Answers: some right, some wrong; JSON-safe (they go over HTTP). */
  answers: fc.Arbitrary<Record<string, unknown>>;
  /** The switched fields and whether each shows, for the answers as sent. */
  shows: (sent: Record<string, unknown>) => Visible[];
}

export const generatedForm = (id: string): fc.Arbitrary<GeneratedForm> =>
  fc
    .record({
      properties: fc.array(field, { minLength: 1, maxLength: 7 }),
      requiredMask: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      // A switch comes in five shapes: it is drawn more often than a fieldset or a group.
      blocks: fc.array(fc.constantFrom(switchBlock, switchBlock, switchBlock, fieldsetBlock, groupBlock), {
        maxLength: 4,
      }),
      stepCount: fc.integer({ min: 1, max: 3 }),
      title: fc.constantFrom('Demande d’acte', 'Signalement', 'Inscription', 'Réservation de salle'),
      dialect: fc.boolean(),
      closeRoot: fc.boolean(),
    })
    .chain(({ blocks, ...rest }) =>
      fc.tuple(...blocks.map((block, k) => block(k))).map((built) => ({ ...rest, blocks: built as Block[] })),
    )
    .map(({ properties, requiredMask, blocks, stepCount, title, dialect, closeRoot }) => {
      const names = properties.map((_, i) => `champ${i + 1}`);
      const blockNames = blocks.flatMap((b) => Object.keys(b.answers));
      const allNames = [...names, ...blockNames];
      const stepTotal = Math.min(stepCount, allNames.length);
      const steps = Array.from({ length: stepTotal }, (_, s) => ({
        title: `Étape ${s + 1}`,
        fields: allNames.filter((_, i) => i % stepTotal === s),
      }));
      const widgets = Object.fromEntries(
        properties.flatMap((p, i) => (p.widget ? [[names[i]!, { widget: p.widget }]] : [])),
      ) as Record<string, { widget: string }>;
      const required = [...names.filter((_, i) => requiredMask[i]), ...blocks.flatMap((b) => b.required)];
      const allOf = blocks.flatMap((b) => b.allOf ?? []);
      const dependentRequired = Object.assign({}, ...blocks.map((b) => b.dependentRequired ?? {})) as Node;
      const dependentSchemas = Object.assign({}, ...blocks.map((b) => b.dependentSchemas ?? {})) as Node;
      const schema: Node = {
        ...(dialect ? { $schema: 'https://json-schema.org/draft/2020-12/schema' } : {}),
        type: 'object',
        properties: Object.fromEntries([
          ...properties.map((p, i) => [names[i]!, p.schema]),
          ...blocks.flatMap((b) => Object.entries(b.properties)),
        ]),
        required,
        // JSON Schema's own meaning: it sees the root's properties, so not a field declared in a branch.
        ...(closeRoot && !blocks.some((b) => b.declaresInBranch) ? { additionalProperties: false } : {}),
        ...(allOf.length ? { allOf } : {}),
        ...(Object.keys(dependentRequired).length ? { dependentRequired } : {}),
        ...(Object.keys(dependentSchemas).length ? { dependentSchemas } : {}),
      };
      const definition = { id, version: '1.0.0', title, schema, ui: { steps, fields: widgets } };
      const mustAnswer = [
        ...names.filter((_, i) => requiredMask[i] && !properties[i]!.nullable && !properties[i]!.answeredAtFirst),
        ...blocks.flatMap((b) => b.mustAnswer),
      ];
      const arbitraries = [...properties.map((p) => p.answer), ...blocks.flatMap((b) => Object.values(b.answers))];
      const answers = fc
        .tuple(...arbitraries.map((a) => maybe(a)))
        .map(
          (values) =>
            JSON.parse(
              JSON.stringify(
                Object.fromEntries(values.map((v, i) => [allNames[i]!, v]).filter(([, v]) => v !== undefined)),
              ),
            ) as Record<string, unknown>,
        );
      const shows = (sent: Record<string, unknown>) => blocks.flatMap((b) => b.shows(sent));
      return { definition, mustAnswer, answers, shows };
    });
