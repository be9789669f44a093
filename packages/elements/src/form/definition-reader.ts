import type { DefinitionCheck } from '@guichet/core';
import { lazyChunkNow, loadLazyChunk, type LazyChunk } from '../shared/lazy-chunk.js';

/** What reads a definition: the lazily loaded core, and the meta-schema check when one is needed. */
export interface Reader {
  core: LazyChunk;
  check?: DefinitionCheck;
}

/** Compiled once per page, kept hot: later forms read their definition without waiting a task. */
let definitionCheck: DefinitionCheck | undefined;

/** The reader, if everything it needs has already arrived. */
export function readerNow(checked: boolean): Reader | undefined {
  const core = lazyChunkNow();
  if (!core || (checked && !definitionCheck)) return undefined;
  return { core, check: checked ? definitionCheck : undefined };
}

export async function loadReader(checked: boolean): Promise<Reader> {
  const core = await loadLazyChunk();
  if (!checked) return { core };
  definitionCheck ??= await core.loadDefinitionCheck();
  return { core, check: definitionCheck };
}
