/** A request as the submission route hands it to a store, with keys and hashes of its own. */
import { randomBytes } from 'node:crypto';
import type { NewRequest } from '@guichet/endpoint';

export function newRequest(prefix: string, overrides: Partial<NewRequest> = {}): NewRequest {
  const receivedAt = overrides.receivedAt ?? new Date('2026-03-04T10:20:30.456Z');
  return {
    formId: 'demande-test',
    formVersion: '1.2.0',
    formTitle: 'Demande de test',
    channel: 'web',
    lang: 'fr',
    data: { name: 'Camille Martin', nested: { list: [1, 'deux', true, null] }, accents: 'éàç – “quotes”' },
    idempotencyKeyHash: randomBytes(32),
    submissionHash: randomBytes(32),
    byAgent: false,
    trackingCodeHash: randomBytes(32),
    referencePrefix: prefix,
    receivedAt,
    expectedBy: '2026-03-14',
    firstStatus: { at: receivedAt.toISOString(), phase: 'received', code: 'received', label: 'Demande reçue' },
    attachmentIds: [],
    ...overrides,
  };
}
