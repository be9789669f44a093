/**
 * What a form's first step waits for, imported with `import()` only so the CDN bundle loads it as
 * one chunk beside the definition (the snippet preloads it): the definition reader, the validator
 * and its messages, the answers summary, the three boxes of a memorable date. What the citizen
 * needs only later (sending, tracking) is in ./work.ts, downloaded once the first step is on
 * screen: its bytes no longer compete with the first question's on a slow network.
 */
export {
  compileRuntimeValidators,
  createValidator,
  loadDefinitionCheck,
  loadStandaloneValidators,
  preloadRuntimeCompiler,
  readDefinition,
} from '@guichet/core';
export { renderAnswersSummary } from './form/answers-summary.js';
export { readDateBoxes, renderDateBoxes } from './form/fields/date-boxes.js';
export { fetchServiceDefinition } from './form/service-source.js';
