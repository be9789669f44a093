/**
 * Sends the outbox's mails with nodemailer: over SMTP (GUICHET_SMTP_URL), or, when no SMTP server
 * is configured (the demo), as `.eml` files in a folder so a newcomer sees what would go out.
 *
 * An SMTP server that is down, slow or answers 4xx is a retry; a 5xx refusing the address or the
 * message is final (recorded, shown to agents). Each mail keeps its Message-ID and Date on every
 * attempt, so a mail client can tell a resend from a new mail.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { OutboxItem } from '../store/types.js';
import { renderMail, type MailPayload } from './mail-content.js';
import type { Sealer } from './seal.js';
import type { ItemOutcome } from './worker.js';

export interface MailSettings {
  /** smtp://host:port or smtps://user:password@host:port. */
  smtpUrl?: string;
  /** Without SMTP: the folder that receives one `{event id}.eml` per mail. */
  mailDir?: string;
  from: string;
  trackerUrl?: string;
  /** How long an SMTP server may stay silent before the attempt is given up and retried (30 s). */
  timeoutMs?: number;
}

export class MailSender {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(
    private readonly settings: MailSettings,
    private readonly sealer: Sealer,
  ) {
    const timeout = settings.timeoutMs ?? 30_000;
    this.transport = settings.smtpUrl
      ? nodemailer.createTransport({
          url: settings.smtpUrl,
          // Connections are kept and reused: without a pool each mail opened its own (TCP, the
          // greeting, EHLO, and STARTTLS and AUTH on a town's relay) and closed it after one message.
          pool: true,
          maxConnections: 2,
          connectionTimeout: timeout,
          greetingTimeout: timeout,
          socketTimeout: timeout,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    this.domain = /@([^>\s]+)>?\s*$/.exec(settings.from)?.[1] ?? 'guichet.invalid';
  }

  async send(item: OutboxItem): Promise<ItemOutcome> {
    const payload = item.payload as unknown as MailPayload;
    const trackingCode = item.sealed ? this.sealer.open(item.sealed) : undefined;
    const content = renderMail(payload, { trackingCode, trackerUrl: this.settings.trackerUrl });
    const replyTo = payload.contact?.email;
    const message = {
      from: this.settings.from,
      to: item.recipient,
      ...(replyTo ? { replyTo } : {}),
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: `<${item.id}@${this.domain}>`,
      date: new Date(item.createdAt),
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    };
    try {
      const info = await this.transport.sendMail(message);
      if (!this.settings.smtpUrl) await this.drop(item.id, info.message as Buffer);
      return { outcome: 'sent' };
    } catch (error) {
      const smtp = error as { responseCode?: number; response?: string; code?: string; message?: string };
      const answer = smtp.response ?? smtp.message ?? String(error);
      // A 5xx about this address or this message will not change: give up and tell the agents.
      const refused =
        typeof smtp.responseCode === 'number' &&
        smtp.responseCode >= 500 &&
        (smtp.code === 'EENVELOPE' || smtp.code === 'EMESSAGE');
      return { outcome: refused ? 'failed' : 'retry', error: answer.slice(0, 500) };
    }
  }

  /** Written whole then renamed: a reader never sees half a mail, and a resend replaces it. */
  private async drop(id: string, bytes: Buffer) {
    const dir = this.settings.mailDir!;
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${id}.eml`);
    await writeFile(`${path}.tmp`, bytes);
    await rename(`${path}.tmp`, path);
  }

  close(): void {
    this.transport.close();
  }
}
