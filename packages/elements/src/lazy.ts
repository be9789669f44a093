/**
 * Everything the elements need only once they are at work, imported with `import()` only, so the
 * CDN bundle loads it as one chunk after the first render: the definition reader, the validator
 * and its messages, the answers summary, the submission pipeline and its outbox, the adapters,
 * the status view.
 *
 * One chunk rather than one per use: fewer round trips on a slow network, one gzip dictionary,
 * and the submission code is on the device before the citizen reaches Send, even if the
 * connection drops then.
 */
export {
  compileRuntimeValidators,
  createAdapter,
  createValidator,
  loadDefinitionCheck,
  loadStandaloneValidators,
  preloadRuntimeCompiler,
  readDefinition,
} from '@guichet/core';
export { SubmissionController } from './submission/submission-controller.js';
export { renderAnswersSummary } from './form/answers-summary.js';
export { readDateBoxes, renderDateBoxes } from './form/fields/date-boxes.js';
export { renderStatusView } from './tracker/request-status-view.js';
export { loadFormContact } from './tracker/form-contact.js';
export { fetchServiceDefinition } from './form/service-source.js';
export { TrackerReply } from './tracker/reply/tracker-reply.js';
