/**
 * Hostile text in every slot a definition, a server or an agent fills: each payload renders as
 * text and nothing runs (window.alert and a global flag are hooked; no element, event-handler
 * attribute or javascript: URL comes out of it).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { EndpointError, registerAdapter, type Adapter } from '@guichet/core';
import '../../packages/elements/src/index.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import { apiUrl } from '../helpers/admin.js';
import { changePhase, createRequest } from './tracker-fixtures.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const { payloads } = (await (await fetch('/test/fixtures/xss/payloads.json')).json()) as { payloads: string[] };
const at = (i: number) => payloads[i % payloads.length]!;
let alerts = 0;

/** Every element under `root`, through open shadow roots. */
function allElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

/** Nothing ran, and nothing that could run later was created from a payload. */
function expectInert(host: Element): void {
  expect(window.__xss, 'a payload ran').to.equal(undefined);
  expect(alerts, 'alert() was called').to.equal(0);
  for (const element of allElements(host.shadowRoot!)) {
    expect(
      ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG', 'VIDEO', 'META', 'BASE', 'STYLE', 'MATH', 'TEMPLATE'],
      `a <${element.localName}> came out of a payload`,
    ).not.to.include(element.tagName);
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.localName}[${attribute}]`).to.equal(false);
      const value = element.getAttribute(attribute) ?? '';
      if (['href', 'src', 'action', 'formaction', 'data'].includes(attribute)) {
        expect(
          /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\t\n\r]/g, '')),
          `${element.localName}[${attribute}="${value}"]`,
        ).to.equal(false);
      }
    }
  }
}

/** The text a reader gets, for checking that payloads are shown as they were written. */
const textOf = (host: Element) =>
  allElements(host.shadowRoot!)
    .map((e) => (e.shadowRoot ? '' : (e.textContent ?? '')))
    .join('\n');

function hostileDefinition(id: string) {
  const fields = Array.from({ length: payloads.length }, (_, i) => `q${i}`);
  return {
    id,
    version: '1.0.0',
    title: at(0),
    description: at(1),
    schema: {
      type: 'object',
      properties: {
        ...Object.fromEntries(
          fields.map((name, i) => [name, { type: 'string', title: at(i), description: at(i + 1) }]),
        ),
        choice: { type: 'string', title: at(3), oneOf: payloads.map((p, i) => ({ const: `c${i}`, title: p })) },
        pick: {
          type: 'string',
          title: at(4),
          oneOf: payloads.slice(0, 8).map((p, i) => ({ const: `p${i}`, title: p })),
        },
        many: {
          type: 'array',
          title: at(5),
          items: { type: 'string', oneOf: payloads.slice(8, 16).map((p, i) => ({ const: `m${i}`, title: p })) },
          uniqueItems: true,
        },
      },
    },
    ui: {
      steps: [{ title: at(6), description: at(7), fields: [...fields, 'choice', 'pick', 'many'] }],
      fields: {
        pick: { widget: 'radio' },
        many: { widget: 'checkboxes' },
        q0: { placeholder: at(8), help: at(9) },
      },
    },
    contact: {
      name: at(10),
      phone: at(11),
      address: at(12),
      openingHours: at(13),
      email: 'mairie@example.fr',
      url: 'https://example.fr/contact',
    },
  };
}

describe('hostile text renders as text and never runs', () => {
  beforeEach(() => {
    window.__xss = undefined;
    alerts = 0;
    window.alert = () => {
      alerts++;
    };
  });

  it('in a definition: titles, descriptions, hints, help, placeholders, choice labels, steps, contact; and in the answers on the summary', async () => {
    const definition = hostileDefinition('xss-definition');
    const data = Object.fromEntries(payloads.map((p, i) => [`q${i}`, p]));
    const form = await fixture<GuichetForm>(
      html`<guichet-form draft="none" .definition=${definition} .data=${data}></guichet-form>`,
    );
    await waitUntil(() => form.shadowRoot!.querySelector('form'), 'the form rendered');
    const text = textOf(form);
    for (const payload of payloads) expect(text, payload).to.include(payload);
    expectInert(form);

    form.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await waitUntil(() => form.shadowRoot!.querySelector('.summary'), 'the summary');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(textOf(form)).to.include(at(2));
    expectInert(form);
  });

  it('in what a server answers: field errors and a refusal message', async () => {
    let calls = 0;
    const hostileServer: Adapter = {
      name: 'xss-server',
      async submit() {
        calls++;
        if (calls === 1) {
          throw new EndpointError('validation', at(20), {
            status: 422,
            fieldErrors: payloads
              .slice(0, 10)
              .map((message, i) => ({ pointer: `/q${i}`, code: 'server', message: `Erreur ${i} : ${message}` })),
          });
        }
        throw new EndpointError('rejected', at(21), { status: 400, code: at(22) });
      },
      async status() {
        throw new EndpointError('not-found', at(23), { status: 404 });
      },
    };
    registerAdapter('xss-server', () => hostileServer);
    const definition = hostileDefinition('xss-server');
    const data = Object.fromEntries(payloads.map((p, i) => [`q${i}`, `réponse ${i}`]));
    const form = await fixture<GuichetForm>(
      html`<guichet-form draft="none" adapter="xss-server" endpoint="https://gru.example/api" .definition=${definition} .data=${data}></guichet-form>`,
    );
    await waitUntil(() => form.shadowRoot!.querySelector('form'), 'the form rendered');
    const submit = () => form.shadowRoot!.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    submit();
    await waitUntil(() => form.shadowRoot!.querySelector('.summary'), 'the summary');
    submit();
    await waitUntil(() => calls === 1 && textOf(form).includes(`Erreur 0 : ${at(0)}`), 'the server’s field errors');
    payloads.slice(0, 10).forEach((message, i) => expect(textOf(form)).to.include(`Erreur ${i} : ${message}`));
    expectInert(form);

    submit();
    await waitUntil(() => form.shadowRoot!.querySelector('.summary'), 'the summary again');
    submit();
    await waitUntil(() => calls === 2 && textOf(form).includes(at(21)), 'the refusal, shown');
    expectInert(form);
  });

  it('a contact link that is not a web page never becomes a link, where a page sets the contact itself', async () => {
    const links = (tracker: GuichetTracker) => [...tracker.shadowRoot!.querySelectorAll('[part~="contact"] a')];
    const contactOf = async (url: string) => {
      const tracker = await fixture<GuichetTracker>(
        html`<guichet-tracker endpoint=${apiUrl()} .contact=${{ name: 'Mairie', url }}></guichet-tracker>`,
      );
      await waitUntil(() => tracker.shadowRoot!.querySelector('[part~="contact"]'), 'the contact block');
      return tracker;
    };
    for (const url of [
      'javascript:window.__xss = 1',
      ' JavaScript:window.__xss = 1',
      'data:text/html,<script>window.__xss = 1</script>',
      'vbscript:msgbox(1)',
      '//evil.example/contact',
    ]) {
      const tracker = await contactOf(url);
      expect(links(tracker), url).to.have.length(0);
      expectInert(tracker);
    }
    const web = await contactOf('https://mairie.example/contact');
    expect(links(web).map((a) => a.getAttribute('href'))).to.deep.equal(['https://mairie.example/contact']);
  });

  it('in what an agent writes: status labels and notes, through the real endpoint', async () => {
    const receipt = await createRequest('fr');
    for (let i = 0; i < 6; i++) {
      await changePhase(receipt.reference, {
        phase: i % 2 ? 'action_required' : 'in_progress',
        label: at(24 + i),
        note: at(30 + i),
      });
    }
    const tracker = await fixture<GuichetTracker>(
      html`<guichet-tracker endpoint=${apiUrl()} reference=${receipt.reference} code=${receipt.trackingCode}></guichet-tracker>`,
    );
    await waitUntil(() => textOf(tracker).includes(at(35)), 'the history with the notes', { timeout: 10_000 });
    const text = textOf(tracker);
    for (let i = 0; i < 6; i++) {
      expect(text).to.include(at(24 + i));
      expect(text).to.include(at(30 + i));
    }
    expectInert(tracker);
  });
});
