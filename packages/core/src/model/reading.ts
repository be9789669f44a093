/**
 * What reading a definition learns besides its model: each object level with everything it says
 * of its properties, and each field with the schema node it was built from. The definition rules
 * (rules/) check these; the model itself stays plain data.
 */
import type { FieldUi, FormDefinition } from '../generated/form-definition.js';
import type { Field, FormModel, SchemaObject } from './types.js';
import type { Declaration, Level, Resolved } from './schema-walk.js';
import type { NameMentions } from './visibility.js';
import type { KindResult, RawChoice } from './kind.js';

export interface LevelReading {
  /** Pointer of the object's node in the data schema ("" for the root). */
  pointer: string;
  level: Level;
  mentions: Map<string, NameMentions>;
  /** The level's fields. */
  fields: Field[];
}

export interface FieldReading {
  field: Field;
  /** The declaration the field's shape comes from. */
  declaration: Declaration;
  /** Its node, `$ref` resolved and "may be null" unwrapped. */
  resolved: Resolved;
  ui?: FieldUi;
  kind: KindResult;
  /** Its choices as written (before those of the wrong type are left out of the model). */
  choices?: RawChoice[];
  /** The type its choices must have. */
  choiceType?: string;
}

export interface DefinitionReading {
  definition: FormDefinition;
  /** `definition.schema`. */
  root: SchemaObject;
  model: FormModel;
  levels: LevelReading[];
  fields: FieldReading[];
}
