import { html, type TemplateResult } from 'lit';

/** Fields per chunk: a screenful or two on a phone, so a chunk on screen costs little to draw. */
export const fieldsPerChunk = 25;

/**
 * Steps of up to this many fields (one chunk) are drawn whole: they have nothing to wait for.
 *
 * Until 2026-12-07 steps of up to 50 fields (two chunks) were drawn whole: just after the first
 * frame, Chrome's autofill read every control of the form again, asking whether each could take
 * focus, which made the browser draw each waiting chunk on its own (traced at 190 and 200 fields:
 * one task of 13–18 ms with a style and layout pass per chunk, against 5.5 ms for a step drawn
 * whole). That read answered the selection changes of choice lists built in the page's document,
 * which fields built in a windowless document no longer make (../shared/detached.ts); the read
 * autofill makes of every new form comes later, while the citizen reads. A step of 50 fields with
 * a waiting chunk then took 0.84–1.00× a plain Lit form's main-thread time to appear, against
 * 1.18–1.25× drawn whole (quick runs of bench/run.mjs's first render, interleaved).
 */
export const drawnWhole = fieldsPerChunk;

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
