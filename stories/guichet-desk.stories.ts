import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/guichet-desk.js';
import type { GuichetDesk } from '../packages/elements/src/desk/guichet-desk.js';
import { deskEndpoint, deskToken } from './support/desk-backend.js';
import { until } from './support/drive.js';

function deskIn(canvas: HTMLElement): GuichetDesk {
  return canvas.querySelector('guichet-desk')!;
}

const shadow = (desk: GuichetDesk) => desk.shadowRoot!;

/** Types `value` in the input `selector` as an agent would, then submits its form. */
async function fillAndSubmit(desk: GuichetDesk, selector: string, value: string): Promise<void> {
  const input = await until(() => shadow(desk).querySelector<HTMLInputElement>(selector), selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.form!.requestSubmit();
}

async function signedIn(canvas: HTMLElement, token = deskToken): Promise<GuichetDesk> {
  const desk = deskIn(canvas);
  await fillAndSubmit(desk, '#token', token);
  await until(() => shadow(desk).querySelector('[part~="inbox-row"], [part~="empty"], .problem'), 'the inbox');
  await desk.updateComplete;
  return desk;
}

async function searched(canvas: HTMLElement, words: string): Promise<GuichetDesk> {
  const desk = await signedIn(canvas);
  await fillAndSubmit(desk, '#filter-q', words);
  await until(
    () =>
      shadow(desk).querySelectorAll('[part~="inbox-row"]').length === 1 ||
      shadow(desk).querySelector('[part~="empty"]'),
    'the filtered inbox',
  );
  await desk.updateComplete;
  return desk;
}

/**
 * The agents' workspace. Its back office here is a canned one in the page
 * (stories/support/desk-backend.ts): the token `gat_storybook_montfleury` signs in.
 */
const meta: Meta = {
  title: 'Desk/States',
  component: 'guichet-desk',
  tags: ['autodocs'],
  render: () => html`<guichet-desk endpoint=${deskEndpoint}></guichet-desk>`,
};
export default meta;

type Story = StoryObj;

/** Before anything: the sign-in form (an agent's token; OpenID Connect when the endpoint offers it). */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    await until(() => shadow(deskIn(canvasElement)).querySelector('#token'), 'the sign-in form');
  },
};

/** The sign-in form sent empty. */
export const SignInError: Story = {
  play: async ({ canvasElement }) => {
    const desk = deskIn(canvasElement);
    await fillAndSubmit(desk, '#token', '');
    await until(() => shadow(desk).querySelector('#token[aria-invalid="true"]'), 'the token error');
  },
};

/** A token the endpoint refuses (revoked, mistyped), said at the field. */
export const TokenRefused: Story = {
  play: async ({ canvasElement }) => {
    const desk = deskIn(canvasElement);
    await fillAndSubmit(desk, '#token', 'gat_revoked_token');
    await until(() => shadow(desk).querySelector('#token[aria-invalid="true"]'), 'the refusal');
  },
};

/** The tab kept a token the administrator has revoked since: the session is over, nothing is lost. */
export const ExpiredSession: Story = {
  render: () => {
    sessionStorage.setItem('guichet-desk-token', 'gat_revoked_token');
    return html`<guichet-desk endpoint=${deskEndpoint}></guichet-desk>`;
  },
  play: async ({ canvasElement }) => {
    const desk = deskIn(canvasElement);
    await until(() => shadow(desk).querySelector('.notice'), 'the expired-session notice');
  },
};

/** Signed in: the inbox, newest first; the first request has a reply from the citizen. */
export const Inbox: Story = {
  play: async ({ canvasElement }) => {
    await signedIn(canvasElement);
  },
};

/** A word of the answers finds its request. */
export const Filtered: Story = {
  play: async ({ canvasElement }) => {
    await searched(canvasElement, 'lampadaire');
  },
};

/** No request matches the filters. */
export const EmptyInbox: Story = {
  play: async ({ canvasElement }) => {
    await searched(canvasElement, 'trottinette');
  },
};

/** One request: its answers, its photo, the citizen's reply with a file, the history and the mails (one failed). */
export const ARequest: Story = {
  name: 'A request with a reply and attachments',
  play: async ({ canvasElement }) => {
    const desk = await signedIn(canvasElement);
    shadow(desk).querySelector<HTMLButtonElement>('[data-reference="VOI-2026-000131"]')!.click();
    await until(() => shadow(desk).querySelector('[part~="replies"]'), 'the request');
    await desk.updateComplete;
  },
};

/** The filtered list exported as CSV: the desk says the file was downloaded. */
export const CsvExport: Story = {
  name: 'CSV export',
  play: async ({ canvasElement }) => {
    const desk = await signedIn(canvasElement);
    shadow(desk).querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    await until(
      () => /Export|demandes-/.test(shadow(desk).querySelector('[role="status"]')?.textContent ?? ''),
      'the export',
    );
  },
};
