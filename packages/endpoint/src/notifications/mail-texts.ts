/** The words of the citizen's mails, in French and English. `{name}` placeholders. */
import type { LocalizedText } from '@guichet/core';

export const mailTexts = {
  'received.subject': { fr: 'Demande {reference} reçue\u00a0: {form}', en: 'Request {reference} received: {form}' },
  'status.subject': { fr: 'Demande {reference}\u00a0: {label}', en: 'Request {reference}: {label}' },
  greeting: { fr: 'Bonjour,', en: 'Hello,' },
  'received.intro': {
    fr: 'Nous avons bien reçu votre demande «\u00a0{form}\u00a0».',
    en: 'We have received your request "{form}".',
  },
  reference: { fr: 'Numéro de demande', en: 'Request number' },
  trackingCode: { fr: 'Code de suivi', en: 'Tracking code' },
  'trackingCode.keep': {
    fr: 'Gardez ce code\u00a0: il vous sera demandé pour suivre votre demande. Ne le communiquez à personne.',
    en: 'Keep this code: you will need it to follow your request. Do not share it with anyone.',
  },
  nextSteps: { fr: 'Et ensuite\u00a0?', en: 'What happens next?' },
  expectedBy: { fr: 'Réponse prévue au plus tard le {date}.', en: 'Expected answer by {date} at the latest.' },
  'status.intro': {
    fr: 'Votre demande {reference} «\u00a0{form}\u00a0» a changé d’étape\u00a0: {label}.',
    en: 'Your request {reference} "{form}" has moved to a new step: {label}.',
  },
  note: { fr: 'Message de l’agent', en: 'Message from the agent' },
  'action.required': {
    fr: 'Une action de votre part est nécessaire. Ouvrez le suivi de votre demande avec votre numéro et votre code de suivi, puis répondez en joignant ce qui est demandé.',
    en: 'We need something from you. Open the tracking page with your request number and tracking code, then reply with what is asked.',
  },
  'final.completed': { fr: 'Votre demande est traitée.', en: 'Your request has been dealt with.' },
  'final.other': {
    fr: 'Votre demande est close. Pour toute question, contactez-nous.',
    en: 'Your request is closed. If you have a question, contact us.',
  },
  track: { fr: 'Suivre votre demande', en: 'Follow your request' },
  contact: { fr: 'Besoin d’aide\u00a0? Contactez {name}', en: 'Need help? Contact {name}' },
  'contact.us': { fr: 'nous', en: 'us' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  email: { fr: 'E-mail', en: 'Email' },
  address: { fr: 'Adresse', en: 'Address' },
  openingHours: { fr: 'Horaires', en: 'Opening hours' },
  website: { fr: 'Site', en: 'Website' },
  automatic: {
    fr: 'Ce message vous est envoyé automatiquement par le service en ligne.',
    en: 'This message was sent automatically by the online service.',
  },
} satisfies Record<string, LocalizedText>;

export type MailTextKey = keyof typeof mailTexts;
