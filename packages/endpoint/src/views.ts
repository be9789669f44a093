/** What the API shows of a stored request: to the citizen (status, receipt) and to agents. */
import { isFinalPhase, type Receipt, type RequestStatus, type StoredRequest } from '@guichet/core';
import { shownFileName } from './file-names.js';
import type { RequestRecord } from './store/types.js';

export function statusView(record: RequestRecord, history = record.history): RequestStatus {
  const current = history[history.length - 1]!;
  return {
    reference: record.reference,
    formId: record.formId,
    formTitle: record.formTitle,
    phase: current.phase,
    code: current.code ?? current.phase,
    label: current.label,
    final: isFinalPhase(current.phase),
    updatedAt: current.at,
    ...(record.expectedBy ? { expectedBy: record.expectedBy } : {}),
    history,
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

export function storedRequestView(record: RequestRecord): StoredRequest {
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
  };
}

/** The date `days` calendar days after `from`, as YYYY-MM-DD (UTC). */
export function addDays(from: Date, days: number): string {
  return new Date(from.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
