/** Rules on `ui.steps` and `ui.fields`: every top-level field in exactly one step, every hint for a field that exists. */
import type { DefinitionRule } from './rule.js';
import { inSchema } from './rule.js';
import { joinPointer } from '../../util/pointer.js';

interface StepEntry {
  step: number;
  name: string;
  /** Its place in the step's `fields`. */
  at: number;
}

/** Every name the steps list, in order. Read at every load: the pointer waits for a problem to report. */
function stepEntries(steps: readonly { fields: readonly string[] }[] | undefined): StepEntry[] {
  const entries: StepEntry[] = [];
  steps?.forEach((step, i) => step.fields.forEach((name, at) => entries.push({ step: i, name, at })));
  return entries;
}

const pointerOf = (entry: StepEntry) => joinPointer('/ui/steps', entry.step, 'fields', entry.at);

export const unknownStepField: DefinitionRule = {
  code: 'unknown-step-field',
  *check({ definition, model }) {
    const names = new Set(model.fields.map((f) => f.name));
    for (const entry of stepEntries(definition.ui?.steps))
      if (!names.has(entry.name)) yield { pointer: pointerOf(entry), params: { field: entry.name } };
  },
};

export const duplicateStepField: DefinitionRule = {
  code: 'duplicate-step-field',
  *check({ definition }) {
    const placed = new Map<string, number>();
    for (const entry of stepEntries(definition.ui?.steps)) {
      const first = placed.get(entry.name);
      if (first === undefined) placed.set(entry.name, entry.step);
      else yield { pointer: pointerOf(entry), params: { field: entry.name, step: first + 1 } };
    }
  },
};

export const fieldInNoStep: DefinitionRule = {
  code: 'field-in-no-step',
  *check({ definition, model }) {
    if (!definition.ui?.steps) return;
    const placed = new Set(stepEntries(definition.ui.steps).map((e) => e.name));
    for (const field of model.fields)
      if (!placed.has(field.name)) yield { pointer: inSchema(field.schemaPointer), params: { field: field.name } };
  },
};

export const unknownUiField: DefinitionRule = {
  code: 'unknown-ui-field',
  *check({ definition, fields }) {
    const paths = new Set(fields.map((f) => f.field.path));
    for (const path of Object.keys(definition.ui?.fields ?? {}))
      if (!paths.has(path)) yield { pointer: joinPointer('/ui/fields', path), params: { field: path } };
  },
};
