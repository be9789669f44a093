/**
 * Turns a definition that passed the meta-schema into the form model, and reports what only
 * a reading of the whole definition can find (a step naming no field, a widget that does not
 * suit its field, a `required` naming no property…).
 */
import type { FieldUi, FormDefinition, SchemaNode } from '../generated/form-definition.js';
import type {
  Choice,
  Condition,
  Constraints,
  DefinitionProblem,
  Field,
  FormModel,
  LocalizedText,
  Step,
} from './types.js';
import {
  collectLevel,
  resolveRef,
  type Declaration,
  type Level,
  type Requirement,
  type Resolved,
} from './schema-walk.js';
import { choicesOf, inferKind, typeOf } from './kind.js';
import { textAt } from './localize.js';
import { formatBoth } from '../messages/format.js';
import { isRecord, joinPointer } from '../util/pointer.js';

interface Context {
  definition: FormDefinition;
  root: SchemaNode;
  problems: DefinitionProblem[];
  /** Paths of every field, to check `ui.fields` keys. */
  paths: Set<string>;
}

export interface BuildResult {
  model: FormModel;
  problems: DefinitionProblem[];
}

export function buildModel(definition: FormDefinition): BuildResult {
  const ctx: Context = { definition, root: definition.schema, problems: [], paths: new Set() };
  const fields = buildFields(ctx, definition.schema, '', '');
  const text = (pointer: string, value: string | undefined): LocalizedText | undefined =>
    typeof value === 'string' ? textAt(definition, pointer, value) : undefined;
  const title = textAt(definition, '/title', definition.title);
  const steps = buildSteps(ctx, fields, title);
  checkUiFields(ctx);

  const model: FormModel = {
    id: definition.id,
    version: definition.version,
    title,
    lang: definition.lang ?? 'fr',
    fields,
    steps,
    definition,
  };
  const description = text('/description', definition.description);
  if (description) model.description = description;
  const submitLabel = text('/ui/submitLabel', definition.ui?.submitLabel);
  if (submitLabel) model.submitLabel = submitLabel;
  if (definition.contact) {
    const c = definition.contact;
    model.contact = {
      ...(c.name !== undefined ? { name: textAt(definition, '/contact/name', c.name) } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
      ...(c.email !== undefined ? { email: c.email } : {}),
      ...(c.address !== undefined ? { address: textAt(definition, '/contact/address', c.address) } : {}),
      ...(c.openingHours !== undefined
        ? { openingHours: textAt(definition, '/contact/openingHours', c.openingHours) }
        : {}),
      ...(c.url !== undefined ? { url: c.url } : {}),
    };
  }
  if (definition.processing) {
    const p = definition.processing;
    model.processing = {
      ...(p.expectedDays !== undefined ? { expectedDays: p.expectedDays } : {}),
      ...(p.referencePrefix !== undefined ? { referencePrefix: p.referencePrefix } : {}),
      ...(p.nextSteps !== undefined ? { nextSteps: textAt(definition, '/processing/nextSteps', p.nextSteps) } : {}),
    };
  }
  if (definition.adapters?.open311) model.open311 = definition.adapters.open311;
  return { model, problems: ctx.problems };
}

function problem(ctx: Context, pointer: string, code: string, message: LocalizedText): void {
  ctx.problems.push({ pointer, code, message });
}

/** "firstName" → "First name", "date_naissance" → "Date naissance": a label of last resort. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** The fields of the object level `node` (at `pointer` in the data schema). */
function buildFields(ctx: Context, node: SchemaNode, pointer: string, parentPath: string): Field[] {
  const level = collectLevel(ctx.root, node, pointer);
  checkLevel(ctx, level);
  const byName = new Map<string, Declaration>();
  for (const declaration of level.declarations) {
    const seen = byName.get(declaration.name);
    // A property declared unconditionally anywhere at the level is always shown.
    if (!seen || (seen.conditions.length > 0 && declaration.conditions.length === 0))
      byName.set(declaration.name, declaration);
  }
  // Indexed by name once: looking them up field by field is quadratic, and forms of a few
  // hundred fields exist.
  const requirementsByName = groupByName(level.requirements);
  return [...byName.values()].map((declaration) =>
    buildField(ctx, declaration, requirementsByName.get(declaration.name) ?? [], parentPath),
  );
}

function groupByName<T extends { name: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.name);
    if (group) group.push(item);
    else groups.set(item.name, [item]);
  }
  return groups;
}

