import type { Meta, StoryObj } from '@storybook/web-components-vite';
import contactService from '../schemas/forms/contact-service.json';
import { storyEndpoint } from './support/adapters.js';
import './support/definition-playground.js';

/**
 * Paste or edit a form definition (JSON) and see the form live. When the text is not valid JSON,
 * or not a valid definition, the form shows its own "cannot be used" box with each problem and
 * where it is.
 */
const meta: Meta = {
  title: 'Playground',
  render: () => {
    const playground = document.createElement('guichet-definition-playground');
    playground.endpoint = storyEndpoint;
    playground.value = JSON.stringify(contactService, null, 2);
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
    playground.value = '{ "id": "essai", "version": "1.0.0", "title": "Essai", ';
    return playground;
  },
};

/** Valid JSON, but not a valid definition: the form's own error box lists the problems. */
export const InvalidDefinition: StoryObj = {
  render: () => {
    const playground = document.createElement('guichet-definition-playground');
    playground.endpoint = storyEndpoint;
    playground.value = JSON.stringify(
      { id: 'essai', version: '1.0.0', schema: { type: 'object', properties: { age: { type: 'entier' } } } },
      null,
      2,
    );
    return playground;
  },
};
