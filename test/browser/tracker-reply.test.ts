/**
 * The citizen answers from the tracker while a request waits for them (issue 20, point 3): with
 * the keyboard only, a message and a document, against the reference endpoint; what assistive
 * technology gets is read from the accessibility tree.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createAdapter, registerAdapter, type StoredRequest } from '@guichet/core';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import type { GuichetReplyEvent } from '../../packages/elements/src/events.js';
import { apiUrl } from '../helpers/admin.js';
import { testEnv } from '../helpers/env.js';
import { axTree, find, focused, textOf } from '../helpers/ax-tree.js';
import { samplePdf, samplePng } from '../helpers/sample-files.js';
import { heardDuring } from '../helpers/live-region.js';
import { chooseFile } from './form-helpers.js';
import { changePhase, createRequest, part, settled, visibleText } from './tracker-fixtures.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };

async function waitingRequest(lang: 'fr' | 'en' = 'fr') {
  const receipt = await createRequest(lang);
  await changePhase(receipt.reference, {
    phase: 'action_required',
    label: 'Photo demandée',
    note: 'Envoyez-nous une photo du trou.',
  });
  return receipt;
}

async function openTracker(reference: string, code: string, lang = 'fr', adapter = 'guichet'): Promise<GuichetTracker> {
  const el = await fixture<GuichetTracker>(
    html`<guichet-tracker endpoint=${apiUrl()} adapter=${adapter} reference=${reference} code=${code} lang=${lang}></guichet-tracker>`,
  );
  await settled(el);
  return el;
}

const root = (el: GuichetTracker) => el.shadowRoot!;
const control = <T extends HTMLElement>(el: GuichetTracker, selector: string) => root(el).querySelector<T>(selector)!;

async function stored(reference: string): Promise<StoredRequest> {
  const response = await fetch(`${apiUrl()}/admin/requests/${reference}`, {
    headers: { Authorization: `Bearer ${testEnv().adminToken}` },
  });
  return (await response.json()) as StoredRequest;
}

/** Tab until the element with `id` in the tracker has focus (at most 20 presses). */
async function tabTo(el: GuichetTracker, selector: string): Promise<void> {
  const target = control(el, selector);
  for (let i = 0; i < 20 && root(el).activeElement !== target; i++) await sendKeys({ press: 'Tab' });
  expect(root(el).activeElement).to.equal(target, `Tab never reached ${selector}`);
}

