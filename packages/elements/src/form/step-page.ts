import type { ReactiveController } from 'lit';
import { localize } from '@guichet/core';
import { GuichetStepEvent } from '../events.js';
import type { FormHost, FormParts } from './form-parts.js';
import { formText } from './messages.js';
import type { StepsController } from './steps-controller.js';

/** The element, with its `update-title` and `history` attributes. */
type StepPageHost = FormHost & {
  /** The page's title follows the step, GOV.UK style. */
  readonly updateTitle: boolean;
  /** Each step is an entry of the browser's history, so Back goes to the previous step. */
  readonly history: boolean;
};

/** What the form writes in `history.state`: its own key, so the page's other entries are left alone. */
interface StepEntry {
  guichetStep: { form: string; index: number; depth: number };
}

const entryOf = (state: unknown): StepEntry['guichetStep'] | undefined =>
  (state as Partial<StepEntry> | null)?.guichetStep;

/**
 * What the page around the form learns of each step shown: a `guichet-step` event; opt-in, the
 * page's title ("Erreur : Adresse – Signaler un problème", then the receipt's title) and a history
 * entry per step, so that the browser's Back button goes to the previous step rather than leaving
 * the page. Once the request is sent, the entries the form pushed are gone back over: Back then
 * leaves the page as it would have before the form.
 */
export class StepPage implements ReactiveController {
  private shown?: number;
  private originalTitle?: string;
  /** The last title this controller wrote: a title the page changed since is the page's to keep. */
  private written?: string;
  private unwound = false;

  constructor(
    private readonly host: StepPageHost,
    private readonly parts: FormParts,
    private readonly steps: StepsController,
    /** Whether the request was sent (the receipt shows). */
    private readonly sent: () => boolean,
  ) {
    host.addController(this);
    steps.backInHistory = () => this.back();
  }

  /** The form's Back button, when the current entry is the step shown: the browser goes back, as its own button would. */
  private back(): boolean {
    const entry = entryOf(history.state);
    if (!this.host.history || !entry || entry.form !== this.parts.definition.model?.id) return false;
    if (entry.depth === 0 || entry.index !== this.steps.index) return false;
    history.back();
    return true;
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
    if (this.originalTitle !== undefined && document.title === this.written) document.title = this.originalTitle;
    this.originalTitle = undefined;
  }

  hostUpdated(): void {
    const model = this.parts.definition.model;
    if (!model || this.parts.definition.status !== 'ready') return;
    if (this.sent()) {
      this.unwind();
      this.setTitle(`${this.receiptTitle()} – ${localize(this.parts.definition.model?.title, this.parts.lang())}`);
      return;
    }
    this.unwound = false;
    const lang = this.parts.lang();
    const count = model.steps.length;
    const index = this.steps.index;
    const title = this.steps.onSummary ? formText(lang).checkAnswers : localize(model.steps[index]?.title, lang);
    if (this.shown !== index) {
      const previous = this.shown;
      this.shown = index;
      this.record(model.id, index, previous);
      this.host.dispatchEvent(new GuichetStepEvent({ step: index + 1, count, title, summary: this.steps.onSummary }));
    }
    const errors = this.parts.errors.summary.length > 0 ? formText(lang).errorTitle : '';
    this.setTitle(`${errors}${title} – ${localize(model.title, lang)}`);
  }

  /** A step moved forward gets an entry of its own; one moved back (or jumped to) takes the current one's place. */
  private record(form: string, index: number, previous: number | undefined): void {
    if (!this.host.history || previous === undefined || this.fromHistory === index) return;
    const current = entryOf(history.state);
    const depth = current?.form === form ? current.depth : 0;
    if (index > previous) history.pushState({ guichetStep: { form, index, depth: depth + 1 } } satisfies StepEntry, '');
    else if (depth > 0) history.replaceState({ guichetStep: { form, index, depth } } satisfies StepEntry, '');
  }

  /** The step a popstate is showing, so that showing it does not record it again. */
  private fromHistory?: number;

  private readonly onPopState = (event: PopStateEvent): void => {
    const model = this.parts.definition.model;
    if (!this.host.history || !model || this.sent()) return;
    const entry = entryOf(event.state);
    // An entry of the page's own (the one the form started on) is the first step.
    const index = entry?.form === model.id ? entry.index : entry ? undefined : 0;
    if (index === undefined || index === this.steps.index) return;
    this.fromHistory = index;
    this.parts.errors.clear();
    this.steps.returnToSummary = false;
    this.steps.goTo(index);
    void this.host.updateComplete.then(() => (this.fromHistory = undefined));
  };

  /** Back to the entry the form started on, once: the steps behind a sent request are not to be walked again. */
  private unwind(): void {
    if (this.unwound || !this.host.history) return;
    this.unwound = true;
    const entry = entryOf(history.state);
    if (entry && entry.form === this.parts.definition.model?.id && entry.depth > 0) history.go(-entry.depth);
  }

  private receiptTitle(): string {
    const heading = this.host.renderRoot.querySelector('#guichet-receipt-title');
    const text = [...(heading?.childNodes ?? [])].filter((node) => node.nodeType === Node.TEXT_NODE);
    return text
      .map((node) => node.textContent)
      .join('')
      .trim();
  }

  private setTitle(title: string): void {
    if (!this.host.updateTitle || !title || document.title === title) return;
    this.originalTitle ??= document.title;
    document.title = this.written = title;
  }
}
