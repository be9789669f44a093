import type { ReactiveControllerHost, TemplateResult, nothing } from 'lit';
import type { Answers } from './answers.js';
import type { FormParts } from './form-parts.js';
import type { StepsController } from './steps-controller.js';
import { formText } from './messages.js';
import { renderClearAction, renderDraftOffer } from './notices.js';

export interface StartOverOptions extends FormParts {
  steps: StepsController;
  /** The answers the page gave to start with (the element's `data`). */
  prefill(): Answers | undefined;
}

/**
 * Picking up or throwing away: the draft found on arrival ("Reprendre" / "Recommencer"), and
 * "Effacer mes réponses", confirmed in the page (a `window.confirm` cannot be styled, translated or tested).
 */
export class StartOver {
  /** "Effacer mes réponses" waits for its confirmation. */
  confirming = false;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: StartOverOptions,
  ) {}

  /** A new form, or one cleared: the page's answers, no error, no question pending, the first step. */
  begin(): void {
    const { answers, errors, steps, fields, definition } = this.options;
    answers.replace(definition.model?.fields ?? [], this.options.prefill());
    answers.forgetFiles();
    errors.clear();
    this.confirming = false;
    steps.reset();
    fields.redrawAll();
  }

  renderOffer(): TemplateResult | typeof nothing {
    const lang = this.options.lang();
    const { offer } = this.options.drafts;
    return renderDraftOffer({ offer, lang, text: formText(lang), onResume: this.resume, onRestart: this.restart });
  }

  renderClear(): TemplateResult {
    const text = formText(this.options.lang());
    return renderClearAction({
      confirming: this.confirming,
      text,
      onAsk: this.ask,
      onConfirm: this.clear,
      onCancel: this.cancel,
    });
  }

  /** Where a fresh start lands: the form's title, or the step's when the page hides the title. */
  private readonly top = (): HTMLElement | null => {
    const root = this.host.renderRoot;
    const title = root.querySelector<HTMLElement>('#guichet-title');
    return (
      (title?.classList.contains('visually-hidden') && root.querySelector<HTMLElement>('#guichet-step-title')) || title
    );
  };

  private readonly resume = (): void => {
    const offer = this.options.drafts.take();
    const model = this.options.definition.model;
    if (!offer || !model) return;
    this.options.answers.replace(model.fields, offer.data);
    this.options.steps.goTo(Math.min(offer.step, model.steps.length));
  };

  private readonly restart = (): void => {
    this.options.drafts.forget();
    this.options.focus.afterRender(this.top);
  };

  private readonly ask = (): void => {
    this.confirming = true;
    this.host.requestUpdate();
    this.options.focus.afterRender('#guichet-clear-question');
  };

  private readonly cancel = (): void => {
    this.confirming = false;
    this.host.requestUpdate();
    this.options.focus.afterRender('#guichet-clear');
  };

  private readonly clear = (): void => {
    const { drafts, focus, announcer } = this.options;
    drafts.forget();
    this.begin();
    focus.afterRender(this.top, {
      then: () => announcer.announce(formText(this.options.lang()).answersCleared),
    });
  };
}
