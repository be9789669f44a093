/**
 * Turns a definition that passed the meta-schema into the form model, and into the reading the
 * definition rules check (rules/): this file reports nothing itself.
 */
import type { FieldUi, FormDefinition, SchemaNode } from '../generated/form-definition.js';
import type { Choice, Constraints, Field, FormModel, LocalizedText, SchemaObject, Step } from './types.js';
import { collectLevel, resolveRef, type Resolved } from './schema-walk.js';
import { fieldShape } from './field-shape.js';
import { coRequirements, mentionsByName, visibilityOf, type Visibility } from './visibility.js';
import { choicesOf, inferKind, isChoiceValue, typeOf } from './kind.js';
import { textAt } from './localize.js';
import type { DefinitionReading, FieldReading, LevelReading } from './reading.js';
import { isRecord, joinPointer } from '../util/pointer.js';

interface Context {
  definition: FormDefinition;
  root: SchemaObject;
  levels: LevelReading[];
  fields: FieldReading[];
}

export function buildModel(definition: FormDefinition): DefinitionReading {
  const root = definition.schema as SchemaObject;
  const ctx: Context = { definition, root, levels: [], fields: [] };
  const fields = buildFields(ctx, root, '', '');
  const text = (pointer: string, value: string | undefined): LocalizedText | undefined =>
    typeof value === 'string' ? textAt(definition, pointer, value) : undefined;
  const title = textAt(definition, '/title', definition.title);

  const model: FormModel = {
    id: definition.id,
    version: definition.version,
    title,
    lang: definition.lang ?? 'fr',
    fields,
    steps: buildSteps(definition, fields, title),
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
      ...(p.notify ? { notify: { email: p.notify.email } } : {}),
    };
  }
  if (definition.adapters?.open311) model.open311 = definition.adapters.open311;
  return { definition, root, model, levels: ctx.levels, fields: ctx.fields };
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
  const mentions = mentionsByName(level);
  const reading: LevelReading = { pointer, level, mentions, fields: [] };
  ctx.levels.push(reading);
  const coRequired = coRequirements(mentions);
  for (const [name, said] of mentions) {
    // The shape is the declaration where no condition applies, else the first one.
    const declaration = said.declarations.find((d) => d.branch.length === 0) ?? said.declarations[0];
    if (!declaration) continue;
    const visibility = visibilityOf(said, coRequired.get(name));
    // Forbidden where no condition applies: no answer can ever be given, there is no question.
    if (visibility.never) continue;
    const field = buildField(ctx, declaration, parentPath);
    setVisibility(field, visibility);
    reading.fields.push(field);
  }
  return reading.fields;
}

/** A field that may be left empty is never one the citizen must answer: the schema's requirement says when null is sent. */
function setVisibility(field: Field, { required, requiredWhen, activeWhen }: Visibility): void {
  field.activeWhen = activeWhen;
  if (!field.nullable) {
    field.required = required;
    field.requiredWhen = requiredWhen;
  } else if (required || requiredWhen.length) {
    field.nullWhen = required ? [[]] : requiredWhen;
  }
}

function buildField(ctx: Context, declaration: FieldReading['declaration'], parentPath: string): Field {
  const { definition, root } = ctx;
  const name = declaration.name;
  const path = parentPath ? `${parentPath}/${name}` : name;
  const shape = fieldShape(root, declaration.node, declaration.pointer);
  const resolved = shape.resolved;
  const node = resolved.node;
  const ui: FieldUi | undefined = definition.ui?.fields?.[path];
  // Most fields have no UI hints: their pointer is built only when one is read.
  const uiPointer = () => joinPointer('/ui/fields', path);
  const schemaText = (key: 'title' | 'description'): LocalizedText | undefined => {
    const value = node[key];
    return typeof value === 'string' ? textAt(definition, () => `/schema${resolved.at(key)}`, value) : undefined;
  };
  const uiText = (key: 'help' | 'placeholder' | 'unit' | 'addLabel' | 'itemLabel'): LocalizedText | undefined => {
    const value = ui?.[key];
    return typeof value === 'string' ? textAt(definition, () => joinPointer(uiPointer(), key), value) : undefined;
  };

  // Read once: a choice field's kind depends on its choices, and the model lists them.
  const ownChoices = choicesOf(root, resolved);
  const kind = inferKind(root, resolved, ui, ownChoices);
  const field: Field = {
    name,
    path,
    schemaPointer: declaration.pointer,
    kind: kind.kind,
    label: schemaText('title') ?? { fr: humanise(name), en: humanise(name) },
    required: false,
    requiredWhen: [],
    readOnly: node.readOnly === true,
    constraints: constraintsOf(root, resolved, ui),
    activeWhen: [],
  };
  if (shape.nullable) field.nullable = true;
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
  if ('default' in node) field.default = node.default;

  const reading: FieldReading = { field, declaration, resolved, kind };
  if (ui) reading.ui = ui;
  ctx.fields.push(reading);

  const choiceSource =
    field.kind === 'checkboxes' && isRecord(node.items)
      ? resolveRef(root, node.items as SchemaObject, resolved.at('items'))
      : resolved;
  const choices =
    field.kind === 'fieldset' || field.kind === 'group'
      ? undefined
      : choiceSource === resolved
        ? ownChoices
        : choicesOf(root, choiceSource);
  if (choices) {
    const choiceType = typeOf(choiceSource.node);
    reading.choices = choices;
    if (choiceType) reading.choiceType = choiceType;
    field.choices = choices.filter((raw) => isChoiceValue(raw.value, choiceType)).map((raw) => choiceOf(ctx, raw));
  }

  if (field.kind === 'fieldset') field.fields = buildFields(ctx, shape.written.node, shape.written.pointer, path);
  if (field.kind === 'group' && isRecord(node.items))
    field.fields = buildFields(ctx, node.items, resolved.at('items'), path);
  return field;
}

function choiceOf(ctx: Context, raw: NonNullable<FieldReading['choices']>[number]): Choice {
  const { definition } = ctx;
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
  return choice;
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

function constraintsOf(root: SchemaObject, resolved: Resolved, ui: FieldUi | undefined): Constraints {
  const node = resolved.node;
  const constraints: Constraints = {};
  for (const key of NUMERIC) {
    const value = node[key];
    if (typeof value === 'number') constraints[key] = value;
  }
  if (typeof node.pattern === 'string') constraints.pattern = node.pattern;
  if (node.uniqueItems === true) constraints.uniqueItems = true;
  const items = isRecord(node.items)
    ? resolveRef(root, node.items as SchemaObject, resolved.at('items')).node
    : undefined;
  const mediaType = node.contentMediaType ?? items?.contentMediaType;
  if (ui?.accept) constraints.accept = [...ui.accept];
  else if (typeof mediaType === 'string') constraints.accept = [mediaType];
  if (ui?.maxSize !== undefined) constraints.maxSize = ui.maxSize;
  return constraints;
}

/** The steps as written (the rules check what they name), or one step holding every field. */
function buildSteps(definition: FormDefinition, fields: Field[], title: LocalizedText): Step[] {
  const steps = definition.ui?.steps;
  if (!steps) return [{ title, fields: fields.map((f) => f.name) }];
  return steps.map((step, i): Step => {
    const stepPointer = joinPointer('/ui/steps', i);
    const out: Step = {
      title: textAt(definition, joinPointer(stepPointer, 'title'), step.title),
      fields: [...step.fields],
    };
    if (typeof step.description === 'string')
      out.description = textAt(definition, joinPointer(stepPointer, 'description'), step.description);
    return out;
  });
}
