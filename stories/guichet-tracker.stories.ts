import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { GuichetTracker } from '../packages/elements/src/tracker/guichet-tracker.js';
import { referenceFor, storyEndpoint, trackingCode } from './support/adapters.js';
import { until } from './support/drive.js';

interface TrackerArgs {
  endpoint?: string;
  reference?: string;
  code?: string;
  adapter?: string;
  refresh?: number;
}

/** Waits for the tracker to show its answer, its error or its look-up form. */
async function settled(canvas: HTMLElement): Promise<GuichetTracker> {
  const tracker = canvas.querySelector('guichet-tracker')!;
  await until(
    () => tracker.shadowRoot?.querySelector('[part~="status"], [part~="error"], [part~="lookup"]'),
    'the tracker answering',
  );
  await tracker.updateComplete;
  return tracker;
}

/**
 * Where a request stands. The answers come from adapters registered with `registerAdapter`
 * (stories/support/adapters.ts): each reference below is a request in one phase.
 */
const meta: Meta<TrackerArgs> = {
  title: 'Tracker/States',
  component: 'guichet-tracker',
  tags: ['autodocs'],
  render: (args) =>
    html`<guichet-tracker
      endpoint=${ifDefined(args.endpoint)}
      reference=${ifDefined(args.reference)}
      code=${ifDefined(args.code)}
      adapter=${ifDefined(args.adapter)}
      refresh=${ifDefined(args.refresh)}
    ></guichet-tracker>`,
  args: { endpoint: storyEndpoint, adapter: 'storybook', code: trackingCode },
  argTypes: {
    reference: { control: 'select', options: [...Object.values(referenceFor), 'VOI-2026-999999'] },
    adapter: {
      control: 'select',
      options: [
        'storybook',
        'storybook-pending',
        'storybook-offline',
        'storybook-server-error',
        'storybook-rate-limited',
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
  },
};
export default meta;

type Story = StoryObj<TrackerArgs>;

export const Received: Story = { args: { reference: referenceFor.received } };
export const InProgress: Story = { args: { reference: referenceFor.in_progress } };
/** The service waits for the citizen: its note, and the reply form (a message, documents). */
export const ActionRequired: Story = { args: { reference: referenceFor.action_required } };

/** The reply form sent empty: its error summary, and the message box marked. */
export const ReplyErrors: Story = {
  args: { reference: referenceFor.action_required },
  play: async ({ canvasElement }) => {
    const tracker = await settled(canvasElement);
    tracker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await until(() => tracker.shadowRoot!.querySelector('#reply-errors'), 'the reply errors');
    await tracker.updateComplete;
  },
};

/** A reply sent with a document: the confirmation, and the reply in the history. */
export const ReplySent: Story = {
  args: { reference: referenceFor.action_required },
  play: async ({ canvasElement }) => {
    const tracker = await settled(canvasElement);
    const root = tracker.shadowRoot!;
    const message = root.querySelector<HTMLTextAreaElement>('#reply-message')!;
    message.value = 'Voici une photo plus nette, prise ce matin.';
    message.dispatchEvent(new Event('input'));
    const files = new DataTransfer();
    files.items.add(new File(['%PDF-1.4'], 'photo-nid-de-poule.pdf', { type: 'application/pdf' }));
    const input = root.querySelector<HTMLInputElement>('#reply-files')!;
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await tracker.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="reply-button"]')!.click();
    await until(() => root.querySelector('[part~="reply-sent"]'), 'the reply sent');
    await tracker.updateComplete;
  },
};
export const Completed: Story = { args: { reference: referenceFor.completed } };
export const Rejected: Story = { args: { reference: referenceFor.rejected } };
export const Cancelled: Story = { args: { reference: referenceFor.cancelled } };

/** A wrong reference or code (never told apart, so a code cannot be guessed). */
export const NotFound: Story = { args: { reference: 'VOI-2026-999999' } };

/** The back office has not answered yet. */
export const Loading: Story = {
  args: { reference: referenceFor.received, adapter: 'storybook-pending' },
  play: async ({ canvasElement }) => {
    const tracker = canvasElement.querySelector('guichet-tracker')!;
    await until(() => tracker.shadowRoot?.querySelector('[part~="loading"]'), 'the loading message');
  },
};

/** No network. */
export const Offline: Story = { args: { reference: referenceFor.received, adapter: 'storybook-offline' } };

/** The back office is down. */
export const ServerError: Story = { args: { reference: referenceFor.received, adapter: 'storybook-server-error' } };

/** Too many look-ups: how long to wait. */
export const RateLimited: Story = { args: { reference: referenceFor.received, adapter: 'storybook-rate-limited' } };

/** Without `reference` and `code`: the look-up form. */
export const LookupForm: Story = { args: { code: undefined } };

/** With `adapter="open311"`: the look-up asks for the request number only (Open311 has no tracking code). */
export const Open311LookupForm: Story = {
  name: 'Open311 lookup form',
  args: { adapter: 'open311', endpoint: 'https://open311.montfleury.example/v2', code: undefined },
};

/** The look-up form sent empty: its error summary and the message at each field. */
export const LookupErrors: Story = {
  args: { code: undefined },
  play: async ({ canvasElement }) => {
    const tracker = await settled(canvasElement);
    tracker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="lookup"] button[type="submit"]')!.click();
    await until(() => tracker.shadowRoot!.querySelector('[part~="error-summary"]'), 'the look-up errors');
    await tracker.updateComplete;
  },
};
