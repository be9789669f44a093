import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { storyEndpoint } from './support/adapters.js';
import { errorCases } from './support/definitions.js';
import { formIn, pressContinue } from './support/drive.js';
import { renderForm, type FormArgs } from './support/render.js';

/**
 * Each kind of error, as a citizen sees it after pressing Continue: the error summary (focused,
 * with links) and the message next to the field.
 */
const meta: Meta<FormArgs> = {
  title: 'Form/Errors',
  component: 'guichet-form',
  render: renderForm,
  args: { endpoint: storyEndpoint, adapter: 'storybook', draft: 'none' },
  play: async ({ canvasElement }) => pressContinue(formIn(canvasElement)),
};
export default meta;

type Story = StoryObj<FormArgs>;
const error = (name: string): Story => ({
  args: { definition: errorCases[name]!.definition, data: errorCases[name]!.data },
});

/** A required answer is missing. */
export const Required = error('required');
/** An e-mail address that is not one. */
export const Format = error('format');
/** A telephone number that does not match the expected pattern. */
export const Pattern = error('pattern');
/** Too few characters. */
export const TooShort = error('tooShort');
/** A number above the maximum. */
export const TooLarge = error('tooLarge');
/** No option chosen among radio buttons. */
export const NotChosen = error('notChosen');
/** A consent box left unticked. */
export const NotTicked = error('notTicked');
/** A field missing inside a group. */
export const InAGroup = error('group');
/** A date of birth in three boxes without its month: only the month box is marked. */
export const DateWithoutMonth = error('dateWithoutMonth');
