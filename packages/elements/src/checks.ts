/**
 * The definition checks and the checking rules of answers, imported with `import()` only: the
 * full definition reader (the definition rules and their messages in every language), what makes
 * a validator of the compiled rules (with the messages of answers), and the answers summary that
 * only a checked form reaches. A form whose definition the endpoint served and checked paints its
 * first step without this chunk (see ./lazy.ts), and fetches it right after.
 */
export { createValidator, readDefinition } from '@guichet/core';
export { renderAnswersSummary } from './form/answers-summary.js';
