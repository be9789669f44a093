/**
 * <guichet-desk> against the real endpoint: an agent signs in with a named agent's token, finds a
 * request by a word of its answers, opens it, downloads its attachment, moves it to
 * action_required with a note by keyboard only, exports the list as CSV, and is signed out the
 * moment the admin revokes the token. axe in every state, fr and en, 320 px, text only.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { StoredRequest } from '@guichet/core';
import '../../packages/elements/src/guichet-desk.js';
import type { GuichetDesk } from '../../packages/elements/src/desk/guichet-desk.js';
import { apiUrl, submitAnswers } from '../helpers/admin.js';
import { testEnv } from '../helpers/env.js';
import { samplePng } from '../helpers/sample-files.js';

const wcag = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } };
const formId = 'signalement-voirie';
const admin = () => ({ Authorization: `Bearer ${testEnv().adminToken}` });

async function newAgent(name: string): Promise<{ id: string; token: string }> {
  const response = await fetch(`${apiUrl()}/admin/agents`, {
    method: 'POST',
    headers: { ...admin(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (response.status !== 201) throw new Error(`agent: HTTP ${response.status}`);
  return (await response.json()) as { id: string; token: string };
}

async function revoke(id: string): Promise<void> {
  const response = await fetch(`${apiUrl()}/admin/agents/${id}`, { method: 'DELETE', headers: admin() });
  if (!response.ok) throw new Error(`revoke: HTTP ${response.status}`);
}

/** A request of the street-problem form whose description holds `words`, with a photo. */
async function newRequest(
  words: string,
  lang: 'fr' | 'en' = 'fr',
  more: Record<string, unknown> = {},
): Promise<StoredRequest & { trackingCode: string }> {
  const upload = new FormData();
  upload.append('field', 'photo');
  upload.append('file', samplePng('trou-chaussée.png', 64));
  const uploaded = await fetch(`${apiUrl()}/forms/${formId}/attachments`, { method: 'POST', body: upload });
  if (!uploaded.ok) throw new Error(`upload: HTTP ${uploaded.status} ${await uploaded.text()}`);
  const attachment = (await uploaded.json()) as { id: string };
  return submitAnswers<StoredRequest & { trackingCode: string }>(
    formId,
    {
      category: 'eclairage',
      description: words,
      photo: attachment.id,
      address: '=HYPERLINK("http://evil.example") place du Marché',
      consent: true,
      ...more,
    },
    lang,
  );
}

const root = (el: GuichetDesk) => el.shadowRoot!;
const text = (el: GuichetDesk, selector = '.desk') =>
  (root(el).querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(lang: 'fr' | 'en' = 'fr'): Promise<GuichetDesk> {
  sessionStorage.clear();
  const el = await fixture<GuichetDesk>(html`<guichet-desk endpoint=${apiUrl()} lang=${lang}></guichet-desk>`);
  await el.updateComplete;
  return el;
}

/** Types into the focused control, then presses Enter: a keyboard-only agent. */
async function typeAndEnter(input: HTMLElement, value: string): Promise<void> {
  input.focus();
  await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
}

async function signIn(el: GuichetDesk, token: string): Promise<void> {
  await typeAndEnter(root(el).querySelector<HTMLInputElement>('#token')!, token);
  await waitUntil(() => root(el).querySelector('[part=inbox] table, [part=empty]'), 'the inbox never showed', {
    timeout: 10_000,
  });
}

/** Searches the answers for `words` and waits until the list is the one request they find. */
async function search(el: GuichetDesk, words: string, reference: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#filter-q')!;
  input.select();
  await typeAndEnter(input, words);
  await waitUntil(
    () => {
      const rows = root(el).querySelectorAll('[part=inbox-row]');
      return rows.length === 1 && rows[0]!.textContent!.includes(reference);
    },
    `the search for ${words} never showed ${reference} alone`,
    { timeout: 10_000 },
  );
  await el.updateComplete;
}

/** Catches the file the desk hands to the browser (a download link clicked once), as bytes. */
function nextDownload(): Promise<{ name: string; bytes: Uint8Array }> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(async (records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLAnchorElement && node.download) {
            observer.disconnect();
            const bytes = new Uint8Array(await (await fetch(node.href)).arrayBuffer());
            resolve({ name: node.download, bytes });
          }
        }
      }
    });
    observer.observe(document.body, { childList: true });
  });
}

