// The generated form every contender renders: N fields in one step, a realistic mix of kinds
// (text, textarea, select, radio, number, boolean), about 30 % required. Deterministic, so every
// run and every contender gets the same form.

const kinds = ['text', 'text', 'text', 'textarea', 'select', 'radio', 'number', 'number', 'boolean', 'text'];
const options = [
  ['voirie', 'Voirie'],
  ['proprete', 'Propreté'],
  ['eclairage', 'Éclairage public'],
  ['espaces-verts', 'Espaces verts'],
  ['autre', 'Autre'],
];

/** The fields as plain data: what each contender builds its own input from. */
export function fieldSpecs(count) {
  return Array.from({ length: count }, (_, i) => ({
    name: `f${i}`,
    label: `Question ${i + 1}`,
    kind: kinds[i % kinds.length],
    // 3 in 10, spread over the kinds (i*7 mod 10 walks every residue).
    required: (i * 7) % 10 < 3,
  }));
}

function propertySchema(spec) {
  switch (spec.kind) {
    // A one-line answer is short: past 200 characters Guichet's model makes a string a textarea
    // (docs/definition-format.md), which the other contenders would not render.
    case 'text':
      return { type: 'string', title: spec.label, maxLength: 100 };
    case 'textarea':
      return { type: 'string', title: spec.label, maxLength: 500 };
    case 'select':
    case 'radio':
      return { type: 'string', title: spec.label, oneOf: options.map(([value, title]) => ({ const: value, title })) };
    case 'number':
      return { type: 'number', title: spec.label, minimum: 0, maximum: 1000 };
    case 'boolean':
      return { type: 'boolean', title: spec.label };
  }
  throw new Error(spec.kind);
}

/** The JSON Schema of the data, shared by Guichet, RJSF and JSON Forms. */
export function dataSchema(specs) {
  return {
    type: 'object',
    properties: Object.fromEntries(specs.map((s) => [s.name, propertySchema(s)])),
    required: specs.filter((s) => s.required).map((s) => s.name),
  };
}

export function guichetDefinition(specs) {
  return {
    id: `bench-${specs.length}`,
    version: '1.0.0',
    title: `Formulaire de ${specs.length} questions`,
    schema: dataSchema(specs),
    ui: {
      steps: [{ title: 'Vos réponses', fields: specs.map((s) => s.name) }],
      fields: Object.fromEntries(
        specs
          .filter((s) => s.kind === 'textarea' || s.kind === 'radio' || s.kind === 'select')
          .map((s) => [s.name, { widget: s.kind }]),
      ),
    },
  };
}

/** The same questions as a municipal form asks them: `perStep` to a step. */
export function steppedDefinition(specs, perStep, id) {
  const single = guichetDefinition(specs);
  const steps = [];
  for (let i = 0; i < specs.length; i += perStep)
    steps.push({ title: `Step ${steps.length + 1}`, fields: specs.slice(i, i + perStep).map((s) => s.name) });
  return { ...single, id, ui: { ...single.ui, steps } };
}

/**
 * The same form with the condition municipal forms ask most: "Autre" chosen in the first step's
 * list, a question to say which appears, and must be answered.
 */
export function withOtherSpecify(definition) {
  const first = definition.ui.steps[0].fields;
  const list = first.find((name) => definition.ui.fields[name]?.widget === 'select');
  const other = `${list}_other`;
  return {
    ...definition,
    id: `${definition.id}-conditions`,
    schema: {
      ...definition.schema,
      if: { properties: { [list]: { const: 'autre' } }, required: [list] },
      then: { properties: { [other]: { type: 'string', title: 'Précisez', maxLength: 100 } }, required: [other] },
    },
    ui: {
      ...definition.ui,
      steps: [
        { ...definition.ui.steps[0], fields: first.flatMap((name) => (name === list ? [name, other] : [name])) },
        ...definition.ui.steps.slice(1),
      ],
    },
  };
}

export function rjsfUiSchema(specs) {
  return Object.fromEntries(
    specs.filter((s) => s.kind === 'textarea' || s.kind === 'radio').map((s) => [s.name, { 'ui:widget': s.kind }]),
  );
}

export function jsonFormsUiSchema(specs) {
  return {
    type: 'VerticalLayout',
    elements: specs.map((s) => ({
      type: 'Control',
      scope: `#/properties/${s.name}`,
      ...(s.kind === 'textarea'
        ? { options: { multi: true } }
        : s.kind === 'radio'
          ? { options: { format: 'radio' } }
          : {}),
    })),
  };
}

export { options as choiceOptions };
