/**
 * What decides which fields are shown and required, imported with `import()` only: a form with
 * conditions draws its first step with it and its compiled rules (see
 * form/definition-controller.ts), both fetched side by side once the definition is read; the
 * checks chunk, which builds the full validator on it, follows.
 */
export { readConditions } from '@guichet/core';
