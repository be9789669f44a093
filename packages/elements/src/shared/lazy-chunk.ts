/**
 * The chunk the elements load once they are at work (../lazy.js): one download for every form
 * and tracker of the page. Once it is there, `lazyChunkNow()` hands it over without waiting a
 * task; a failed download is tried again by the next caller rather than remembered.
 */
export type LazyChunk = typeof import('../lazy.js');

let chunk: LazyChunk | undefined;
let loading: Promise<LazyChunk> | undefined;

export function lazyChunkNow(): LazyChunk | undefined {
  return chunk;
}

export function loadLazyChunk(): Promise<LazyChunk> {
  loading ??= import('../lazy.js').then((module) => (chunk = module));
  loading.catch(() => (loading = undefined));
  return loading;
}
