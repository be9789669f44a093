/** What the API shows of a stored request: to the citizen (status, receipt) and to agents. */
import {
  isFinalPhase,
  type Notification,
  type Receipt,
  type Reply,
  type RequestStatus,
  type StoredRequest,
} from '@guichet/core';
import { shownFileName } from './file-names.js';
import { mailSubject, type MailPayload } from './notifications/mail-content.js';
import type { OutboxItem, ReplyRecord, RequestRecord } from './store/types.js';

export function statusView(record: RequestRecord, history = record.history, replies?: ReplyRecord[]): RequestStatus {
  const current = history[history.length - 1]!;
  return {
    reference: record.reference,
    formId: record.formId,
    formTitle: record.formTitle,
    lang: record.lang,
    phase: current.phase,
    code: current.code ?? current.phase,
    label: current.label,
    final: isFinalPhase(current.phase),
    updatedAt: current.at,
    ...(record.expectedBy ? { expectedBy: record.expectedBy } : {}),
    history,
    ...(replies ? { replies: replies.map(replyView) } : {}),
  };
}

/** The receipt as first issued: a replay answers the very same body, whatever happened since. */
export function receiptView(record: RequestRecord, trackingCode: string): Receipt {
  return {
    reference: record.reference,
    trackingCode,
    receivedAt: record.createdAt,
    ...(record.expectedBy ? { expectedBy: record.expectedBy } : {}),
    status: statusView(record, record.history.slice(0, 1)),
  };
}

/** What agents see of the outbox: never the payload or the sealed code, the mail's subject. */
export function notificationView(item: OutboxItem): Notification {
  return {
    id: item.id,
    channel: item.channel,
    reference: item.reference,
    event: item.event,
    ...(item.recipient ? { recipient: item.recipient } : {}),
    ...(item.channel === 'mail' ? { subject: mailSubject(item.payload as unknown as MailPayload) } : {}),
    state: item.state,
    attempts: item.attempts,
    createdAt: item.createdAt,
    nextAttemptAt: item.nextAttemptAt,
    ...(item.lastAttemptAt ? { lastAttemptAt: item.lastAttemptAt } : {}),
    ...(item.lastError ? { lastError: item.lastError } : {}),
    ...(item.doneAt ? { doneAt: item.doneAt } : {}),
  };
}

export function replyView(reply: ReplyRecord): Reply {
  return {
    id: reply.id,
    at: reply.at,
    ...(reply.message !== undefined ? { message: reply.message } : {}),
    attachments: reply.attachments.map((attachment) => ({ ...attachment, name: shownFileName(attachment.name) })),
  };
}

export function storedRequestView(
  record: RequestRecord,
  extra: { replies?: ReplyRecord[]; notifications?: OutboxItem[] } = {},
): StoredRequest {
  return {
    reference: record.reference,
    formId: record.formId,
    formVersion: record.formVersion,
    channel: record.channel,
    byAgent: record.byAgent,
    lang: record.lang,
    createdAt: record.createdAt,
    data: record.data,
    attachments: record.attachments.map((attachment) => ({ ...attachment, name: shownFileName(attachment.name) })),
    status: statusView(record),
    ...(extra.replies ? { replies: extra.replies.map(replyView) } : {}),
    ...(extra.notifications ? { notifications: extra.notifications.map(notificationView) } : {}),
  };
}

/** The date `days` calendar days after `from`, as YYYY-MM-DD (UTC). */
export function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
