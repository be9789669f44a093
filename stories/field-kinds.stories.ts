import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { storyEndpoint } from './support/adapters.js';
import { fieldKinds } from './support/definitions.js';
import { renderForm, type FormArgs } from './support/render.js';

/** Each kind of field on its own, from a one-field definition (see stories/support/definitions.ts). */
const meta: Meta<FormArgs> = {
  title: 'Form/Field kinds',
  component: 'guichet-form',
  render: renderForm,
  args: { endpoint: storyEndpoint, adapter: 'storybook', draft: 'none' },
};
export default meta;

type Story = StoryObj<FormArgs>;
const kind = (name: string, data?: Record<string, unknown>): Story => ({
  args: { definition: fieldKinds[name], ...(data ? { data } : {}) },
});

export const Text = kind('text');
export const Textarea = kind('textarea', {
  message: 'Le lampadaire de la place du Marché clignote depuis lundi soir.',
});
export const Email = kind('email');
export const Tel = kind('tel');
export const Url = kind('url');
export const DateField = kind('date');
/** A date of birth in three boxes, day, month, year (`widget: "memorable-date"`). */
export const MemorableDate = kind('memorable-date');
export const TimeField = kind('time');
export const NumberField = kind('number');
export const Select = kind('select');
export const Radio = kind('radio');
export const Checkbox = kind('checkbox');
export const Checkboxes = kind('checkboxes', { equipment: ['sono'] });
export const FileField = kind('file');
export const Fieldset = kind('fieldset');
export const RepeatableGroup = kind('group', { children: [{ firstName: 'Léa' }, { firstName: 'Noah' }] });
