import type { ReactiveControllerHost } from 'lit';
import type { FieldError, FormValidator } from '@guichet/core';
import { GuichetErrorEvent } from '../events.js';
import { focusFirstControl } from '../shared/focus-controller.js';
import { parentPointer } from './answers.js';
import type { FormParts } from './form-parts.js';
import { errorSummaryId, fieldId } from './ids.js';
import { formText, plural } from './messages.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/**
 * Which step the citizen is on — one at a time, then the answers summary ("Vérifiez vos
 * réponses", index `count`) — and the rounds of errors that keep them on a step: Continue checks
 * the step's answers, and a failed check shows the error summary, which takes focus. From the
 * summary, changing an answer leads back to the summary.
 */
export class StepsController {
  /** The step shown; the number of steps is the summary. */
  index = 0;
  /** Set when the citizen left the summary to change an answer: Continue leads back there. */
  returnToSummary = false;
  /**
   * How many checks in a row could not be made, the checking rules not downloading (the form says
   * so above its buttons, afresh each time, and the next Continue or Send tries again); 0 once one is.
   */
  uncheckable = 0;

  constructor(
    private readonly host: Host,
    private readonly parts: FormParts,
  ) {}

  private get count(): number {
    return this.parts.definition.model?.steps.length ?? 0;
  }

  get onSummary(): boolean {
    return this.index >= this.count;
  }

  /** Back to the first step. */
  reset(): void {
    this.index = 0;
    this.returnToSummary = false;
    this.host.requestUpdate();
  }

  /**
   * Moves to a step: drawn afresh, kept in the draft, its heading focused. What was about to be
   * said of the old step (a character count waiting for a pause) is dropped: on the new step it
   * would describe a field no longer there.
   */
  goTo(index: number): void {
    this.parts.announcer.clear();
    this.index = index;
    this.parts.fields.redrawAll();
    this.parts.drafts.schedule();
    this.parts.focus.afterRender('#guichet-step-title');
  }

  /** Set while steps are entries of the browser's history (see step-page.ts): Back goes through it. */
  backInHistory?: () => boolean;

  back(): void {
    if (this.backInHistory?.()) return;
    this.parts.errors.clear();
    this.returnToSummary = false;
    this.goTo(Math.max(0, this.index - 1));
  }

  /** Continue: the step's answers are checked, then the next step (or the summary it came from). */
  readonly onContinue = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const only = this.parts.definition.model?.steps[this.index]?.fields ?? [];
    if (!(await this.check(only))) return;
    const next = this.returnToSummary ? this.count : this.index + 1;
    this.returnToSummary = false;
    this.goTo(next);
  };

  /**
   * Checks the answers (of the fields named in `only`, or all): the checking rules when they pass,
   * else undefined after a round of errors (or when the rules could not be had).
   */
  async check(only?: readonly string[]): Promise<FormValidator | undefined> {
    const { definition, answers, errors, announcer } = this.parts;
    const lang = this.parts.lang();
    const validator = await definition.validatorNow(() => announcer.announce(formText(lang).checking));
    if (!definition.model) return undefined;
    if (!validator) {
      this.uncheckable++;
      this.host.requestUpdate();
      return undefined;
    }
    this.uncheckable = 0;
    const found = validator.validate(answers.data, { lang: this.parts.lang(), ...(only ? { only: [...only] } : {}) });
    if (found.length > 0) {
      this.showErrors(found);
      return undefined;
    }
    errors.clear();
    this.host.requestUpdate();
    return validator;
  }

  /** A round of errors: inline messages, the summary (focused), and `guichet-error` for the page. */
  showErrors(found: readonly FieldError[]): void {
    const index = this.parts.definition.index;
    if (!index) return;
    const { errors } = this.parts;
    errors.round(found, index);
    this.parts.fields.redrawAll();
    this.parts.focus.afterRender(`#${errorSummaryId}`);
    const lang = this.parts.lang();
    this.host.dispatchEvent(
      new GuichetErrorEvent({
        kind: 'validation',
        message: plural(lang, formText(lang).validationFailed, errors.summary.length),
        problems: found.map((e) => ({ pointer: e.pointer, code: e.code, message: e.message })),
      }),
    );
  }

  /** Shows the step holding a field and puts focus on it (`fromSummary`: Continue leads back to the summary). */
  async goToField(pointer: string, fromSummary: boolean): Promise<void> {
    if (fromSummary) this.returnToSummary = true;
    const index = this.parts.definition.index;
    if (!index) return;
    const step = index.stepOf(pointer);
    if (step >= 0 && step !== this.index) {
      this.index = step;
      this.parts.errors.keepStep(step, index);
      this.host.requestUpdate();
      await this.host.updateComplete;
    }
    const root = this.host.renderRoot;
    if (!focusFirstControl(root, fieldId(pointer))) focusFirstControl(root, fieldId(parentPointer(pointer)));
  }
}
