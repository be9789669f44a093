import type { ReactiveControllerHost } from 'lit';
import type { Channel } from '@guichet/core';
import { GuichetSubmitEvent } from '../events.js';
import type { LazySubmission } from '../submission/lazy-submission.js';
import { adapterSettings, type AdapterAttributes } from './adapter-attributes.js';
import type { FormParts } from './form-parts.js';
import type { StepsController } from './steps-controller.js';

const channels: readonly Channel[] = ['web', 'counter', 'phone', 'mail'];

export interface SendHost extends ReactiveControllerHost, EventTarget, AdapterAttributes {
  readonly channel: string;
}

/**
 * Send, from the summary: every answer is checked again, the page may cancel (`guichet-submit`),
 * then the submission pipeline takes over; problems the endpoint finds lead back to their questions.
 */
export class SendAction {
  constructor(
    private readonly host: SendHost,
    private readonly parts: FormParts,
    private readonly steps: StepsController,
    private readonly submission: LazySubmission,
  ) {}

  readonly onSend = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { host, parts, submission } = this;
    const model = parts.definition.model;
    const validator = await this.steps.check();
    if (!model || !validator) return;
    const data = validator.activeData(parts.answers.data);
    const channel = (channels as readonly string[]).includes(host.channel) ? (host.channel as Channel) : 'web';
    const submit = new GuichetSubmitEvent({ formId: model.id, formVersion: model.version, data, channel });
    host.dispatchEvent(submit);
    if (submit.defaultPrevented || !host.endpoint) return;
    await submission.send({
      model,
      data,
      files: parts.answers.files,
      channel,
      lang: parts.lang(),
      endpoint: host.endpoint,
      adapter: host.adapter || 'guichet',
      settings: adapterSettings(host),
    });
    if (submission.phase === 'invalid' && submission.fieldErrors.length > 0)
      this.steps.showErrors(submission.fieldErrors);
    host.requestUpdate();
  };
}
