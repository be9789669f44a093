/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1), keeping every mail it
 * accepted, parsed back with mailparser. It can be stopped and started again on the same port,
 * answer 4xx for a while, refuse an address with 5xx, or hang in the middle of a mail.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { freePort } from './helpers.js';

export interface Inbox {
  url: string;
  port: number;
  mails: ParsedMail[];
  /** How many mails the server accepted (a resend counts again). */
  readonly accepted: number;
  /** How many connections clients opened to it. */
  connections: number;
  /** 451 to every mail while set. */
  temporaryFailure: boolean;
  /** Addresses refused with 550. */
  refused: Set<string>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once `count` mails were accepted in all. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
}

export async function startInbox(port?: number): Promise<Inbox> {
  const chosen = port ?? (await freePort());
  let server: SMTPServer | undefined;
  const waiters: (() => void)[] = [];
  const inbox: Inbox = {
    url: `smtp://127.0.0.1:${chosen}`,
    port: chosen,
    mails: [],
    get accepted() {
      return inbox.mails.length;
    },
    connections: 0,
    temporaryFailure: false,
    refused: new Set(),
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onConnect(_session, callback) {
          inbox.connections++;
          callback();
        },
        onRcptTo(address, _session, callback) {
          if (inbox.refused.has(address.address))
            return callback(Object.assign(new Error('5.1.1 No such mailbox here'), { responseCode: 550 }));
          callback();
        },
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            if (inbox.temporaryFailure)
              return callback(Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 }));
            simpleParser(Buffer.concat(chunks)).then(
              (mail) => {
                inbox.mails.push(mail);
                for (const wake of waiters.splice(0)) wake();
                callback();
              },
              (error: Error) => callback(error),
            );
          });
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(chosen, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async waitFor(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (inbox.mails.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${inbox.mails.length} mails arrived, ${count} expected`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 500));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return inbox.mails;
    },
  };
  await inbox.start();
  return inbox;
}

/** Polls `check` until it answers something truthy (a state another process reaches). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('the expected state was not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
