/**
 * What a form's first step waits for, imported with `import()` only so the CDN bundle loads it as
 * one chunk beside the definition (the snippet preloads it): the model of a definition the
 * endpoint served and checked, the three boxes of a memorable date, a service definition read
 * from an Open311 server. What the first step does not need is in chunks of its own: the
 * definition checks, the validator and its messages (./checks.ts, fetched once the step is on
 * screen, or first when a definition must be checked in the page) and what comes later still
 * (./work.ts: sending, tracking).
 */
export { readServedDefinition } from '@guichet/core';
export { readDateBoxes, renderDateBoxes } from './form/fields/date-boxes.js';
export { fetchServiceDefinition } from './form/service-source.js';
