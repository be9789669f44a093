// The citizen's mails, read back from a real SMTP server in the test process: on receipt and on
// every phase change, fr/en, text and HTML, escaped, with the tracker's link; an SMTP server
// that is down or answers 4xx delays a mail, a 5xx fails it for good, and nothing arrives twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsedMail } from 'mailparser';
import { admin, call, startTestServer, submit, validSubmission, type TestServer } from './helpers.js';
import { eventually, startInbox, type Inbox } from './smtp.js';

const FROM = 'Mairie de Test <guichet@mairie.example>';
const TRACKER = 'https://mairie.example/suivi';

describe('mails to the citizen', () => {
  let inbox: Inbox;
  let t: TestServer;
  before(async () => {
    inbox = await startInbox();
    t = await startTestServer({
      mail: { smtpUrl: inbox.url, from: FROM, trackerUrl: TRACKER, timeoutMs: 2_000 },
      outbox: { pollIntervalMs: 100, retryBaseMs: 100, retryMaxMs: 400 },
    });
  });
  after(async () => {
    await t.cleanup();
    await inbox.stop();
  });

  const mailsTo = (reference: string) => inbox.mails.filter((mail) => mail.subject?.includes(reference));
  const arrived = (reference: string, count: number) =>
    eventually(async () => {
      const mails = mailsTo(reference);
      return mails.length >= count && mails;
    });
  const outboxOf = (reference: string) => t.server.store.outbox.ofRequest(reference);
  const htmlOf = (mail: ParsedMail) => (typeof mail.html === 'string' ? mail.html : '');

  test('on receipt: the reference and tracking code, what happens next, the contact and the tracker link', async () => {
    const sent = await submit(t.url, 'demande-test', validSubmission({ email: 'camille@example.fr' }));
    assert.equal(sent.status, 201);
    const { reference, trackingCode } = sent.body;
    const [mail] = await arrived(reference, 1);
    assert.ok(mail);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', 'camille@example.fr');
    assert.equal(mail.from?.text, '"Mairie de Test" <guichet@mairie.example>');
    assert.equal(mail.subject, `Demande ${reference} reçue\u00a0: Demande de test`);
    assert.match(mail.messageId ?? '', /^<evt_[A-Za-z0-9_-]{16,}@mairie\.example>$/);
    assert.ok(mail.date instanceof Date && !Number.isNaN(mail.date.getTime()));
    assert.equal(mail.headers.get('auto-submitted'), 'auto-generated');
    assert.equal(mail.replyTo?.text, 'accueil@mairie.example');

    const link = `${TRACKER}?reference=${reference}`;
    for (const part of [mail.text ?? '', htmlOf(mail)]) {
      assert.ok(part.includes(reference), 'the reference');
      assert.ok(part.includes(trackingCode), 'the tracking code');
      assert.ok(part.includes('Un agent lit votre demande.'), 'what happens next');
      assert.ok(part.includes('01 23 45 67 89'), 'whom to call');
      assert.ok(part.includes(link), 'the link to the tracker');
    }
    assert.match(mail.text ?? '', /Réponse prévue au plus tard le \d{1,2} \p{L}+ \d{4}\./u);
    const html = htmlOf(mail);
    assert.match(html, /<html lang="fr">/);
    assert.doesNotMatch(html, /<(script|img|link|iframe|object|style)\b/i, 'nothing a mail client would fetch or run');
    const urls = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    assert.deepEqual(urls, [link]);
    assert.ok(!urls.some((url) => url.includes(trackingCode.slice(0, 5))), 'the tracking code is never in a URL');
  });

  test('on a phase change, in English: the new step, the escaped note, what to do, the link', async () => {
    const sent = await submit(t.url, 'demande-test', validSubmission({ email: 'sam@example.org' }, 'en'));
    const { reference } = sent.body;
    await arrived(reference, 1);
    const note = 'Send us <script>alert("x")</script> & a <b>photo</b>\nof the place';
    const changed = await call(`${t.url}/api/admin/requests/${reference}/status`, {
      method: 'POST',
      headers: admin({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ phase: 'action_required', label: 'Missing <photo>', note }),
    });
    assert.equal(changed.status, 200);
    const mails = await arrived(reference, 2);
    const mail = mails[1]!;
    assert.equal(mails[0]!.subject, `Request ${reference} received: Demande de test`);
    assert.equal(mail.subject, `Request ${reference}: Missing <photo>`);
    assert.ok(mail.text?.includes(note), 'the note as written, in the text part');
    assert.ok(mail.text?.includes('We need something from you.'));
    assert.ok(mail.text?.includes(`${TRACKER}?reference=${reference}`));
    const html = htmlOf(mail);
    assert.match(html, /<html lang="en">/);
    assert.ok(
      html.includes('Send us &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; a &lt;b&gt;photo&lt;/b&gt;<br>of'),
    );
    assert.ok(html.includes('Missing &lt;photo&gt;'));
    assert.doesNotMatch(html, /<script|<b>photo/);
    assert.notEqual(mail.messageId, mails[0]!.messageId);
  });

  test('mails share connections to the SMTP server, as relays that limit connections expect', async () => {
    const before = inbox.connections;
    const sent = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => submit(t.url, 'demande-test', validSubmission({ email: `voisin${n}@example.fr` }))),
    );
    for (const { body } of sent) await arrived(body.reference, 1);
    const opened = inbox.connections - before;
    assert.ok(opened <= 2, `${opened} connections opened for 6 mails`);
  });

  test('no address answered: no mail is written', async () => {
    const without = await submit(t.url, 'demande-test', validSubmission({ email: undefined }));
    assert.equal(without.status, 201);
    // Written in the same transaction as the request: what the outbox holds now is final.
    assert.deepEqual(await outboxOf(without.body.reference), []);
  });

  test('the SMTP server stopped then restarted: the mail waits, then arrives once', async () => {
    await inbox.stop();
    const sent = await submit(t.url, 'demande-test', validSubmission({ email: 'down@example.fr' }));
    const { reference } = sent.body;
    const waiting = await eventually(async () => {
      const [item] = await outboxOf(reference);
      return item && item.attempts >= 2 && item;
    });
    assert.equal(waiting.state, 'pending');
    assert.ok(waiting.lastError, 'why it waits is recorded');
    await inbox.start();
    await arrived(reference, 1);
    await eventually(async () => (await outboxOf(reference))[0]?.state === 'sent');
    assert.equal(mailsTo(reference).length, 1, 'exactly once');
  });

  test('a 4xx delays the mail; a 5xx for the address fails it for good, the reason kept', async () => {
    inbox.temporaryFailure = true;
    const later = await submit(t.url, 'demande-test', validSubmission({ email: 'later@example.fr' }));
    inbox.refused.add('nobody@example.fr');
    const refused = await submit(t.url, 'demande-test', validSubmission({ email: 'nobody@example.fr' }));
    const retried = await eventually(async () => {
      const [item] = await outboxOf(later.body.reference);
      return item && item.attempts >= 2 && item;
    });
    assert.equal(retried.state, 'pending');
    assert.match(retried.lastError ?? '', /451/);
    const failed = await eventually(async () => {
      const [item] = await outboxOf(refused.body.reference);
      return item?.state === 'failed' && item;
    });
    assert.match(failed.lastError ?? '', /550/);
    assert.ok(failed.doneAt);
    assert.equal(failed.sealed, undefined, 'the sealed tracking code is wiped once done');
    const opened = await call(`${t.url}/api/admin/requests/${refused.body.reference}`, { headers: admin() });
    const [shown] = opened.body.notifications;
    assert.deepEqual(
      [shown.channel, shown.state, shown.recipient, shown.subject],
      ['mail', 'failed', 'nobody@example.fr', `Demande ${refused.body.reference} reçue\u00a0: Demande de test`],
    );
    assert.match(shown.lastError, /550/);
    assert.equal(shown.sealed, undefined);
    const failedMails = await call(`${t.url}/api/admin/notifications?state=failed&channel=mail`, { headers: admin() });
    assert.deepEqual(
      failedMails.body.map((n: { reference: string }) => n.reference),
      [refused.body.reference],
    );

    inbox.temporaryFailure = false;
    await arrived(later.body.reference, 1);
    await eventually(async () => (await outboxOf(later.body.reference))[0]?.state === 'sent');
    assert.equal(mailsTo(later.body.reference).length, 1);
    assert.equal(mailsTo(refused.body.reference).length, 0);
  });
});
