import { nothing } from 'lit';
import { localize, type Field, type FieldConditions, type Language, type LocalizedText } from '@guichet/core';
import { sharedText } from '../shared/messages.js';
import { formText } from './messages.js';
import { getAt, parentPointer } from './answers.js';
import { fieldPart, type FieldHost, type FieldPart } from './field-part.js';
import type { FieldContext, FieldRegistry } from './fields/index.js';
import type { AnswersStore } from './answers-store.js';
import type { ErrorState } from './error-state.js';

export interface FieldPartsOptions {
  answers: AnswersStore;
  errors: ErrorState;
  /** The renderers fields are drawn with. */
  renderers: FieldRegistry;
  /** What decides which fields are shown and required, once it arrived (see definition-controller.ts). */
  conditions(): FieldConditions | undefined;
}

/**
 * The form's fields as parts of their own (see field-part.ts): which version of each is on
 * screen, which depend on other answers, and what renderers read (`context`). A field is drawn
 * again alone when its answer, its message or a condition it depends on changes; `redrawAll`
 * draws every field again at the next render.
 */
export class FieldParts implements FieldHost {
  /** Bumped when every field must be drawn again. */
  epoch = 0;
  private readonly versions = new Map<string, number>();
  private readonly parts = new Map<string, FieldPart>();
  /** Parts whose field depends on other answers, with what they showed last ("active/required"). */
  private readonly conditional = new Map<string, { field: Field; drawn: string }>();

  /** What field renderers read. */
  readonly context: FieldContext;

  constructor(private readonly options: FieldPartsOptions) {
    const { answers, errors } = options;
    this.context = {
      lang: 'fr',
      text: formText('fr'),
      shared: sharedText('fr'),
      value: (pointer) => answers.value(pointer),
      typed: (pointer) => answers.typed(pointer),
      error: (pointer) => errors.message(pointer),
      isRequired: (field, pointer) => this.isRequired(field, pointer),
      renderChild: (field, pointer) => fieldPart(this, field, pointer),
      file: (pointer) => answers.file(pointer),
      t: (text: LocalizedText | undefined) => localize(text, this.context.lang),
    };
  }

  /** Fields speak `lang` from the next render on. */
  setLanguage(lang: Language): void {
    this.context.lang = lang;
    this.context.text = formText(lang);
    this.context.shared = sharedText(lang);
    this.redrawAll();
  }

  redrawAll(): void {
    this.epoch++;
  }

  /** Draws one field again now. */
  refresh(pointer: string): void {
    this.versions.set(pointer, this.fieldVersion(pointer) + 1);
    this.parts.get(pointer)?.refresh();
  }

  /** The fields inside `pointer` are drawn again with it (items moved: their pointers name other answers). */
  redrawInside(pointer: string): void {
    for (const key of this.parts.keys())
      if (key.startsWith(`${pointer}/`)) this.versions.set(key, this.fieldVersion(key) + 1);
  }

  /** A field for `pointer`, drawn through its own part. */
  render(field: Field, pointer: string): unknown {
    return fieldPart(this, field, pointer);
  }

  isActive(field: Field, pointer: string): boolean {
    if (field.activeWhen.length === 0) return true;
    const conditions = this.options.conditions();
    // Without its compiled rules a condition cannot be evaluated; such forms wait for them (see definition-controller.ts).
    if (!conditions) return true;
    return conditions.isActive(field, getAt(this.options.answers.data, parentPointer(pointer)));
  }

  isRequired(field: Field, pointer: string): boolean {
    if (!field.required && field.requiredWhen.length === 0) return false;
    const conditions = this.options.conditions();
    // Without them, a field required by a condition waits for them like a conditional one.
    if (!conditions) return field.required;
    return conditions.isRequired(field, getAt(this.options.answers.data, parentPointer(pointer)));
  }

  /** Whether any field on screen depends on other answers. */
  get hasConditions(): boolean {
    return this.conditional.size > 0;
  }

  /** Draws again the fields whose visibility or requiredness changed with the last answer (`all`: every such field). */
  updateConditions(all = false): void {
    for (const [pointer, entry] of this.conditional) {
      const now = this.conditionState(entry.field, pointer);
      if (all || now !== entry.drawn) {
        if (now.startsWith('false')) this.options.errors.forgetUnder(pointer);
        this.refresh(pointer);
      }
    }
  }

  private conditionState(field: Field, pointer: string): string {
    return `${this.isActive(field, pointer)}/${this.isRequired(field, pointer)}`;
  }

  // ── FieldHost ──────────────────────────────────────────────────────────────────────────────

  fieldVersion(pointer: string): number {
    return this.versions.get(pointer) ?? 0;
  }

  registerFieldPart(pointer: string, part: FieldPart): void {
    this.parts.set(pointer, part);
  }

  unregisterFieldPart(pointer: string, part: FieldPart): void {
    if (this.parts.get(pointer) === part) {
      this.parts.delete(pointer);
      this.conditional.delete(pointer);
    }
  }

  renderFieldNow(field: Field, pointer: string): unknown {
    if (field.activeWhen.length > 0 || field.requiredWhen.length > 0) {
      this.conditional.set(pointer, { field, drawn: this.conditionState(field, pointer) });
    }
    if (!this.isActive(field, pointer)) return nothing;
    const renderer = this.options.renderers.pick(field);
    return renderer ? renderer.render(field, pointer, this.context) : nothing;
  }
}
