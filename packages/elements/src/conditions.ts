/**
 * What decides which fields are shown and required, imported with `import()` only: a form with
 * conditions draws its first step with it and its compiled rules (see
 * form/definition-controller.ts), both asked for as soon as a served definition arrives; the
 * checks chunk, which builds the full validator on it, follows the painted step.
 */
export { readConditions } from '@guichet/core';
