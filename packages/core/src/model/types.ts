/**
 * The form model: what `loadDefinition` makes of a valid definition, and what the elements
 * render. Everything here is plain data (no functions), so a model can be cloned, logged and
 * handed to a worker.
 */
import type {
  FormDefinition,
  SchemaNode,
  FieldUi,
  Contact,
  Processing,
  Open311Mapping,
} from '../generated/form-definition.js';

import type { Language } from '../messages/locales.js';

export type { Language };

/** A schema node that is not a boolean subschema: the keywords of one node. */
export type SchemaObject = Exclude<SchemaNode, boolean>;

/** A text in every language the elements speak (see messages/locales.ts). */
export type LocalizedText = Record<Language, string>;

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'url'
  | 'date'
  /** A date typed in three boxes, day, month and year (GOV.UK's memorable-date pattern). */
  | 'memorable-date'
  | 'time'
  | 'datetime'
  | 'number'
  | 'integer'
  | 'checkbox'
  | 'consent'
  | 'radio'
  | 'select'
  | 'checkboxes'
  | 'fieldset'
  | 'group'
  | 'file';

export interface Choice {
  /** The value stored in the data (a `const` or an `enum` member). */
  value: string | number | boolean;
  label: LocalizedText;
  /** The branch's `description`, when the choice needs a word of explanation. */
  hint?: LocalizedText;
}

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  /** Media types a file field accepts (from `ui.accept`, else `contentMediaType`). */
  accept?: string[];
  /** Largest accepted file in bytes (from `ui.maxSize`). */
  maxSize?: number;
}

/**
 * One test a field's visibility or requiredness depends on, evaluated on the object holding the
 * field (the answers, a fieldset's value or a group item) as it will be sent.
 * - `if`: the `if` subschema at `conditionPointer` (a pointer in `definition.schema`) matches
 *   (`then`) or does not (`else`);
 * - `present`: the sibling answer `trigger` is sent (`dependentRequired`, `dependentSchemas`);
 *   `absent`: it is not (a `dependentSchemas` branch that forbids the field).
 */
export type Condition =
  | {
      kind: 'if';
      /** Pointer of the `if` subschema in `definition.schema`, e.g. "/allOf/0/if". */
      conditionPointer: string;
      branch: 'then' | 'else';
    }
  | {
      kind: 'present' | 'absent';
      /** The sibling property that is (or is not) sent. */
      trigger: string;
    };

/** The conditions of one branch, from the outermost: the branch applies when all of them hold. */
export type Branch = Condition[];

export interface Field {
  /** Property name in its parent object. */
  name: string;
  /**
   * Path of the field as in `ui.fields`: names joined by "/", array items left out
   * ("applicant/lastName", "children/firstName").
   */
  path: string;
  /** JSON pointer of the node that declares the field in `definition.schema` (where its shape is written). */
  schemaPointer: string;
  kind: FieldKind;
  label: LocalizedText;
  hint?: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  /** The citizen must answer it when shown: named in an unconditional `required` (and not `nullable`). */
  required: boolean;
  /**
   * The branches that require it (`required` inside `then`/`else`/`dependentSchemas`,
   * `dependentRequired`): it must be answered when ANY of them applies (never when `nullable`).
   */
  requiredWhen: Branch[];
  /**
   * The answer may be left empty (`type: [T, "null"]`, or `anyOf`/`oneOf` with a `{"type": "null"}`
   * branch): the citizen need not answer, even when the schema requires the property.
   */
  nullable?: true;
  /**
   * For a `nullable` field the schema requires: when an empty answer is sent as `null` (any of
   * these branches applies; `[[]]`: always).
   */
  nullWhen?: Branch[];
  readOnly: boolean;
  default?: unknown;
  autocomplete?: string;
  inputmode?: string;
  rows?: number;
  unit?: LocalizedText;
  constraints: Constraints;
  /**
   * The answers on offer, in order, for a `radio`, `select` or `checkboxes` field: from the
   * schema's `enum`, its `oneOf`/`anyOf` of `const`s with their titles, or its one `const` (a
   * literal; `const: true` is a consent box, with none). `null` is never one.
   */
  choices?: Choice[];
  /** For `fieldset` (object) and `group` (array of objects): the fields of one item. */
  fields?: Field[];
  /** For `group`: labels of the add button and of one item. */
  addLabel?: LocalizedText;
  itemLabel?: LocalizedText;
  /** For `file`: a list of files (an `array` of `contentMediaType` strings) rather than one. */
  multiple?: boolean;
  /** Custom messages from `ui.fields[path].messages`. */
  messages?: Partial<Record<string, LocalizedText>>;
  /**
   * When it is shown: when ANY of these branches applies; empty: always. A field that branches
   * require, allow or declare (and that is not required where no condition applies) is shown in
   * those, wherever its shape is written; one a branch forbids (`"properties": {"name": false}`)
   * is shown where the negation of that branch holds (`then` ↔ `else`, `present` ↔ `absent`).
   * See model/visibility.ts.
   */
  activeWhen: Branch[];
}

export interface Step {
  title: LocalizedText;
  description?: LocalizedText;
  /** Top-level field names on this step, in order. */
  fields: string[];
}

export interface ContactBlock {
  name?: LocalizedText;
  phone?: string;
  email?: string;
  address?: LocalizedText;
  openingHours?: LocalizedText;
  url?: string;
}

export interface FormModel {
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** The definition's own language (texts not in `translations` are in this one). */
  lang: Language;
  /** Top-level fields in schema order. */
  fields: Field[];
  /** Steps; a definition without `ui.steps` gets one step holding every field. */
  steps: Step[];
  submitLabel?: LocalizedText;
  contact?: ContactBlock;
  processing?: {
    expectedDays?: number;
    referencePrefix?: string;
    nextSteps?: LocalizedText;
    /** Where the citizen's address is among the answers, for the endpoint's mails. */
    notify?: { email: string };
  };
  open311?: Open311Mapping;
  /** The definition as given, for validators and the server. */
  definition: FormDefinition;
}

/** One problem in a definition. */
export interface DefinitionProblem {
  /** JSON pointer into the definition ("" for the whole document). */
  pointer: string;
  /** Stable machine code, e.g. "unsupported-keyword", "unknown-widget", "dangling-ref". */
  code: string;
  message: LocalizedText;
}

/** One problem in the answers, pointed at its field. */
export interface FieldError {
  /** JSON pointer into the data, e.g. "/children/0/birthDate". */
  pointer: string;
  /** The failing keyword: "required", "format", "pattern", "minimum", … */
  code: string;
  /** The message in the requested language, for a citizen. */
  message: string;
}

export type { FormDefinition, SchemaNode, FieldUi, Contact, Processing, Open311Mapping };