function checkLevel(ctx: Context, level: Level): void {
  const declared = new Set(level.declarations.map((d) => d.name));
  for (const requirement of level.requirements) {
    if (!declared.has(requirement.name)) {
      problem(
        ctx,
        `/schema${requirement.pointer}`,
        'unknown-required',
        formatBoth('definition.unknown-required', { property: requirement.name }),
      );
    }
  }
  for (const trigger of level.triggers) {
    if (!declared.has(trigger.name)) {
      problem(
        ctx,
        `/schema${trigger.pointer}`,
        'unknown-required',
        formatBoth('definition.unknown-required', { property: trigger.name }),
      );
    }
  }
  const declarationsByName = groupByName(level.declarations);
  for (const requirement of level.requirements) {
    if (requirement.conditions.length) continue;
    const declarations = declarationsByName.get(requirement.name) ?? [];
    if (declarations.length && declarations.every((d) => d.conditions.length > 0)) {
      problem(
        ctx,
        `/schema${requirement.pointer}`,
        'required-conditional-field',
        formatBoth('definition.required-conditional-field', { property: requirement.name }),
      );
    }
  }
  if (level.closed.length) {
    const unconditional = new Set(level.declarations.filter((d) => !d.conditions.length).map((d) => d.name));
    for (const d of level.declarations) {
      if (d.conditions.length && !unconditional.has(d.name)) {
        problem(
          ctx,
          `/schema${level.closed[0]}`,
          'hidden-by-additional-properties',
          formatBoth('definition.hidden-by-additional-properties', { field: d.name }),
        );
      }
    }
  }
}

function buildField(
  ctx: Context,
  declaration: Declaration,
  requirements: readonly Requirement[],
  parentPath: string,
): Field {
  const { definition, root } = ctx;
  const name = declaration.name;
  const path = parentPath ? `${parentPath}/${name}` : name;
  ctx.paths.add(path);
  const resolved = resolveRef(root, declaration.node, declaration.pointer);
  const node = resolved.node;
  const ui: FieldUi | undefined = definition.ui?.fields?.[path];
  // Most fields have no UI hints: their pointer is built only when one is read or reported.
  const uiPointer = () => joinPointer('/ui/fields', path);
  const schemaText = (key: 'title' | 'description'): LocalizedText | undefined => {
    const value = node[key];
    return typeof value === 'string' ? textAt(definition, () => `/schema${resolved.at(key)}`, value) : undefined;
  };
  const uiText = (key: 'help' | 'placeholder' | 'unit' | 'addLabel' | 'itemLabel'): LocalizedText | undefined => {
    const value = ui?.[key];
    return typeof value === 'string' ? textAt(definition, () => joinPointer(uiPointer(), key), value) : undefined;
  };

  const kind = inferKind(root, resolved, ui);
  if (kind.widgetProblem) {
    const reason = kind.widgetProblem;
    problem(
      ctx,
      joinPointer(uiPointer(), 'widget'),
      'incompatible-widget',
      formatBoth('definition.incompatible-widget', (lang) => ({
        widget: ui?.widget ?? '',
        reason: formatBoth(reason)[lang],
      })),
    );
  }
  if (kind.unsupportedArray)
    problem(ctx, `/schema${declaration.pointer}`, 'unsupported-array', formatBoth('definition.unsupported-array'));

  const field: Field = {
    name,
    path,
    schemaPointer: declaration.pointer,
    kind: kind.kind,
    label: schemaText('title') ?? { fr: humanise(name), en: humanise(name) },
    required: requirements.some((r) => r.conditions.length === 0),
    requiredWhen: requirements
      .filter((r) => r.conditions.length > 0)
      .map((r) => r.conditions[r.conditions.length - 1] as Condition),
    readOnly: node.readOnly === true,
    constraints: constraintsOf(root, resolved, ui),
    activeWhen: declaration.conditions,
  };
  if (kind.multiple) field.multiple = true;
  const hint = schemaText('description');
  if (hint) field.hint = hint;
  if (ui) {
    for (const key of ['help', 'placeholder', 'unit', 'addLabel', 'itemLabel'] as const) {
      const value = uiText(key);
      if (value) field[key] = value;
    }
  }
  if (ui?.autocomplete) field.autocomplete = ui.autocomplete;
  if (ui?.inputmode) field.inputmode = ui.inputmode;
  if (ui?.rows) field.rows = ui.rows;
  if (ui?.messages) {
    field.messages = {};
    for (const [keyword, message] of Object.entries(ui.messages)) {
      if (typeof message === 'string')
        field.messages[keyword] = textAt(definition, () => joinPointer(uiPointer(), 'messages', keyword), message);
    }
  }

  const type = typeOf(node);
  if ('default' in node) {
    if (!matchesType(node.default, type)) {
      problem(
        ctx,
        `/schema${resolved.at('default')}`,
        'invalid-default',
        formatBoth('definition.invalid-default', { type: type ?? '' }),
      );
    }
    field.default = node.default;
  }

  const choiceSource =
    field.kind === 'checkboxes' && isRecord(node.items) ? resolveRef(root, node.items, resolved.at('items')) : resolved;
  const choices = field.kind === 'fieldset' || field.kind === 'group' ? undefined : choicesOf(root, choiceSource);
  if (choices) {
    const choiceType = typeOf(choiceSource.node);
    field.choices = [];
    for (const raw of choices) {
      const scalar = typeof raw.value === 'string' || typeof raw.value === 'number' || typeof raw.value === 'boolean';
      if (!scalar || !matchesType(raw.value, choiceType)) {
        problem(
          ctx,
          `/schema${raw.pointer()}`,
          'invalid-choice',
          formatBoth('definition.invalid-choice', {
            value: JSON.stringify(raw.value) ?? 'undefined',
            type: choiceType ?? 'string',
          }),
        );
        continue;
      }
      const value = raw.value as string | number | boolean;
      // An enum member is its own label, translatable through its pointer when it is a string.
      const label =
        raw.title !== undefined
          ? textAt(definition, () => `/schema${raw.pointer('title')}`, raw.title)
          : typeof value === 'string'
            ? textAt(definition, () => `/schema${raw.pointer()}`, value)
            : { fr: String(value), en: String(value) };
      const choice: Choice = { value, label };
      if (raw.description !== undefined)
        choice.hint = textAt(definition, () => `/schema${raw.pointer('description')}`, raw.description);
      field.choices.push(choice);
    }
  }

  if (field.kind === 'fieldset') field.fields = buildFields(ctx, declaration.node, declaration.pointer, path);
  if (field.kind === 'group' && isRecord(node.items))
    field.fields = buildFields(ctx, node.items, resolved.at('items'), path);
  return field;
}

