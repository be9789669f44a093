import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Language, RequestStatus } from '@guichet/core';
import { GuichetReplyEvent } from '../../events.js';
import { ReplyController, type ReplyTarget } from './reply-controller.js';
import { renderReplyForm } from './reply-form-view.js';
import { replyStyles } from './reply.styles.js';
import { statusViewStyles } from '../status-view.styles.js';
import { adoptStyles } from '../../shared/adopt-styles.js';

export interface TrackerReplyOptions {
  /** Where a reply goes now; undefined when the tracker shows no request. */
  target: () => ReplyTarget | undefined;
  /** The endpoint took the reply: where the request stands, the reply in its history. */
  onSent: (status: RequestStatus) => void;
  /** The request no longer waits for the citizen and they asked to see where it stands. */
  onSeeStatus: () => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The tracker's reply part, loaded with the status view: the form while a request waits for the
 * citizen and the back office takes replies, the sending, and where focus goes after it. Made
 * when the tracker first shows a status, it brings the status view's styles and its own, so the
 * first load carries only what the look-up form needs.
 */
export class TrackerReply {
  private controller?: ReplyController;

  constructor(
    private readonly host: Host,
    private readonly options: TrackerReplyOptions,
  ) {
    adoptStyles(host.shadowRoot, statusViewStyles, replyStyles);
  }

  render(status: RequestStatus, lang: Language, headingId: string): TemplateResult | typeof nothing {
    const target = this.options.target();
    if (status.phase !== 'action_required' || !target?.adapter.reply || !target.adapter.uploadForReply) return nothing;
    this.controller ??= new ReplyController(this.host, (answer) => {
      this.options.onSent(answer);
      const reply = answer.replies?.at(-1);
      if (reply) this.host.dispatchEvent(new GuichetReplyEvent({ reference: answer.reference, reply, status: answer }));
    });
    this.controller.bind(status.reference);
    return renderReplyForm(this.controller, lang, headingId, {
      onSend: () => void this.send(),
      onGoTo: (id) => this.focus(`#${id}`),
      onSeeStatus: () => this.options.onSeeStatus(),
    });
  }

  private async send(): Promise<void> {
    const target = this.options.target();
    if (!this.controller || !target) return;
    await this.controller.send(target);
    if (this.controller.errors.length || this.controller.fileErrors.length)
      await this.focus(this.controller.errors.length ? '#reply-errors' : '#reply-files');
    else if (this.controller.state.kind === 'sent') await this.focus('.reply__sent');
  }

  private async focus(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}
