/**
 * The chunks the elements load once they are at work, each one download for every form and
 * tracker of the page: the reader (../lazy.js: the model of a served definition, the date boxes),
 * which a form's first step waits for; the checks (../checks.js: the full definition reader, the
 * validators, the answers summary), which a served form fetches once its first step is painted;
 * and the work chunk (../work.js: the submission pipeline, the adapters, the tracker's status view
 * and reply), which nothing on screen waits for until the citizen sends or looks a request up;
 * the tracking chunk (../tracking.js: what a tracker does), which a tracker's first update
 * waits for; and the conditions (../conditions.js), which the first step of a form with conditions
 * waits for, beside its compiled rules.
 * Once a chunk is there, `now()` hands it over without waiting a task; a failed download is tried
 * again by the next caller rather than remembered.
 */
export type LazyChunk = typeof import('../lazy.js');
export type ChecksChunk = typeof import('../checks.js');
export type WorkChunk = typeof import('../work.js');
export type TrackingChunk = typeof import('../tracking.js');

interface Chunk<T> {
  now(): T | undefined;
  load(): Promise<T>;
}

function chunk<T>(download: () => Promise<T>): Chunk<T> {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    now: () => module,
    load() {
      loading ??= download().then((loaded) => (module = loaded));
      loading.catch(() => (loading = undefined));
      return loading;
    },
  };
}

const reader = chunk(() => import('../lazy.js'));
const checks = chunk(() => import('../checks.js'));
const work = chunk(() => import('../work.js'));
const tracking = chunk(() => import('../tracking.js'));
const conditions = chunk(() => import('../conditions.js'));

export const lazyChunkNow = reader.now;
export const loadLazyChunk = reader.load;
export const checksChunkNow = checks.now;
export const loadChecksChunk = checks.load;
export const workChunkNow = work.now;
export const loadWorkChunk = work.load;
export const trackingChunkNow = tracking.now;
export const loadTrackingChunk = tracking.load;
export const loadConditionsChunk = conditions.load;
