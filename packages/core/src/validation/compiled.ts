/** The two ways to get a form's validators: compiled in the page, or precompiled (strict CSP). */
import type { FormModel } from '../model/types.js';
import type { DefinitionCheck } from '../model/read-definition.js';

export interface CompiledValidators {
  /** An ajv validate function: returns the verdict and sets `.errors`. */
  validate: ((data: unknown) => boolean) & { errors?: unknown[] | null };
  /** One test per `if` subschema, keyed by its pointer in `definition.schema` (e.g. "/allOf/0/if"). */
  conditions: Record<string, (data: unknown) => boolean>;
}

/** Compiling costs tens of milliseconds: two elements showing one form share the result. */
const compiledByDefinition = new WeakMap<object, Promise<CompiledValidators>>();

/** Compiles with ajv in the page; ajv loads lazily, in its own chunk. */
export function compileRuntimeValidators(model: FormModel): Promise<CompiledValidators> {
  let compiled = compiledByDefinition.get(model.definition);
  if (!compiled) {
    compiled = import('./page-compiler.js').then(({ compileRuntime }) => compileRuntime(model.definition));
    compiledByDefinition.set(model.definition, compiled);
    compiled.catch(() => compiledByDefinition.delete(model.definition));
  }
  return compiled;
}

/** The meta-schema check compiled in the page (ajv loads lazily, beside the runtime compiler). */
export function loadDefinitionCheck(): Promise<DefinitionCheck> {
  return import('./page-compiler.js').then(({ definitionCheck }) => definitionCheck());
}

/** Downloads ajv ahead of need (without compiling anything), so the first compile does not wait for it. */
export function preloadRuntimeCompiler(): Promise<unknown> {
  return import('./page-compiler.js');
}

/** Validator modules whose download failed, by URL: how many times. */
const failedDownloads = new Map<string, number>();

/**
 * Loads a module produced by `compileStandalone` (e.g. served by the endpoint), without eval.
 * With `origin` (the definition's), a module from any other origin is refused: it is code the
 * page would run on the word of a response header. After a failed download, the next call asks
 * for the same URL with `retry=N` added: most browsers keep a failed module download for the
 * page's life.
 */
export async function loadStandaloneValidators(
  url: string,
  options: { origin?: string } = {},
): Promise<CompiledValidators> {
  const address = new URL(url, globalThis.location?.href);
  if (options.origin !== undefined && address.origin !== options.origin)
    throw new Error(`${url} is not on the definition's origin (${options.origin}): not loaded`);
  const key = address.href;
  const failed = failedDownloads.get(key) ?? 0;
  if (failed) address.searchParams.set('retry', String(failed));
  const module = (await import(/* @vite-ignore */ failed ? address.href : url).catch((error: unknown) => {
    failedDownloads.set(key, failed + 1);
    throw error;
  })) as Partial<CompiledValidators>;
  if (typeof module.validate !== 'function')
    throw new Error(`${url} is not a Guichet validator module (no validate export)`);
  return { validate: module.validate, conditions: module.conditions ?? {} };
}