function matchesType(value: unknown, type: SchemaNode['type'] | undefined): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
  }
}

const NUMERIC = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
] as const;

function constraintsOf(root: SchemaNode, resolved: Resolved, ui: FieldUi | undefined): Constraints {
  const node = resolved.node;
  const constraints: Constraints = {};
  for (const key of NUMERIC) {
    const value = node[key];
    if (typeof value === 'number') constraints[key] = value;
  }
  if (typeof node.pattern === 'string') constraints.pattern = node.pattern;
  if (node.uniqueItems === true) constraints.uniqueItems = true;
  const items = isRecord(node.items) ? resolveRef(root, node.items, resolved.at('items')).node : undefined;
  const mediaType = node.contentMediaType ?? items?.contentMediaType;
  if (ui?.accept) constraints.accept = [...ui.accept];
  else if (typeof mediaType === 'string') constraints.accept = [mediaType];
  if (ui?.maxSize !== undefined) constraints.maxSize = ui.maxSize;
  return constraints;
}

function buildSteps(ctx: Context, fields: Field[], title: LocalizedText): Step[] {
  const { definition } = ctx;
  const names = new Set(fields.map((f) => f.name));
  const steps = definition.ui?.steps;
  if (!steps) return [{ title, fields: [...names] }];
  const placed = new Map<string, number>();
  const result = steps.map((step, i): Step => {
    const stepPointer = joinPointer('/ui/steps', i);
    step.fields.forEach((name, j) => {
      const pointer = joinPointer(stepPointer, 'fields', j);
      if (!names.has(name)) {
        problem(ctx, pointer, 'unknown-step-field', formatBoth('definition.unknown-step-field', { field: name }));
      } else if (placed.has(name)) {
        problem(
          ctx,
          pointer,
          'duplicate-step-field',
          formatBoth('definition.duplicate-step-field', { field: name, step: (placed.get(name) ?? 0) + 1 }),
        );
      } else {
        placed.set(name, i);
      }
    });
    const out: Step = {
      title: textAt(definition, joinPointer(stepPointer, 'title'), step.title),
      fields: [...step.fields],
    };
    if (typeof step.description === 'string')
      out.description = textAt(definition, joinPointer(stepPointer, 'description'), step.description);
    return out;
  });
  for (const field of fields) {
    if (!placed.has(field.name)) {
      problem(
        ctx,
        `/schema${field.schemaPointer}`,
        'field-in-no-step',
        formatBoth('definition.field-in-no-step', { field: field.name }),
      );
    }
  }
  return result;
}

function checkUiFields(ctx: Context): void {
  for (const path of Object.keys(ctx.definition.ui?.fields ?? {})) {
    if (!ctx.paths.has(path)) {
      problem(
        ctx,
        joinPointer('/ui/fields', path),
        'unknown-ui-field',
        formatBoth('definition.unknown-ui-field', { field: path }),
      );
    }
  }
}
