import { html, type TemplateResult } from 'lit';

/** Fields per chunk: a screenful or two on a phone, so a chunk on screen costs little to draw. */
export const fieldsPerChunk = 25;

/**
 * Steps of up to this many fields (two chunks) are drawn whole. Chrome's autofill reads every
 * control of the forms it fills just after the first frame, asking whether each can take focus,
 * which makes the browser draw each waiting chunk on its own, one at a time: for a short step that
 * costs more than drawing it at once (50 fields: 1.2× instead of 1.3× the main-thread time of a
 * plain Lit form, bench/README.md). A longer step still lets its chunks wait: its first screen
 * appears sooner (200 fields drawn whole: 1.33× the plain form's time to the first frame instead
 * of 1.08×), and the work autofill causes comes after it, while the citizen reads.
 */
export const drawnWhole = 50;

/**
 * Lays a step's fields out in chunks of `fieldsPerChunk`. In a long step (over `drawnWhole`
 * fields) the browser draws a chunk only when it comes near the screen (`content-visibility:
 * auto`, see `.fields__chunk--waits` in the styles): a step of hundreds of fields then costs the
 * style and layout of the first screens only, on a cheap phone as on a desktop. The fields stay in
 * the DOM, in the tab order, in find-in-page and in the accessibility tree; only their rendering
 * waits.
 *
 * Chunks rather than one box per field: a script that asks where a field is (autofill does, for
 * every control of a form it reads) makes the browser lay out the box around it, so one box per
 * field would mean one forced layout per field.
 */
export function inChunks<T>(items: readonly T[], render: (item: T) => unknown): TemplateResult[] {
  const waits = items.length > drawnWhole;
  const chunks: TemplateResult[] = [];
  for (let start = 0; start < items.length; start += fieldsPerChunk) {
    const fields = items.slice(start, start + fieldsPerChunk).map(render);
    chunks.push(
      waits
        ? html`<div class="fields__chunk fields__chunk--waits">${fields}</div>`
        : html`<div class="fields__chunk">${fields}</div>`,
    );
  }
  return chunks;
}
