import type { DefinitionCheck, LoadResult } from '@guichet/core';
import {
  checksChunkNow,
  lazyChunkNow,
  loadChecksChunk,
  loadLazyChunk,
  type ChecksChunk,
  type LazyChunk,
} from '../shared/lazy-chunk.js';

/**
 * What reads a definition: the first step's chunk and, for a definition checked in the page, the
 * checks chunk with the meta-schema check. A definition the endpoint served and checked needs the
 * first only (see ../lazy.ts).
 */
export interface Reader {
  core: LazyChunk;
  checks?: { chunk: ChecksChunk; check: DefinitionCheck };
}

/** Compiled once per page, kept hot: later forms read their definition without waiting a task. */
let definitionCheck: DefinitionCheck | undefined;

/** The reader, if everything it needs has already arrived. */
export function readerNow(checked: boolean): Reader | undefined {
  const core = lazyChunkNow();
  if (!core) return undefined;
  if (!checked) return { core };
  const chunk = checksChunkNow();
  return chunk && definitionCheck ? { core, checks: { chunk, check: definitionCheck } } : undefined;
}

export async function loadReader(checked: boolean): Promise<Reader> {
  if (!checked) return { core: await loadLazyChunk() };
  const [core, chunk] = await Promise.all([loadLazyChunk(), loadChecksChunk()]);
  definitionCheck ??= await core.loadDefinitionCheck();
  return { core, checks: { chunk, check: definitionCheck } };
}

/**
 * Reads a definition: checked in full with `checks`, else as the endpoint served it. A served
 * definition whose model cannot be built is read by the full reader after all, which says why
 * (the rules need a model, so they would add nothing).
 */
export function readWith(reader: Reader, input: unknown): LoadResult | Promise<LoadResult> {
  if (reader.checks) return reader.checks.chunk.readDefinition(input, reader.checks.check);
  const model = reader.core.readServedDefinition(input);
  if (model) return { ok: true, model };
  return loadChecksChunk().then((chunk) => chunk.readDefinition(input));
}
