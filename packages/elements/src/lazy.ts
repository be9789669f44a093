/**
 * What a form's first step waits for, imported with `import()` only so the CDN bundle loads it as
 * one chunk beside the definition (the snippet preloads it): the model of a definition the
 * endpoint served and checked, the three boxes of a memorable date, a service definition read
 * from an Open311 server, and what fetches or compiles a validator (small: the validator itself is
 * a download of its own, or ajv's chunk). What the first step does not need is in chunks of its
 * own: the full definition reader and the validator's rules and messages (./checks.ts, fetched
 * once the step is on screen, or beside the validator when the form has conditions) and what
 * comes later still (./work.ts: sending, tracking).
 */
export {
  compileRuntimeValidators,
  loadDefinitionCheck,
  loadStandaloneValidators,
  preloadRuntimeCompiler,
  readServedDefinition,
} from '@guichet/core';
export { readDateBoxes, renderDateBoxes } from './form/fields/date-boxes.js';
export { fetchServiceDefinition } from './form/service-source.js';
