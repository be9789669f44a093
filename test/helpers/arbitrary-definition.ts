/**
 * fast-check arbitraries for form definitions within the subset Guichet renders and validates
 * (see docs and schemas/form-definition.schema.json), and for answers to them: right types,
 * wrong types, out-of-range values and missing answers.
 */
import fc from 'fast-check';

type Node = Record<string, unknown>;
interface Property {
  schema: Node;
  widget?: string;
  /** Answers this field may get: good, bad or odd. */
  answer: fc.Arbitrary<unknown>;
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

export interface GeneratedForm {
  definition: {
    id: string;
    version: string;
    title: string;
    schema: Node;
    ui: { steps: { title: string; fields: string[] }[]; fields: Record<string, { widget: string }> };
  };
  /** Answers: some right, some wrong; JSON-safe (they go over HTTP). */
  answers: fc.Arbitrary<Record<string, unknown>>;
}

export const generatedForm = (id: string): fc.Arbitrary<GeneratedForm> =>
  fc
    .record({
      properties: fc.array(fc.oneof(text, number, boolean, choice, several), { minLength: 1, maxLength: 7 }),
      requiredMask: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
      stepCount: fc.integer({ min: 1, max: 3 }),
      title: fc.constantFrom('Demande d’acte', 'Signalement', 'Inscription', 'Réservation de salle'),
    })
    .map(({ properties, requiredMask, stepCount, title }) => {
      const names = properties.map((_, i) => `champ${i + 1}`);
      const steps = Array.from({ length: Math.min(stepCount, names.length) }, (_, s) => ({
        title: `Étape ${s + 1}`,
        fields: names.filter((_, i) => i % Math.min(stepCount, names.length) === s),
      }));
      const widgets = Object.fromEntries(
        properties.flatMap((p, i) => (p.widget ? [[names[i]!, { widget: p.widget }]] : [])),
      ) as Record<string, { widget: string }>;
      const definition = {
        id,
        version: '1.0.0',
        title,
        schema: {
          type: 'object',
          properties: Object.fromEntries(properties.map((p, i) => [names[i]!, p.schema])),
          required: names.filter((_, i) => requiredMask[i]),
        },
        ui: { steps, fields: widgets },
      };
      const answers = fc
        .tuple(...properties.map((p) => maybe(p.answer)))
        .map(
          (values) =>
            JSON.parse(
              JSON.stringify(
                Object.fromEntries(values.map((v, i) => [names[i]!, v]).filter(([, v]) => v !== undefined)),
              ),
            ) as Record<string, unknown>,
        );
      return { definition, answers };
    });
