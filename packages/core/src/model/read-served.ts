/**
 * The model of a definition a Guichet endpoint served with its precompiled validator: the
 * endpoint checked it against the meta-schema and every definition rule before serving it, so
 * the page only builds the model. Apart from read-definition.ts on purpose: this is what a form's
 * first step waits for on a slow network, and it needs neither the rules nor their messages in
 * every language (most of read-definition.ts's weight).
 *
 * Undefined when the model cannot be built (an endpoint of another version, a proxy that
 * mangled the body): the caller then reads the definition in full, which says what is wrong.
 */
import type { FormDefinition } from '../generated/form-definition.js';
import type { FormModel } from './types.js';
import { buildModel } from './build-model.js';
import { isRecord } from '../util/pointer.js';

export function readServedDefinition(input: unknown): FormModel | undefined {
  try {
    const parsed: unknown = typeof input === 'string' ? JSON.parse(input) : input;
    if (!isRecord(parsed) || !isRecord(parsed.schema)) return undefined;
    return buildModel(parsed as unknown as FormDefinition).model;
  } catch {
    return undefined;
  }
}
