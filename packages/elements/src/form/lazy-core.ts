/**
 * The parts of the core a form needs only once it has a definition in hand: the definition
 * loader (meta-schema validator, model build, definition-problem messages) and the validator
 * (field messages). Imported with `import()` only, so the CDN bundle keeps them in a chunk of
 * their own instead of the first load.
 */
export { compileRuntimeValidators, createValidator, loadDefinition, loadStandaloneValidators, preloadRuntimeCompiler } from '@guichet/core';
