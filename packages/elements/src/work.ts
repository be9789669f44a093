/**
 * What the elements need once the citizen acts, imported with `import()` only: the submission
 * pipeline and its outbox, the adapters, the tracker's status view, the authority's contact and
 * the reply form. A form downloads it once its first step is painted, so the code that sends is on
 * the device before Send even if the connection drops then; a tracker, at its first look-up.
 * What it shares with the reader rollup puts in a chunk of its own, which the snippet preloads
 * beside the reader (scripts/lib/cdn-files.mjs).
 */

export { createAdapter } from '@guichet/core';
export { SubmissionController } from './submission/submission-controller.js';
export { renderStatusView } from './tracker/request-status-view.js';
export { loadFormContact } from './tracker/form-contact.js';
export { TrackerReply } from './tracker/reply/tracker-reply.js';
