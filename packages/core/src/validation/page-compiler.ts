/**
 * What compiles validators in the page with ajv (`new Function`: not under a strict CSP), loaded
 * with `import()` only and as one chunk: the runtime compiler of a form's data validator and the
 * definition meta-schema check.
 */
export { compileRuntime } from './runtime-compiler.js';
export { definitionCheck } from './definition-check.js';
