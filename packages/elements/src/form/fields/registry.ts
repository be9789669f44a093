import type { TemplateResult } from 'lit';
import type { Field } from '@guichet/core';
import type { FieldContext } from './context.js';

/**
 * A ranked registry of field renderers, in the manner of JSON Forms: each renderer exports a
 * tester beside itself; the highest rank wins, so a host can register a more specific renderer
 * (rank above the built-ins) without touching them.
 */
export type Tester = (field: Field) => number;

export interface FieldRenderer {
  /** A short name, for debugging and tests. */
  name: string;
  tester: Tester;
  render(field: Field, pointer: string, context: FieldContext): TemplateResult;
}

export const notApplicable = -1;

export function rankWith(rank: number, predicate: (field: Field) => boolean): Tester {
  return (field) => (predicate(field) ? rank : notApplicable);
}

export function isKind(...kinds: Field['kind'][]): (field: Field) => boolean {
  return (field) => kinds.includes(field.kind);
}

export class FieldRegistry {
  private readonly renderers: FieldRenderer[] = [];
  private picked = new WeakMap<Field, FieldRenderer | null>();

  /** Adds renderers; every field picks its renderer again the next time it is drawn. */
  register(...renderers: FieldRenderer[]): this {
    this.renderers.push(...renderers);
    this.picked = new WeakMap();
    return this;
  }

  /**
   * Removes renderers registered before (a custom widget a page no longer wants); the fields they
   * drew pick again, among the renderers left, the next time they are drawn.
   */
  unregister(...renderers: FieldRenderer[]): this {
    for (const renderer of renderers) {
      const index = this.renderers.indexOf(renderer);
      if (index >= 0) this.renderers.splice(index, 1);
    }
    this.picked = new WeakMap();
    return this;
  }

  /** The best renderer for a field, or undefined when none applies. Picked once per field. */
  pick(field: Field): FieldRenderer | undefined {
    let renderer = this.picked.get(field);
    if (renderer === undefined) {
      let best = notApplicable;
      renderer = null;
      for (const candidate of this.renderers) {
        const rank = candidate.tester(field);
        if (rank > best) {
          best = rank;
          renderer = candidate;
        }
      }
      this.picked.set(field, renderer);
    }
    return renderer ?? undefined;
  }
}
