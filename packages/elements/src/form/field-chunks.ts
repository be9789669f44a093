import { html, type TemplateResult } from 'lit';

/** Fields per chunk: a screenful or two on a phone, so a chunk on screen costs little to draw. */
export const fieldsPerChunk = 25;

/**
 * Lays a step's fields out in chunks of `fieldsPerChunk` that the browser draws only when they
 * come near the screen (`content-visibility: auto`, see `.fields__chunk` in the styles): a step of
 * hundreds of fields then costs the style and layout of the first screens only, on a cheap phone
 * as on a desktop. The fields stay in the DOM, in the tab order, in find-in-page and in the
 * accessibility tree; only their rendering waits.
 *
 * Chunks rather than one box per field: a script that asks where a field is (autofill does, for
 * every control of a form it reads) makes the browser lay out the box around it, so one box per
 * field would mean one forced layout per field.
 */
export function inChunks<T>(items: readonly T[], render: (item: T) => unknown): TemplateResult[] {
  const chunks: TemplateResult[] = [];
  for (let start = 0; start < items.length; start += fieldsPerChunk) {
    chunks.push(html`<div class="fields__chunk">${items.slice(start, start + fieldsPerChunk).map(render)}</div>`);
  }
  return chunks;
}