describe('<guichet-desk> with the reference endpoint', function () {
  // Real HTTP to the endpoint and axe in each state: more than the default 20 s under load.
  this.timeout(60_000);

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    sessionStorage.clear();
  });

  it('signs in with an agent token, finds a request by a word, opens it, downloads, changes its step by keyboard', async () => {
    const marker = `lampadaire${Math.random().toString(36).slice(2, 10)}`;
    const agent = await newAgent('Léa Dupont');
    const receipt = await newRequest(`Le ${marker} de la place clignote <img src=x onerror=alert(1)>`);
    const el = await mount();

    await expect(el).shadowDom.to.be.accessible(wcag);
    await signIn(el, agent.token);
    await expect(el).shadowDom.to.be.accessible(wcag);

    await search(el, marker.toUpperCase(), receipt.reference);
    const rows = root(el).querySelectorAll('[part=inbox-row]');
    expect(rows).to.have.length(1);
    expect(rows[0]!.textContent).to.contain(receipt.reference).and.contain('Reçue');
    await expect(el).shadowDom.to.be.accessible(wcag);

    // Open it with the keyboard: the reference is a button.
    root(el).querySelector<HTMLButtonElement>(`[data-reference="${receipt.reference}"]`)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('[part=request]'), 'the request never opened');
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('request-title');
    const answers = text(el, '[part=answers]');
    expect(answers).to.contain('Quel est le problème ?').and.contain('Un lampadaire éteint ou qui clignote');
    // What the citizen typed is text, never markup.
    expect(answers).to.contain('<img src=x onerror=alert(1)>');
    expect(root(el).querySelector('[part=answers] img')).to.equal(null);
    expect(answers).to.contain('trou-chaussée.png');
    await expect(el).shadowDom.to.be.accessible(wcag);

    const download = nextDownload();
    const button = [...root(el).querySelectorAll<HTMLButtonElement>('[part=attachments] button')][0]!;
    expect(button.textContent).to.contain('Télécharger trou-chaussée.png');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const file = await download;
    expect(file.name).to.equal('trou-chaussée.png');
    expect([...file.bytes.slice(0, 4)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);

    // Keyboard only: arrow to the phase, tab to the note, type, Enter on Save.
    root(el).querySelector<HTMLInputElement>('#phase-action_required')!.focus();
    await sendKeys({ press: 'Space' });
    root(el).querySelector<HTMLTextAreaElement>('#status-note')!.focus();
    await sendKeys({ type: 'Merci de joindre une photo du lampadaire.' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Enregistrer');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el, '[part=current-phase]').includes('En attente'), 'the step never changed', {
      timeout: 10_000,
    });
    expect(text(el, '[part=history]'))
      .to.contain('Merci de joindre une photo du lampadaire.')
      .and.contain('par Léa Dupont');
    await expect(el).shadowDom.to.be.accessible(wcag);

    // The citizen sees the authority, not the agent; the audit names the agent.
    const status = await (
      await fetch(`${apiUrl()}/requests/${receipt.reference}?code=${encodeURIComponent(receipt.trackingCode)}`)
    ).text();
    expect(status).to.contain('action_required').and.not.contain('Léa');
    const audit = (await (
      await fetch(`${apiUrl()}/admin/audit?reference=${receipt.reference}`, { headers: admin() })
    ).json()) as { action: string; actor: { name: string } }[];
    expect(audit.map((entry) => `${entry.action} ${entry.actor.name}`)).to.deep.equal([
      'status.changed Léa Dupont',
      'attachment.downloaded Léa Dupont',
    ]);
  });

  it("sees the citizen's reply arrive with its file, and the mails sent about the request", async () => {
    const marker = `banc${Math.random().toString(36).slice(2, 10)}`;
    const agent = await newAgent('Inès Roux');
    const receipt = await newRequest(`Le ${marker} est cassé`, 'fr', { email: 'ines.citoyenne@example.fr' });
    const moved = await fetch(`${apiUrl()}/admin/requests/${receipt.reference}/status`, {
      method: 'POST',
      headers: { ...admin(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ phase: 'action_required', note: 'Envoyez une photo du banc.' }),
    });
    expect(moved.status).to.equal(200);
    // The citizen answers from the tracker: a file, then the reply naming it.
    const citizen = { 'X-Guichet-Tracking-Code': receipt.trackingCode };
    const file = new FormData();
    file.append('file', samplePng('banc.png', 32));
    const uploaded = await fetch(`${apiUrl()}/requests/${receipt.reference}/attachments`, {
      method: 'POST',
      headers: citizen,
      body: file,
    });
    expect(uploaded.status).to.equal(201);
    const replied = await fetch(`${apiUrl()}/requests/${receipt.reference}/replies`, {
      method: 'POST',
      headers: { ...citizen, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        message: 'Voici la photo <b>demandée</b>.',
        attachments: [((await uploaded.json()) as { id: string }).id],
      }),
    });
    expect(replied.status).to.equal(201);

    const el = await mount();
    await signIn(el, agent.token);
    await search(el, marker, receipt.reference);
    const row = root(el).querySelector('[part=inbox-row]')!;
    expect(row.querySelector('[part=replied]')?.textContent).to.equal('Réponse reçue');
    await expect(el).shadowDom.to.be.accessible(wcag);

    root(el).querySelector<HTMLButtonElement>(`[data-reference="${receipt.reference}"]`)!.click();
    await waitUntil(() => root(el).querySelector('[part=replies]'), 'the request never opened');
    const replies = text(el, '[part=replies]');
    expect(replies).to.contain('Réponse du').and.contain('Voici la photo <b>demandée</b>.');
    expect(root(el).querySelector('[part=replies] b')).to.equal(null);
    const download = nextDownload();
    root(el).querySelector<HTMLButtonElement>('[part=replies] button')!.click();
    const photo = await download;
    expect(photo.name).to.equal('banc.png');
    expect([...photo.bytes.slice(0, 4)]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);

    // The receipt and the change of step were mailed to the citizen (npm start's endpoint writes them as files).
    const mails = [...root(el).querySelectorAll('[part=notification]')].map((item) =>
      (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(mails.filter((mail) => mail.includes('Courriel à ines.citoyenne@example.fr'))).to.have.length(2);
    expect(mails.some((mail) => mail.includes(`Demande ${receipt.reference} reçue`))).to.equal(true);
    await expect(el).shadowDom.to.be.accessible(wcag);
  });

  it('exports the filtered list as CSV with a BOM, its answers and formulas neutralised', async () => {
    const marker = `export${Math.random().toString(36).slice(2, 10)}`;
    const agent = await newAgent('Marc Petit');
    const receipt = await newRequest(`Signalé par ${marker} près de l'école`);
    const el = await mount();
    await signIn(el, agent.token);
    await search(el, marker, receipt.reference);
    const download = nextDownload();
    root(el).querySelector<HTMLButtonElement>('[part=export-button]')!.click();
    const file = await download;
    expect(file.name).to.match(/^demandes-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(file.bytes.slice(3));
    const [header, row, end] = csv.split('\r\n');
    expect(header!.split(';').slice(0, 3)).to.deep.equal(['reference', 'formId', 'formTitle']);
    expect(header).to.contain('description').and.contain('address');
    expect(row).to.contain(receipt.reference).and.contain(`Signalé par ${marker} près de l'école`);
    expect(row).to.contain(`'=HYPERLINK(`);
    expect(end).to.equal('');
  });

  it('a revoked token ends the session at once: the agent is told and signs in again', async () => {
    const agent = await newAgent('Zoé Martin');
    const el = await mount();
    await signIn(el, agent.token);
    await revoke(agent.id);
    root(el).querySelector<HTMLButtonElement>('.filters button[type=submit]')!.click();
    await waitUntil(() => root(el).querySelector('[part=sign-in]'), 'the desk did not sign out', { timeout: 10_000 });
    expect(text(el)).to.contain('Votre session a expiré');
    expect(sessionStorage.getItem('guichet-desk-token')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible(wcag);

    await typeAndEnter(root(el).querySelector<HTMLInputElement>('#token')!, agent.token);
    await waitUntil(() => text(el).includes('n’est pas valide'), 'the revoked token was not refused');
    const input = root(el).querySelector<HTMLInputElement>('#token')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(input);
    await expect(el).shadowDom.to.be.accessible(wcag);
  });

  it('an empty token is refused in place; signing out forgets the token', async () => {
    const agent = await newAgent('Ana Lima');
    const el = await mount('en');
    root(el).querySelector<HTMLButtonElement>('[part=sign-in] button')!.click();
    await el.updateComplete;
    await nextFrame();
    expect(text(el, '[part=sign-in]')).to.contain('Paste your access token');
    await expect(el).shadowDom.to.be.accessible(wcag);
    await signIn(el, agent.token);
    expect(sessionStorage.getItem('guichet-desk-token')).to.equal(agent.token);
    expect(text(el, '[part=inbox]')).to.contain('Requests received').and.contain('Filter the requests');
    [...root(el).querySelectorAll<HTMLButtonElement>('.desk__header button')][0]!.click();
    await el.updateComplete;
    expect(text(el)).to.contain('You are signed out.');
    expect(sessionStorage.getItem('guichet-desk-token')).to.equal(null);
  });

  it('an empty result says so; at 320 px nothing but the table scrolls sideways', async () => {
    const agent = await newAgent('Noé Bernard');
    await newRequest('Un banc cassé près de la fontaine');
    const el = await mount();
    await setViewport({ width: 320, height: 640 });
    await signIn(el, agent.token);
    const overflow = () =>
      [...root(el).querySelectorAll<HTMLElement>('.desk *')].filter(
        (node) => !node.closest('.table-wrap') && node.getBoundingClientRect().right > 321,
      );
    expect(overflow()).to.deep.equal([]);
    const input = root(el).querySelector<HTMLInputElement>('#filter-q')!;
    await typeAndEnter(input, 'introuvable-zzz');
    await waitUntil(() => root(el).querySelector('[part=empty]'), 'no empty message');
    expect(text(el, '[part=empty]')).to.equal('Aucune demande ne correspond.');
    await expect(el).shadowDom.to.be.accessible(wcag);
    expect(overflow()).to.deep.equal([]);
  });
});
