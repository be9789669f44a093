import { html, type TemplateResult } from 'lit';

/** Fields per chunk: a screenful or two on a phone, so a chunk on screen costs little to draw. */
export const fieldsPerChunk = 25;

/**
 * Steps of up to this many fields (two chunks) are drawn whole. Chrome's autofill reads every
 * control of a form soon after it joins the page, asking whether each can take focus, and that makes
 * the browser draw each waiting chunk on its own, one at a time (traced at 190 and 200 fields: one
 * task of 13–18 ms with a style and layout pass per chunk, against 5.5 ms once the step is drawn
 * whole; bench/README.md). A short step gains nothing from waiting chunks. A longer step keeps
 * them: its first screen appears sooner (200 fields drawn whole took 1.33× a plain Lit form's time
 * to every control and two frames; with waiting chunks, 1.08–1.21×), and the work autofill causes
 * comes after it, while the citizen reads.
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
