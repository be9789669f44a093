import { html } from 'lit';
import type { FieldRenderer } from './registry.js';
import { isKind, rankWith } from './registry.js';
import { lazyChunkNow } from '../../shared/lazy-chunk.js';

/**
 * A date in three boxes (`widget: "memorable-date"`), a kind few forms have: its template comes
 * with the lazily loaded chunk, which read the definition, so it is there before any field is drawn.
 */
export const memorableDateRenderer: FieldRenderer = {
  name: 'memorable-date',
  tester: rankWith(1, isKind('memorable-date')),
  render: (field, pointer, context) => lazyChunkNow()?.renderDateBoxes(field, pointer, context) ?? html``,
};
