import { FieldRegistry } from './registry.js';
import { textRenderer } from './text.js';
import { textareaRenderer } from './textarea.js';
import { checkboxesRenderer, radioRenderer, selectRenderer } from './choice.js';
import { checkboxRenderer } from './boolean.js';
import { fieldsetRenderer } from './fieldset.js';
import { groupRenderer } from './group.js';
import { fileRenderer } from './file.js';
import { memorableDateRenderer } from './memorable-date.js';

/** The built-in renderers, one per field kind family, each at rank 1. */
export function defaultRegistry(): FieldRegistry {
  return new FieldRegistry().register(
    textRenderer,
    textareaRenderer,
    radioRenderer,
    selectRenderer,
    checkboxesRenderer,
    checkboxRenderer,
    fieldsetRenderer,
    groupRenderer,
    fileRenderer,
    memorableDateRenderer,
  );
}

export { FieldRegistry, rankWith, isKind, notApplicable } from './registry.js';
export type { FieldRenderer, Tester } from './registry.js';
export type { FieldContext } from './context.js';
