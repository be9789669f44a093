/**
 * Rows as both databases return them, and the records the endpoint works with. PostgreSQL gives
 * timestamps as Date and JSON parsed; SQLite gives ISO text: both end as the same record.
 */
import type { Attachment, Channel, HistoryEntry, Language, Phase } from '@guichet/core';
import type { AttachmentRecord, OutboxItem, ReplyRecord, RequestRecord } from './types.js';

export interface RequestRow {
  id: number;
  reference: string;
  form_id: string;
  form_version: string;
  form_title: string;
  channel: Channel;
  lang: Language;
  tracking_code_hash: Buffer;
  submission_hash: Buffer | null;
  /** 0/1 on SQLite, a boolean on PostgreSQL. */
  by_agent: number | boolean;
  data: string | Record<string, unknown>;
  created_at: string | Date;
  expected_by: string | null;
}

export interface HistoryRow {
  request_id: number;
  at: string | Date;
  phase: Phase;
  code: string;
  label: string;
  note: string | null;
}

export interface ReplyRow {
  id: number;
  public_id: string;
  reference: string;
  at: string | Date;
  message: string | null;
  lang: Language;
}

export interface OutboxRow {
  event_id: string;
  channel: OutboxItem['channel'];
  reference: string;
  event: OutboxItem['event'];
  recipient: string | null;
  payload: string | Record<string, unknown>;
  sealed: Buffer | null;
  state: OutboxItem['state'];
  attempts: number;
  created_at: string | Date;
  next_attempt_at: string | Date;
  last_attempt_at: string | Date | null;
  last_error: string | null;
  done_at: string | Date | null;
}

export interface AttachmentRow {
  id: string;
  form_id: string;
  field: string;
  name: string;
  size: number;
  type: string;
  created_at: string | Date;
  request_id: number | null;
  reply_id?: number | null;
  /** Only where the query joins the request. */
  reference?: string | null;
}

export function isoTime(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** Requests with their history and attachments, read with one query each for all the rows. */
export function toRequestRecords(
  rows: RequestRow[],
  history: HistoryRow[],
  attachments: AttachmentRow[],
): RequestRecord[] {
  const historyOf = groupBy(history, (entry) => entry.request_id);
  const attachmentsOf = groupBy(attachments, (attachment) => attachment.request_id);
  return rows.map((row) => ({
    reference: row.reference,
    formId: row.form_id,
    formVersion: row.form_version,
    formTitle: row.form_title,
    channel: row.channel,
    lang: row.lang,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as Record<string, unknown>) : row.data,
    createdAt: isoTime(row.created_at),
    ...(row.expected_by === null ? {} : { expectedBy: row.expected_by }),
    trackingCodeHash: row.tracking_code_hash,
    ...(row.submission_hash ? { submissionHash: row.submission_hash } : {}),
    byAgent: Boolean(row.by_agent),
    history: (historyOf.get(row.id) ?? []).map((entry): HistoryEntry => ({
      at: isoTime(entry.at),
      phase: entry.phase,
      code: entry.code,
      label: entry.label,
      ...(entry.note === null ? {} : { note: entry.note }),
    })),
    attachments: (attachmentsOf.get(row.id) ?? []).map(toAttachment),
  }));
}

export function toAttachmentRecord(row: AttachmentRow): AttachmentRecord {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    type: row.type,
    formId: row.form_id,
    field: row.field,
    createdAt: isoTime(row.created_at),
    ...(row.reference ? { reference: row.reference } : {}),
  };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Thrown inside an insert (a request's, a reply's) to roll its savepoint back; answered as 'attachments-unavailable'. */
export class UnavailableAttachments extends Error {
  constructor(readonly ids: string[]) {
    super('attachments unavailable');
  }
}

function toAttachment(a: AttachmentRow): Attachment {
  return { id: a.id, name: a.name, size: a.size, type: a.type };
}

/** Replies with their files (read with one query for all the replies), grouped by request. */
export function toReplyRecords(rows: ReplyRow[], attachments: AttachmentRow[]): ReplyRecord[] {
  const filesOf = groupBy(attachments, (attachment) => attachment.reply_id);
  return rows.map((row) => ({
    id: row.public_id,
    reference: row.reference,
    at: isoTime(row.at),
    ...(row.message === null ? {} : { message: row.message }),
    lang: row.lang,
    attachments: (filesOf.get(row.id) ?? []).map(toAttachment),
  }));
}

export function byReference(replies: ReplyRecord[]): Map<string, ReplyRecord[]> {
  return groupBy(replies, (reply) => reply.reference);
}

export function toOutboxItem(row: OutboxRow): OutboxItem {
  const optionalTime = (value: string | Date | null) => (value === null ? undefined : isoTime(value));
  const lastAttemptAt = optionalTime(row.last_attempt_at);
  const doneAt = optionalTime(row.done_at);
  return {
    id: row.event_id,
    channel: row.channel,
    reference: row.reference,
    event: row.event,
    ...(row.recipient === null ? {} : { recipient: row.recipient }),
    payload: typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload,
    ...(row.sealed === null ? {} : { sealed: row.sealed }),
    createdAt: isoTime(row.created_at),
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: isoTime(row.next_attempt_at),
    ...(lastAttemptAt ? { lastAttemptAt } : {}),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(doneAt ? { doneAt } : {}),
  };
}
