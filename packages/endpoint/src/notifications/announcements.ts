/**
 * What each event of a request announces, written in the same unit of work as the event itself:
 * a mail to the citizen (when the form names their address, `processing.notify.email`, and mail
 * is configured) and a webhook to the back office (when GUICHET_WEBHOOK_URL is set). Either both
 * the change and its announcements commit, or neither does.
 */
import { randomBytes } from 'node:crypto';
import { isFinalPhase, valueAt, type Language } from '@guichet/core';
import type { FormEntry } from '../forms.js';
import type { ReplyRecord, RequestRecord, StoreTransaction } from '../store/types.js';
import type { MailContact, MailPayload } from './mail-content.js';
import type { Sealer } from './seal.js';
import type { WebhookPayload } from './webhook-sender.js';

export interface AnnouncementOptions {
  mail: boolean;
  webhook: boolean;
  sealer: Sealer;
}

export const eventId = () => `evt_${randomBytes(16).toString('base64url')}`;

export class Announcements {
  constructor(private readonly options: AnnouncementOptions) {}

  /** Whether a new request of `form` with these answers announces anything (a mail, a webhook). */
  announcesCreation(form: FormEntry, data: RequestRecord['data']): boolean {
    return this.options.webhook || this.recipient(form, data) !== undefined;
  }

  /**
   * A new request: its receipt mail (with the tracking code, sealed) and a request.created webhook.
   * Each method says whether it wrote anything, so the sender is woken only when there is work.
   */
  async requestCreated(
    tx: StoreTransaction,
    form: FormEntry,
    record: RequestRecord,
    trackingCode: string,
  ): Promise<boolean> {
    const first = record.history[0]!;
    const mailed = await this.mail(tx, form, record, 'request.created', trackingCode);
    if (this.options.webhook) {
      const id = eventId();
      await this.webhook(tx, record, 'request.created', id, {
        id,
        type: 'request.created',
        occurredAt: record.createdAt,
        reference: record.reference,
        formId: record.formId,
        request: {
          formVersion: record.formVersion,
          formTitle: record.formTitle,
          channel: record.channel,
          lang: record.lang,
          createdAt: record.createdAt,
          ...(record.expectedBy ? { expectedBy: record.expectedBy } : {}),
          data: record.data,
          attachments: record.attachments.map(attachmentLink),
          status: webhookStatus(first),
        },
      });
    }
    return mailed || this.options.webhook;
  }

  /** A new phase (the history's last entry): a mail saying it, and a request.status_changed webhook. */
  async statusChanged(tx: StoreTransaction, form: FormEntry | undefined, record: RequestRecord): Promise<boolean> {
    const current = record.history[record.history.length - 1]!;
    const previous = record.history[record.history.length - 2] ?? current;
    const mailed = form ? await this.mail(tx, form, record, 'request.status_changed') : false;
    if (this.options.webhook) {
      const id = eventId();
      await this.webhook(tx, record, 'request.status_changed', id, {
        id,
        type: 'request.status_changed',
        occurredAt: current.at,
        reference: record.reference,
        formId: record.formId,
        previousPhase: previous.phase,
        status: webhookStatus(current),
      });
    }
    return mailed || this.options.webhook;
  }

  /** The citizen's reply: a request.replied webhook. */
  async replied(tx: StoreTransaction, record: RequestRecord, reply: ReplyRecord): Promise<boolean> {
    if (!this.options.webhook) return false;
    const id = eventId();
    await this.webhook(tx, record, 'request.replied', id, {
      id,
      type: 'request.replied',
      occurredAt: reply.at,
      reference: record.reference,
      formId: record.formId,
      reply: {
        id: reply.id,
        at: reply.at,
        ...(reply.message !== undefined ? { message: reply.message } : {}),
        attachments: reply.attachments.map(attachmentLink),
      },
    });
    return true;
  }

  private async webhook(
    tx: StoreTransaction,
    record: RequestRecord,
    event: 'request.created' | 'request.status_changed' | 'request.replied',
    id: string,
    body: Record<string, unknown>,
  ) {
    // Kept as the very bytes to send: every attempt signs and sends the same body.
    const payload: WebhookPayload = { body: JSON.stringify(body) };
    await tx.outbox.add({
      id,
      channel: 'webhook',
      reference: record.reference,
      event,
      payload: { ...payload },
      createdAt: (body.occurredAt as string) ?? new Date().toISOString(),
    });
  }

  /** The mail of the request's latest step, to the address its answers give (none, no mail). */
  private async mail(
    tx: StoreTransaction,
    form: FormEntry,
    record: RequestRecord,
    event: 'request.created' | 'request.status_changed',
    trackingCode?: string,
  ): Promise<boolean> {
    const recipient = this.recipient(form, record.data);
    if (!recipient) return false;
    const kind: MailPayload['kind'] = event === 'request.created' ? 'received' : 'status';
    await tx.outbox.add({
      id: eventId(),
      channel: 'mail',
      reference: record.reference,
      event,
      recipient,
      payload: { ...this.mailBase(form, record), kind } satisfies MailPayload,
      // Sealed only for a mail that goes out: most forms name no address, and sealing costs a cipher.
      ...(trackingCode ? { sealed: this.options.sealer.seal(trackingCode) } : {}),
      createdAt: record.history[record.history.length - 1]!.at,
    });
    return true;
  }

  private recipient(form: FormEntry, data: RequestRecord['data']): string | undefined {
    const pointer = form.model.processing?.notify?.email;
    if (!this.options.mail || !pointer) return undefined;
    const address = valueAt(data, pointer);
    return typeof address === 'string' && address.includes('@') ? address.trim() : undefined;
  }

  private mailBase(form: FormEntry, record: RequestRecord): Omit<MailPayload, 'kind'> {
    const lang: Language = record.lang;
    const current = record.history[record.history.length - 1]!;
    const nextSteps = form.model.processing?.nextSteps?.[lang];
    return {
      lang,
      reference: record.reference,
      form: record.formTitle,
      ...(record.expectedBy && !isFinalPhase(current.phase) ? { expectedBy: record.expectedBy } : {}),
      ...(nextSteps ? { nextSteps } : {}),
      ...(form.model.contact ? { contact: contactIn(form.model.contact, lang) } : {}),
      status: {
        phase: current.phase,
        label: current.label,
        at: current.at,
        ...(current.note ? { note: current.note } : {}),
      },
    };
  }
}

function contactIn(contact: NonNullable<FormEntry['model']['contact']>, lang: Language): MailContact {
  return {
    ...(contact.name ? { name: contact.name[lang] } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.address ? { address: contact.address[lang] } : {}),
    ...(contact.openingHours ? { openingHours: contact.openingHours[lang] } : {}),
    ...(contact.url ? { url: contact.url } : {}),
  };
}

function webhookStatus(entry: RequestRecord['history'][number]) {
  return {
    at: entry.at,
    phase: entry.phase,
    code: entry.code ?? entry.phase,
    label: entry.label,
    ...(entry.note ? { note: entry.note } : {}),
    final: isFinalPhase(entry.phase),
  };
}

function attachmentLink(attachment: { id: string; name: string; size: number; type: string }) {
  return { ...attachment, href: `/api/admin/attachments/${attachment.id}` };
}
