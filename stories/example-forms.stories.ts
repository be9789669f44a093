import type { Meta, StoryObj } from '@storybook/web-components-vite';
import acteEtatCivil from '../schemas/forms/acte-etat-civil.json';
import contactService from '../schemas/forms/contact-service.json';
import inscriptionCantine from '../schemas/forms/inscription-cantine.json';
import occupationDomainePublic from '../schemas/forms/occupation-domaine-public.json';
import reservationSalle from '../schemas/forms/reservation-salle.json';
import signalementVoirie from '../schemas/forms/signalement-voirie.json';
import contactSamples from '../test/fixtures/forms-data/contact-service.json';
import { storyEndpoint } from './support/adapters.js';
import { formIn, pressContinue } from './support/drive.js';
import { renderForm, type FormArgs } from './support/render.js';

/** The example procedures of schemas/forms/, as a town would publish them. */
const meta: Meta<FormArgs> = {
  title: 'Form/Example forms',
  component: 'guichet-form',
  render: renderForm,
  args: { endpoint: storyEndpoint, adapter: 'storybook', draft: 'none' },
};
export default meta;

type Story = StoryObj<FormArgs>;
const example = (definition: unknown): Story => ({ args: { definition } });

export const ActeEtatCivil = example(acteEtatCivil);
export const ContactService = example(contactService);
/**
 * A conditional question: on "Vos coordonnées", « Par téléphone » is chosen, so « Votre
 * téléphone » shows right after that choice, answered (the `then` branch requires it). With
 * « Par e-mail » it is not there at all.
 */
export const ContactServiceCallBack: Story = {
  args: { definition: contactService, data: contactSamples.valid[1] },
  play: async ({ canvasElement }) => pressContinue(formIn(canvasElement)),
};
export const InscriptionCantine = example(inscriptionCantine);
export const OccupationDomainePublic = example(occupationDomainePublic);
export const ReservationSalle = example(reservationSalle);
export const SignalementVoirie = example(signalementVoirie);
