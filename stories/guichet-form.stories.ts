import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { saveDraft } from '@guichet/core';
import signalement from '../schemas/forms/signalement-voirie.json';
import samples from '../test/fixtures/forms-data/signalement-voirie.json';
import { storyEndpoint } from './support/adapters.js';
import { brokenDefinition } from './support/definitions.js';
import {
  contactBlocks,
  expectingWebTeamMessage,
  formIn,
  goToSummary,
  pressContinue,
  pressSend,
  rendered,
  until,
} from './support/drive.js';
import { renderForm, type FormArgs } from './support/render.js';

const answers = samples.valid[1] as Record<string, unknown>;

const meta: Meta<FormArgs> = {
  title: 'Form/States',
  component: 'guichet-form',
  tags: ['autodocs'],
  render: renderForm,
  args: { definition: signalement, endpoint: storyEndpoint, adapter: 'storybook', draft: 'none' },
  argTypes: {
    adapter: {
      control: 'select',
      options: [
        'storybook',
        'storybook-pending',
        'storybook-offline',
        'storybook-offline-then-pending',
        'storybook-server-error',
        'storybook-invalid',
        'storybook-refused',
        'storybook-misconfigured',
        'storybook-unconfirmed',
        'guichet',
        'open311',
      ],
    },
    channel: { control: 'select', options: ['web', 'counter', 'phone', 'mail'] },
    draft: { control: 'inline-radio', options: ['local', 'none'] },
    draftDays: { control: 'number' },
    headingLevel: { control: 'select', options: [1, 2, 3, 4] },
    hideTitle: { control: 'boolean' },
    trackerUrl: { control: 'text' },
    pageTitle: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'States come from the `definition` and `data` properties and from adapters registered with `registerAdapter` (see stories/support/adapters.ts): no endpoint needs to run.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<FormArgs>;

/** The first step, nothing answered yet. */
export const Empty: Story = {};

/** Prefilled with `data` ("Dites-le-nous une fois": what the authority already knows). */
export const Filled: Story = { args: { data: answers } };

/** Continue pressed with nothing answered: the error summary takes focus and links to each field. */
export const ErrorsAfterContinue: Story = {
  play: async ({ canvasElement }) => pressContinue(formIn(canvasElement)),
};

/** "Vérifiez vos réponses": every answer with a link to change it. */
export const Summary: Story = {
  args: { data: answers },
  play: async ({ canvasElement }) => goToSummary(formIn(canvasElement)),
};

/** Send pressed; the back office has not answered yet. */
export const Sending: Story = {
  args: { data: answers, adapter: 'storybook-pending' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(form, 'sending', '[part~="submission-status"] [aria-busy="true"]');
  },
};

/**
 * The receipt: reference, tracking code, what happens next, a link to the site's tracker page
 * (`tracker-url`, carrying the reference only), the tracker below, and one "Need help?" block.
 */
export const Sent: Story = {
  args: { data: answers, trackerUrl: '/suivi.html' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(form, 'the receipt', '[part~="receipt"]');
    // The receipt's tracker has drawn the status: still one way to reach a person on screen.
    const tracker = await until(() => form.shadowRoot!.querySelector('guichet-tracker'), 'the tracker');
    await until(() => tracker.shadowRoot?.querySelector('[part~="status"]'), 'the status');
    const blocks = contactBlocks(form);
    if (blocks !== 1) throw new Error(`Story: the receipt shows ${blocks} "Need help?" blocks, not one`);
  },
};

/** No network: the answers are kept on the device, sent again by itself, or with "Réessayer". */
export const NetworkFailure: Story = {
  args: { data: answers, adapter: 'storybook-offline' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(form, 'waiting', '.submission__retry');
  },
};

/**
 * "Réessayer" pressed after a failure: the try shows at once, and the button stays in place,
 * inert (`aria-disabled`), so that focus is not lost. The form's own tries change nothing on screen.
 */
export const RetryUnderWay: Story = {
  args: { data: answers, adapter: 'storybook-offline-then-pending' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(form, 'waiting', '.submission__retry');
    const retry = form.shadowRoot!.querySelector<HTMLButtonElement>('.submission__retry')!;
    retry.focus();
    retry.click();
    await until(() => form.shadowRoot!.querySelector('.submission__retry[aria-disabled="true"]'), 'the try under way');
    if (form.shadowRoot!.activeElement !== retry) throw new Error('Story: "Réessayer" lost the focus');
  },
};

/** The back office answered with an error (HTTP 503): same promise, the answers are kept. */
export const ServerFailure: Story = {
  args: { data: answers, adapter: 'storybook-server-error' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(form, 'waiting', '.submission__retry');
  },
};

/** The back office refused an answer (HTTP 422): shown at its field, like the form's own errors. */
export const RefusedAnswer: Story = {
  args: { data: answers, adapter: 'storybook-invalid' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(form, 'the refused answer', '[part~="error-summary"]');
  },
};

/** The back office refused the request for another reason (HTTP 403): said plainly, not retried. */
export const Refused: Story = {
  args: { data: answers, adapter: 'storybook-refused' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await pressSend(
      form,
      'refused',
      '.submission__message--error, .submission__retry, [part~="submission-status"] strong',
    );
  },
};

/**
 * Refused because of how the page is set up (e.g. an Open311 server without its api key): the
 * citizen is told the form cannot send for now and how to reach a person, with no "Try again";
 * the web team reads why in the console and in `guichet-error` (`kind: "configuration"`).
 */
export const Misconfigured: Story = {
  args: { data: answers, adapter: 'storybook-misconfigured' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await expectingWebTeamMessage(() => pressSend(form, 'refused', '[part~="submission-status"] strong'));
  },
};

/**
 * The request may have arrived but its answer was lost, and the back office cannot tell a
 * second copy apart (Open311): the citizen is told not to send it again and to contact the service.
 */
export const Unconfirmed: Story = {
  args: { data: answers, adapter: 'storybook-unconfirmed' },
  play: async ({ canvasElement }) => {
    const form = formIn(canvasElement);
    await goToSummary(form);
    await expectingWebTeamMessage(() => pressSend(form, 'unconfirmed', '[part~="submission-status"] strong'));
  },
};

/**
 * In a CMS page whose own heading already names the procedure: `hide-title` hides the form's title
 * from sight (screen readers still hear it, above the steps), and `heading-level` puts the form's
 * headings under the page's (here its title at level 2, under the page's h1).
 */
export const InAPageWithItsOwnTitle: Story = {
  args: { pageTitle: signalement.title, hideTitle: true, headingLevel: 2 },
};

/**
 * Coming back to an unfinished form: the saved draft is offered, without showing any of its answers
 * until the citizen chooses "Reprendre". Drafts are deleted after `draft-days` (7 by default) and once
 * the request is sent; `draft="none"` keeps none, for public computers and kiosks.
 */
export const DraftToResume: Story = {
  args: { draft: 'local' },
  beforeEach() {
    saveDraft({ formId: signalement.id, version: signalement.version }, { data: answers, step: 1 });
  },
  play: async ({ canvasElement }) => rendered(formIn(canvasElement)),
};

/** An agent at the counter enters the request for a citizen (`channel="counter"`). */
export const AtTheCounter: Story = { args: { data: answers, channel: 'counter' } };

/** A definition with mistakes: the author is told what and where, the citizen is not left with a blank. */
export const BadDefinition: Story = {
  args: { definition: brokenDefinition },
  play: async ({ canvasElement }) => rendered(formIn(canvasElement)),
};