describe('<guichet-tracker> reply to a request that waits for the citizen', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('guichet:reply:')) localStorage.removeItem(key);
  });

  it('sends a message and a document with the keyboard only; the reply joins the history and reaches the agents', async () => {
    const receipt = await waitingRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    await expect(el).to.be.accessible(wcag);

    const tree = await axTree();
    const heading = find(tree, (node) => node.role === 'heading' && node.name === 'Répondre au service');
    expect(heading?.properties?.level, 'one level under "Une action de votre part est nécessaire" (h3)').to.equal(4);
    const box = find(tree, (node) => node.role === 'textbox' && node.name === 'Votre message');
    expect(box?.description?.replace(/\s+/g, ' ')).to.equal('4000 caractères au plus.');
    expect(find(tree, (node) => node.name === 'Documents (facultatif)' && node.role === 'button')).to.not.equal(
      undefined,
    );

    control<HTMLElement>(el, '[part=title]').focus();
    await tabTo(el, '#reply-message');
    await sendKeys({ type: 'Voici la photo demandée.' });
    chooseFile(control(el, '#reply-files'), samplePng('trou.png'));
    await el.updateComplete;
    expect(visibleText(el, '.reply__files')).to.contain('trou.png');
    await expect(el).to.be.accessible(wcag);

    const replied = oneEvent(el, 'guichet-reply') as Promise<GuichetReplyEvent>;
    await tabTo(el, '[part=reply-button]');
    await sendKeys({ press: 'Enter' });
    const event = await replied;
    expect(event.detail.reply.message).to.equal('Voici la photo demandée.');
    await waitUntil(() => root(el).activeElement === control(el, '[part=reply-sent]'), 'focus on the confirmation');
    const [confirmation] = focused(await axTree()) ?? [];
    expect(
      confirmation ? textOf(confirmation) : '',
      'a reader hears the confirmation when focus lands on it',
    ).to.contain('Votre réponse a été envoyée');
    expect(visibleText(el, '[part=reply-sent]')).to.contain('Votre réponse a été envoyée.');

    const entries = [...root(el).querySelectorAll('[part~=reply-entry]')].map((li) =>
      li.textContent!.replace(/\s+/g, ' '),
    );
    expect(entries).to.have.length(1);
    expect(entries[0]).to.match(/Votre réponse du \d{1,2} \S+/);
    expect(entries[0]).to.contain('Voici la photo demandée.').and.contain('trou.png');
    // The reply is not the current step: the agent's step stays the one marked current.
    expect(visibleText(el, '.timeline__entry--current')).to.contain('Photo demandée');
    expect(control<HTMLTextAreaElement>(el, '#reply-message').value).to.equal('');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('guichet:reply:'))).to.deep.equal([]);
    await expect(el).to.be.accessible(wcag);

    const forAgents = await stored(receipt.reference);
    expect(forAgents.replies).to.have.length(1);
    expect(forAgents.replies![0]!.message).to.equal('Voici la photo demandée.');
    expect(forAgents.replies![0]!.attachments.map((file) => file.name)).to.deep.equal(['trou.png']);
  });

  it('refuses an empty reply before sending anything: the summary takes focus, links to the message, and goes once fixed', async () => {
    const receipt = await waitingRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    control<HTMLButtonElement>(el, '[part=reply-button]').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'reply-errors', 'focus on the error summary');
    expect(visibleText(el, '#reply-errors')).to.contain('Écrivez votre réponse ou joignez un document');
    const textarea = control<HTMLTextAreaElement>(el, '#reply-message');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    const box = find(await axTree(), (node) => node.role === 'textbox' && node.name === 'Votre message');
    expect(box?.description?.replace(/\s+/g, ' ')).to.equal(
      '4000 caractères au plus. Erreur : Écrivez votre réponse ou joignez un document',
    );
    await expect(el).to.be.accessible(wcag);

    // The summary's link leads to the message box.
    control<HTMLAnchorElement>(el, '#reply-errors a').click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(textarea);
    await sendKeys({ type: 'Ok' });
    await el.updateComplete;
    expect(root(el).querySelector('#reply-errors')).to.equal(null);
    expect(textarea.hasAttribute('aria-invalid')).to.equal(false);
    expect((await stored(receipt.reference)).replies ?? []).to.deep.equal([]);
  });

  it('says at once which document cannot go (type, size) and keeps it out of the reply', async () => {
    const receipt = await waitingRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    chooseFile(control(el, '#reply-files'), new File(['plain text'], 'notes.txt', { type: 'text/plain' }));
    await el.updateComplete;
    expect(visibleText(el, '#reply-files-error')).to.equal(
      'Erreur : « notes.txt » doit être un PDF, un PNG ou un JPEG',
    );
    chooseFile(control(el, '#reply-files'), samplePng('immense.png', 11 * 1024 * 1024));
    await el.updateComplete;
    expect(visibleText(el, '#reply-files-error')).to.contain('« immense.png » doit faire 10 Mo au plus');
    expect(root(el).querySelector('.reply__files')).to.equal(null);
    expect(control(el, '#reply-files').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible(wcag);
  });

  it('loses nothing when the answer is lost on the way: the reply is kept, tried again, and stored once', async () => {
    const receipt = await waitingRequest();
    let lost = 0;
    // The network drops the endpoint's answer to the first try: the reply did arrive, the page never knew.
    registerAdapter('answer-lost', (config) =>
      createAdapter('guichet', {
        ...config,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (String(input).endsWith('/replies') && lost++ === 0) throw new TypeError('Failed to fetch');
          return response;
        },
      }),
    );
    const el = await openTracker(receipt.reference, receipt.trackingCode, 'fr', 'answer-lost');
    const textarea = control<HTMLTextAreaElement>(el, '#reply-message');
    textarea.focus();
    await sendKeys({ type: 'Le plan est joint.' });
    chooseFile(control(el, '#reply-files'), samplePdf('plan.pdf'));
    await el.updateComplete;
    control<HTMLButtonElement>(el, '[part=reply-button]').click();

    await waitUntil(() => visibleText(el, '.reply__progress').includes('La connexion a échoué'), 'the retry is said');
    const kept = JSON.parse(localStorage.getItem(`guichet:reply:${receipt.reference}`)!) as {
      message: string;
      uploaded: { name: string }[];
    };
    expect(kept.message).to.equal('Le plan est joint.');
    expect(kept.uploaded.map((file) => file.name)).to.deep.equal(['plan.pdf']);
    expect(JSON.stringify(kept)).to.not.contain(receipt.trackingCode);

    root(el).querySelector<HTMLButtonElement>('.reply__buttons button.secondary')!.click();
    await waitUntil(() => part(el, 'reply-sent'), 'sent after the retry', { timeout: 10_000 });
    const replies = (await stored(receipt.reference)).replies!;
    expect(replies, 'one reply for both tries').to.have.length(1);
    expect(replies[0]!.attachments.map((file) => file.name)).to.deep.equal(['plan.pdf']);
  });

  it('says the failure once while it tries again; "Réessayer maintenant" says its try and keeps the focus', async () => {
    const receipt = await waitingRequest();
    // The real adapter, whose replies fail as a lost connection does until the test lets them
    // through, each try held at a gate the test opens.
    const away = { on: true, tries: 0 };
    let open: () => void = () => {};
    let gate = Promise.resolve();
    registerAdapter('connection-away', (config) => {
      const real = createAdapter('guichet', config);
      return {
        ...real,
        name: 'connection-away',
        async reply(request, options) {
          away.tries++;
          await gate;
          if (away.on) throw new TypeError('Failed to fetch');
          return real.reply!(request, options);
        },
      };
    });
    const el = await openTracker(receipt.reference, receipt.trackingCode, 'fr', 'connection-away');
    control<HTMLTextAreaElement>(el, '#reply-message').focus();
    await sendKeys({ type: 'Voici la photo demandée.' });
    control<HTMLButtonElement>(el, '[part=reply-button]').click();
    await waitUntil(() => visibleText(el, '.reply__progress').includes('La connexion a échoué'), 'the failure is said');
    const status = control(el, '.reply__progress');
    const failure = status.textContent!.trim();
    expect(failure).to.equal('La connexion a échoué. Votre réponse est gardée sur cet appareil.');
    expect(visibleText(el, '.reply__next-try')).to.match(/^Nouvel essai dans \d+[\s\u00a0]s\.$/);

    // Two tries on their own: nothing new in the status region.
    const before = away.tries;
    const heard = await heardDuring(status, async () => {
      await waitUntil(() => away.tries >= before + 2, 'two tries on their own', { timeout: 15_000 });
      await el.updateComplete;
    });
    expect(heard, 'the status region changed during automatic tries').to.deep.equal([]);

    // The citizen's own try: said at once, the button stays with the focus, inert.
    gate = new Promise((resolve) => (open = resolve));
    const retry = control<HTMLButtonElement>(el, '.reply__buttons button.secondary');
    retry.focus();
    retry.click();
    await el.updateComplete;
    expect(status.textContent!.trim()).to.equal('Envoi de votre réponse…');
    expect(retry.isConnected).to.equal(true);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(root(el).activeElement).to.equal(retry);
    await expect(el).to.be.accessible(wcag);

    // It fails: said again; then the connection is back and the next try sends the reply once.
    open();
    await waitUntil(() => status.textContent!.trim() === failure, 'the failure said again');
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
    expect(root(el).activeElement).to.equal(retry);
    away.on = false;
    retry.click();
    await waitUntil(() => part(el, 'reply-sent'), 'sent once the connection is back', { timeout: 10_000 });
    expect((await stored(receipt.reference)).replies!.map((reply) => reply.message)).to.deep.equal([
      'Voici la photo demandée.',
    ]);
  });

  it('keeps what was typed when the page is closed, for the same request only', async () => {
    const receipt = await waitingRequest();
    const first = await openTracker(receipt.reference, receipt.trackingCode);
    control<HTMLTextAreaElement>(first, '#reply-message').focus();
    await sendKeys({ type: 'Je reviens plus tard' });
    first.remove();
    const again = await openTracker(receipt.reference, receipt.trackingCode);
    expect(control<HTMLTextAreaElement>(again, '#reply-message').value).to.equal('Je reviens plus tard');

    const other = await waitingRequest();
    const elsewhere = await openTracker(other.reference, other.trackingCode);
    expect(control<HTMLTextAreaElement>(elsewhere, '#reply-message').value).to.equal('');
  });

  it('tells the citizen when the service moved on before the reply arrived, and keeps the message', async () => {
    const receipt = await waitingRequest();
    const el = await openTracker(receipt.reference, receipt.trackingCode);
    control<HTMLTextAreaElement>(el, '#reply-message').focus();
    await sendKeys({ type: 'Trop tard ?' });
    await changePhase(receipt.reference, { phase: 'in_progress', label: 'Dossier complet' });
    control<HTMLButtonElement>(el, '[part=reply-button]').click();
    await waitUntil(() => root(el).querySelector('.reply__failed'), 'the refusal is said');
    expect(root(el).querySelector('.reply__failed')!.getAttribute('role')).to.equal('alert');
    expect(visibleText(el, '.reply__failed')).to.contain('Le service n’attend plus de réponse');
    expect(control<HTMLTextAreaElement>(el, '#reply-message').value).to.equal('Trop tard ?');
    await expect(el).to.be.accessible(wcag);

    root(el).querySelector<HTMLButtonElement>('.reply__failed button')!.click();
    await waitUntil(() => part(el, 'title')?.textContent === 'Dossier complet', 'the new step shows');
    expect(root(el).querySelector('[part=reply]')).to.equal(null);
  });

  it('speaks English in an English page, and offers no reply while nothing is asked of the citizen', async () => {
    const receipt = await waitingRequest('en');
    const el = await openTracker(receipt.reference, receipt.trackingCode, 'en');
    expect(visibleText(el, '.reply__title')).to.equal('Reply to the service');
    expect(visibleText(el, '[part=reply-button]')).to.equal('Send my reply');
    expect(root(el).querySelector('[part=reply]')!.closest('[lang]')!.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible(wcag);

    const received = await createRequest();
    const calm = await openTracker(received.reference, received.trackingCode);
    expect(root(calm).querySelector('[part=reply]')).to.equal(null);
  });
});
