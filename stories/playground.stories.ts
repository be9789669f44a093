/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { storyEndpoint } from './support/adapters.js';
import './support/definition-playground.js';
import type { PlaygroundExample } from './support/definition-playground.js';

/** Every form of schemas/forms/, a new file included: a designer starts from the closest one. */
const examples: PlaygroundExample[] = Object.entries(
  import.meta.glob<PlaygroundExample['definition']>('../schemas/forms/*.json', { eager: true, import: 'default' }),
)
  .map(([path, definition]) => ({ name: path.replace(/^.*\/|\.json$/g, ''), definition }))
  .sort((a, b) => String(a.definition.title).localeCompare(String(b.definition.title), 'fr'));
const start = examples.find((example) => example.name === 'contact-service') ?? examples[0]!;

/**
 * Pick an example form, then paste or edit its definition (JSON) and see the form live, side by
 * side on a wide screen. When the text is not valid JSON, or not a valid definition, the form
 * shows its own "cannot be used" box with each problem and where it is.
 */
const meta: Meta = {
  title: 'Playground',
  parameters: { layout: 'fullscreen' },
  render: () => {
    const playground = document.createElement('guichet-definition-playground');
    playground.endpoint = storyEndpoint;
    playground.examples = examples;
    playground.value = JSON.stringify(start.definition, null, 2);
    return playground;
  },
};
export default meta;

export const EditADefinition: StoryObj = {};

/** Starts from JSON that does not parse: the form says where it stops being valid. */
export const InvalidJson: StoryObj = {
  render: () => {
    const playground = document.createElement('guichet-definition-playground');
    playground.endpoint = storyEndpoint;
    playground.examples = examples;
    playground.value = '{ "id": "essai", "version": "1.0.0", "title": "Essai", ';
    return playground;
  },
};

/** Valid JSON, but not a valid definition: the form's own error box lists the problems. */
export const InvalidDefinition: StoryObj = {
  render: () => {
    const playground = document.createElement('guichet-definition-playground');
    playground.endpoint = storyEndpoint;
    playground.examples = examples;
    playground.value = JSON.stringify(
      { id: 'essai', version: '1.0.0', schema: { type: 'object', properties: { age: { type: 'entier' } } } },
      null,
      2,
    );
    return playground;
  },
};
