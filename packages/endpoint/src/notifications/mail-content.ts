/**
 * A citizen's mail from what the outbox kept: subject, a plain-text part and an HTML part. The
 * HTML survives mail clients (inline styles, no external resource, no script) and every text in
 * it — the answers, the agent's note, the authority's labels — is escaped.
 */
import { isFinalPhase, type Language, type Phase } from '@guichet/core';
import { mailTexts, type MailTextKey } from './mail-texts.js';

/** What a mail says, decided when its event happened (kept in the outbox item's payload). */
export interface MailPayload {
  kind: 'received' | 'status';
  lang: Language;
  reference: string;
  form: string;
  expectedBy?: string;
  nextSteps?: string;
  contact?: MailContact;
  status: { phase: Phase; label: string; note?: string; at: string };
}

export interface MailContact {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  openingHours?: string;
  url?: string;
}

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

function say(key: MailTextKey, lang: Language, params: Record<string, string> = {}): string {
  return mailTexts[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One line: a subject never carries a line break from a label (French non-breaking spaces stay). */
const oneLine = (text: string) => text.replace(/[^\S\u00a0\u202f]+/g, ' ').trim();

/** `{trackerUrl}?reference=…`: the tracking code is never in a URL. */
export function trackerLink(trackerUrl: string | undefined, reference: string): string | undefined {
  if (!trackerUrl) return undefined;
  const url = new URL(trackerUrl);
  url.searchParams.set('reference', reference);
  return url.href;
}

/** One formatter per language, made once: making one costs more than the rest of a mail's text. */
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

function formatDate(isoDate: string, lang: Language): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A mail as blocks: each is a paragraph, or labelled lines, in both parts alike. */
type Block = { paragraph: string; strong?: boolean } | { lines: [string, string][] } | { link: [string, string] };

function blocks(payload: MailPayload, trackingCode: string | undefined, link: string | undefined): Block[] {
  const { lang } = payload;
  const out: Block[] = [{ paragraph: say('greeting', lang) }];
  if (payload.kind === 'received') {
    out.push({ paragraph: say('received.intro', lang, { form: payload.form }) });
    const lines: [string, string][] = [[say('reference', lang), payload.reference]];
    if (trackingCode) lines.push([say('trackingCode', lang), trackingCode]);
    out.push({ lines });
    if (trackingCode) out.push({ paragraph: say('trackingCode.keep', lang) });
    if (payload.nextSteps) out.push({ lines: [[say('nextSteps', lang), payload.nextSteps]] });
    if (payload.expectedBy)
      out.push({ paragraph: say('expectedBy', lang, { date: formatDate(payload.expectedBy, lang) }) });
  } else {
    const { status } = payload;
    out.push({
      paragraph: say('status.intro', lang, { reference: payload.reference, form: payload.form, label: status.label }),
    });
    if (status.note) out.push({ lines: [[say('note', lang), status.note]] });
    if (status.phase === 'action_required') out.push({ paragraph: say('action.required', lang), strong: true });
    else if (status.phase === 'completed') out.push({ paragraph: say('final.completed', lang) });
    else if (isFinalPhase(status.phase)) out.push({ paragraph: say('final.other', lang) });
  }
  if (link) out.push({ link: [say('track', lang), link] });
  const contact = payload.contact;
  if (contact) {
    const lines: [string, string][] = [];
    if (contact.phone) lines.push([say('phone', lang), contact.phone]);
    if (contact.email) lines.push([say('email', lang), contact.email]);
    if (contact.openingHours) lines.push([say('openingHours', lang), contact.openingHours]);
    if (contact.address) lines.push([say('address', lang), contact.address]);
    if (contact.url) lines.push([say('website', lang), contact.url]);
    if (lines.length) {
      out.push({ paragraph: say('contact', lang, { name: contact.name ?? say('contact.us', lang) }) });
      out.push({ lines });
    }
  }
  out.push({ paragraph: say('automatic', lang) });
  return out;
}

function textOf(content: Block[]): string {
  return (
    content
      .map((block) => {
        if ('paragraph' in block) return block.paragraph;
        if ('link' in block) return `${block.link[0]}: ${block.link[1]}`;
        return block.lines.map(([label, value]) => `${label}: ${value}`).join('\n');
      })
      .join('\n\n') + '\n'
  );
}

function htmlOf(content: Block[], lang: Language, subject: string): string {
  const paragraph = 'margin:0 0 16px 0;';
  const body = content
    .map((block) => {
      if ('paragraph' in block) {
        const text = escapeHtml(block.paragraph).replace(/\n/g, '<br>');
        return `<p style="${paragraph}">${block.strong ? `<strong>${text}</strong>` : text}</p>`;
      }
      if ('link' in block) {
        const [label, href] = block.link;
        return `<p style="${paragraph}"><a href="${escapeHtml(href)}" style="color:#000091;">${escapeHtml(label)}</a></p>`;
      }
      return `<p style="${paragraph}">${block.lines
        .map(
          ([label, value]) =>
            `${escapeHtml(label)}&nbsp;: <strong>${escapeHtml(value).replace(/\n/g, '<br>')}</strong>`,
        )
        .join('<br>')}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#161616;background:#ffffff;">
<div style="max-width:600px;">
${body}
</div>
</body>
</html>
`;
}

export function mailSubject(payload: MailPayload): string {
  const key = payload.kind === 'received' ? 'received.subject' : 'status.subject';
  return oneLine(
    say(key, payload.lang, { reference: payload.reference, form: payload.form, label: payload.status.label }),
  );
}

export function renderMail(payload: MailPayload, options: { trackingCode?: string; trackerUrl?: string }): MailContent {
  const subject = mailSubject(payload);
  const content = blocks(payload, options.trackingCode, trackerLink(options.trackerUrl, payload.reference));
  return { subject, text: textOf(content), html: htmlOf(content, payload.lang, subject) };
}
