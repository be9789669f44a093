/**
 * What the tracker needs once a look-up is under way: the endpoint client (adapter registry, the
 * guichet and Open311 adapters, HTTP) and the status view with its timeline. Imported with
 * `import()` only, so the CDN bundle loads it when a request is about to leave, not on first load.
 */
export { createAdapter } from '@guichet/core';
export { renderStatusView } from './status-view.js';
