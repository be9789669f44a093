import type { ReactiveControllerHost } from 'lit';
import type { FormModel, Language } from '@guichet/core';
import { Announcer } from '../shared/announcer.js';
import { FocusController } from '../shared/focus-controller.js';
import { LanguageController } from '../shared/language-controller.js';
import { AnswersStore } from './answers-store.js';
import { DefinitionController } from './definition-controller.js';
import { DraftController } from './draft-controller.js';
import { ErrorState } from './error-state.js';
import { FieldParts } from './field-parts.js';
import type { FieldRegistry } from './fields/index.js';

/** The element the parts serve. */
export type FormHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/** What the form's controllers share: each is made once by the element (see guichet-form.ts). */
export interface FormParts {
  readonly definition: DefinitionController;
  readonly answers: AnswersStore;
  readonly errors: ErrorState;
  readonly fields: FieldParts;
  readonly drafts: DraftController;
  readonly focus: FocusController;
  readonly announcer: Announcer;
  /** The language the form speaks now. */
  lang(): Language;
}

export interface FormPartsOptions {
  /** The renderers fields are drawn with. */
  renderers: FieldRegistry;
  /** The definition is read: the form starts. */
  ready(model: FormModel): void;
  /** Whether the host keeps drafts (`draft="local"`). */
  draftsEnabled(): boolean;
  /** How many days a draft is kept (the host's `draft-days`). */
  draftDays(): number | undefined;
  /** The step the citizen is on, kept with the draft. */
  step(): number;
}

/** Makes a form's parts, each wired to the others, for `host`. */
export function createFormParts(host: FormHost, options: FormPartsOptions): FormParts {
  const language = new LanguageController(host);
  const lang = () => language.value;
  const answers = new AnswersStore();
  const errors = new ErrorState();
  const definition = new DefinitionController(host, {
    ready: options.ready,
    validatorArrived: () => fields.updateConditions(true),
    lang,
  });
  // The full validator once it is there; before, a form with conditions has what decides them.
  const conditions = () => definition.validator ?? definition.conditions;
  const fields = new FieldParts({ answers, errors, renderers: options.renderers, conditions });
  const drafts = new DraftController(host, {
    enabled: () => options.draftsEnabled() && !!definition.model,
    maxAgeDays: options.draftDays,
    key: () => definition.model && { formId: definition.model.id, version: definition.model.version },
    snapshot: () => ({ data: answers.forDraft(definition.model?.fields ?? []), step: options.step() }),
  });
  const focus = new FocusController(host);
  const announcer = new Announcer(host, '#guichet-live');
  return { definition, answers, errors, fields, drafts, focus, announcer, lang };
}
