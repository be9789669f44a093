/**
 * POSTs the outbox's webhooks to the back office (GUICHET_WEBHOOK_URL), each body signed with
 * `Guichet-Signature: sha256=<hex HMAC-SHA256 of the raw body under GUICHET_WEBHOOK_SECRET>`.
 * Anything but a 2xx — an error status, a refused connection, a receiver slower than the
 * timeout — is retried later; a webhook is never given up on.
 */
import { createHmac } from 'node:crypto';
import type { OutboxItem } from '../store/types.js';
import type { ItemOutcome } from './worker.js';

/** What the outbox keeps of a webhook: the exact body, so every attempt sends the same bytes. */
export interface WebhookPayload {
  body: string;
}

export interface WebhookSettings {
  url: string;
  secret: string;
  /** How long the receiver may take to answer (10 s). */
  timeoutMs?: number;
}

export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export class WebhookSender {
  constructor(private readonly settings: WebhookSettings) {}

  async send(item: OutboxItem): Promise<ItemOutcome> {
    const { body } = item.payload as unknown as WebhookPayload;
    try {
      const response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Guichet-Webhook/1',
          'Guichet-Event-Id': item.id,
          'Guichet-Event-Type': item.event,
          'Guichet-Signature': webhookSignature(this.settings.secret, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { outcome: 'sent' };
      return { outcome: 'retry', error: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { outcome: 'retry', error: cause ?? (error as Error).name ?? String(error) };
    }
  }
}
