/**
 * The smallest element that holds a form's parts the way <guichet-form> does (createFormParts,
 * the steps, the citizen's input, starting over) and draws only the current step's fields: each
 * controller is tested through its own methods and what it draws, without the whole element.
 */
import { LitElement, html } from 'lit';
import { fixture, waitUntil } from '@open-wc/testing';
import type { FormModel } from '@guichet/core';
import { createFormParts, type FormParts } from '../../packages/elements/src/form/form-parts.js';
import { StepsController } from '../../packages/elements/src/form/steps-controller.js';
import { AnswerInput } from '../../packages/elements/src/form/answer-input.js';
import { StartOver } from '../../packages/elements/src/form/start-over.js';
import { defaultRegistry } from '../../packages/elements/src/form/fields/index.js';
import { formStyles } from '../../packages/elements/src/form/guichet-form.styles.js';

export class TestFormPartsHost extends LitElement {
  static override styles = formStyles;
  draft = 'local';
  readonly started: FormModel[] = [];
  readonly parts: FormParts = createFormParts(this, {
    renderers: defaultRegistry(),
    ready: (model) => {
      this.started.push(model);
      this.startOver.begin();
    },
    draftsEnabled: () => this.draft === 'local',
    draftDays: () => undefined,
    step: () => this.steps.index,
  });
  readonly steps = new StepsController(this, this.parts);
  readonly input = new AnswerInput(this, this.parts);
  readonly startOver = new StartOver(this, { ...this.parts, steps: this.steps, prefill: () => undefined });

  override render() {
    const { definition, fields } = this.parts;
    const stepFields = definition.model ? (definition.index?.stepFields(this.steps.index) ?? []) : [];
    return html`<h2 id="guichet-title" tabindex="-1">Essai</h2>
      ${definition.model ? this.startOver.renderOffer() : ''}
      <h3 id="guichet-step-title" tabindex="-1">Étape</h3>
      <div id="guichet-error-summary" tabindex="-1"></div>
      <form novalidate @input=${this.input.onInput} @change=${this.input.onChange} @focusout=${this.input.onFocusOut}>
        ${stepFields.map((field) => fields.render(field, `/${field.name}`))}
      </form>
      ${definition.model ? this.startOver.renderClear() : ''}
      <div id="guichet-live" aria-live="polite"></div>`;
  }
}

if (!customElements.get('test-form-parts-host')) customElements.define('test-form-parts-host', TestFormPartsHost);

/** Two steps: a required name, then an optional comment. */
export const twoSteps = {
  id: 'essai-etapes',
  version: '1.0.0',
  title: 'Essai',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Nom', minLength: 1 },
      comment: { type: 'string', title: 'Commentaire' },
    },
    required: ['name'],
  },
  ui: {
    steps: [
      { title: 'Vous', fields: ['name'] },
      { title: 'Votre message', fields: ['comment'] },
    ],
  },
};

/** One step: a name, how to be reached (the phone asked only when chosen), and children to list. */
export const oneStepWithConditions = {
  id: 'essai-conditions',
  version: '1.0.0',
  title: 'Essai',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', title: 'Nom', minLength: 2 },
      reachBy: { type: 'string', title: 'Comment vous joindre', enum: ['email', 'phone'] },
      phone: { type: 'string', title: 'Téléphone' },
      children: {
        type: 'array',
        title: 'Enfants',
        items: { type: 'object', title: 'Enfant', properties: { firstName: { type: 'string', title: 'Prénom' } } },
      },
    },
    required: ['name'],
    if: { properties: { reachBy: { const: 'phone' } }, required: ['reachBy'] },
    then: { required: ['phone'] },
    else: { properties: { phone: false } },
  },
};

/** A host with `oneStepWithConditions` drawn, drafts off. */
export async function mountWithConditions(): Promise<TestFormPartsHost> {
  const el = await fixture<TestFormPartsHost>(html`<test-form-parts-host lang="fr"></test-form-parts-host>`);
  el.draft = 'none';
  await el.parts.definition.load(structuredClone(oneStepWithConditions), undefined);
  await waitUntil(() => el.shadowRoot!.querySelector('#guichet-name'), 'the fields are drawn');
  return el;
}
