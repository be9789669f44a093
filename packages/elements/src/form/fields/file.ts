import { html, nothing } from 'lit';
import type { Field, Language } from '@guichet/core';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import { fieldId } from '../ids.js';
import { fill } from '../messages.js';
import { formatList, formatSize } from '../../shared/intl.js';
import { describedBy, fieldClass, help, hint, inlineError, labelText, ariaRequired } from './frame.js';

/** "JPEG, PNG" from ["image/jpeg", "image/png"]; "image/*" reads as "images". */
export function describeTypes(accept: readonly string[], lang: Language): string {
  const names = accept.map((type) => {
    if (type.endsWith('/*')) return `${type.slice(0, -2)}s`;
    const subtype = type.split('/')[1] ?? type;
    return subtype
      .replace(/^x-/, '')
      .replace(/^vnd\..*\./, '')
      .toUpperCase();
  });
  return formatList(names, lang, 'disjunction');
}

/** Whether a file's media type is one of `accept` (exact, or a family such as image/*). */
export function accepts(accept: readonly string[] | undefined, type: string): boolean {
  if (!accept || accept.length === 0) return true;
  return accept.some((wanted) => (wanted.endsWith('/*') ? type.startsWith(wanted.slice(0, -1)) : wanted === type));
}

/** The citizen's problem with a chosen file, checked before any upload, or undefined when it fits. */
export function checkFile(
  field: Field,
  file: File,
  lang: Language,
  text: { fileTooBig: string; fileWrongType: string },
): string | undefined {
  const { accept, maxSize } = field.constraints;
  if (!accepts(accept, file.type))
    return fill(text.fileWrongType, { name: file.name, types: describeTypes(accept ?? [], lang) });
  if (maxSize !== undefined && file.size > maxSize)
    return fill(text.fileTooBig, { name: file.name, size: formatSize(maxSize, lang) });
  return undefined;
}

export const fileRenderer: FieldRenderer = {
  name: 'file',
  tester: rankWith(1, isKind('file')),
  render(field, pointer, context) {
    const id = fieldId(pointer);
    const message = context.error(pointer);
    const file = context.file(pointer);
    const { accept, maxSize } = field.constraints;
    const rulesId = `${id}__rules`;
    const rules = [
      accept && accept.length > 0
        ? fill(context.text.fileAccepted, { types: describeTypes(accept, context.lang) })
        : '',
      maxSize !== undefined ? fill(context.text.fileMaxSize, { size: formatSize(maxSize, context.lang) }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<div class=${fieldClass('field field--file', message)} part="field">
      <label class="label" part="label" for=${id}>${labelText(field, pointer, context)}</label>
      ${hint(field, id, context)} ${rules ? html`<p class="hint" part="hint" id=${rulesId}>${rules}</p>` : nothing} ${help(field, context)}
      ${inlineError(id, message, context)}
      <input
        class="input input--file"
        part="input"
        type="file"
        id=${id}
        name=${pointer}
        accept=${accept && accept.length > 0 ? accept.join(',') : nothing}
        ?disabled=${field.readOnly}
        aria-describedby=${describedBy(field, id, message, context, rules ? [rulesId] : [])}
        aria-invalid=${message ? 'true' : nothing}
        aria-required=${ariaRequired(field, pointer, context)}
      />
      ${
        file
          ? // The spaces around the name are values: field templates lose the whitespace between tags.
            html`<div class="file" part="file">
            <p class="file__name">${`${context.text.fileChosen} `}<strong>${file.name}</strong>${` (${formatSize(file.size, context.lang)})`}</p>
            <button type="button" class="secondary" part="button" data-action="remove-file" data-pointer=${pointer}>
              ${fill(context.text.removeFile, { name: file.name })}
            </button>
          </div>`
          : nothing
      }
    </div>`;
  },
};
