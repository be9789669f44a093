import { pluralCategory, type Language } from '@guichet/core';
import { unreachableText } from './unreachable-text.js';

/** What the citizen reads while sending and on the receipt. */
export interface SubmissionText {
  sending: string;
  uploading: string;
  uploadOf: (name: string) => string;
  uploadAnnounce: (name: string, percent: number) => string;
  uploadDone: (name: string) => string;
  /** A share of an upload, as the language writes it ("42 %", "42%"). */
  percent: (value: number) => string;
  cancelUpload: (name: string) => string;
  uploadCancelled: string;
  waitingTitle: string;
  kept: string;
  offline: string;
  busy: string;
  timeout: string;
  retry: string;
  invalid: string;
  refusedTitle: string;
  refused: Record<string, string>;
  refusedOther: string;
  refusedNoContact: string;
  configuration: string;
  unconfirmedTitle: string;
  unconfirmed: string;
  receiptTitle: string;
  receivedOn: (form: string, date: string) => string;
  reference: string;
  trackingCode: string;
  copyReference: string;
  copyTrackingCode: string;
  copiedReference: string;
  copiedTrackingCode: string;
  keepCodes: string;
  keepReference: string;
  nextTitle: string;
  expectedBy: (date: string) => string;
  expectedDays: (days: number) => string;
  print: string;
  followTitle: string;
  followText: (reference: string) => string;
  followReference: (reference: string) => string;
  followLink: string;
}

const fr: SubmissionText = {
  sending: 'Envoi en cours…',
  uploading: 'Envoi des fichiers en cours…',
  uploadOf: (name) => `Envoi de «\u00a0${name}\u00a0»`,
  uploadAnnounce: (name, percent) => `«\u00a0${name}\u00a0»\u00a0: ${percent}\u00a0% envoyés`,
  percent: (value) => `${value}\u00a0%`,
  uploadDone: (name) => `«\u00a0${name}\u00a0» est envoyé.`,
  cancelUpload: (name) => `Annuler l’envoi de «\u00a0${name}\u00a0»`,
  uploadCancelled: 'L’envoi du fichier est annulé. Vous pouvez choisir un autre fichier, puis envoyer à nouveau.',
  waitingTitle: unreachableText.fr.title,
  kept: 'Vos réponses sont conservées sur cet appareil et seront envoyées dès que possible.',
  offline: unreachableText.fr.offline,
  busy: 'Le service est momentanément indisponible.',
  timeout: 'Le service met trop de temps à répondre.',
  retry: 'Réessayer',
  invalid: 'Le service a refusé certaines réponses. Corrigez les champs signalés, puis envoyez à nouveau.',
  refusedTitle: 'Votre demande n’a pas été envoyée.',
  refused: {
    'form-not-found': 'Ce formulaire n’est plus proposé en ligne.',
    'too-large': 'Votre envoi est trop lourd. Retirez un fichier ou choisissez un fichier plus petit.',
    'unsupported-media-type': 'Ce type de fichier n’est pas accepté.',
  },
  refusedOther: 'Vous pouvez contacter le service\u00a0: les coordonnées sont ci-dessous.',
  refusedNoContact: 'Vous pouvez contacter votre mairie.',
  configuration:
    'Ce formulaire ne peut pas envoyer de demande pour le moment, à cause d’un réglage du site. Vos réponses sont conservées sur cet appareil.',
  unconfirmedTitle: 'Nous ne savons pas si votre demande est arrivée.',
  unconfirmed:
    'Le service n’a pas pu nous confirmer sa réception\u00a0: elle a peut-être été enregistrée, mais nous n’en connaissons pas la référence. Pour ne pas la déposer deux fois, ne l’envoyez pas à nouveau\u00a0: contactez d’abord le service.',
  receiptTitle: 'Demande envoyée',
  receivedOn: (form, date) =>
    form
      ? `Votre demande «\u00a0${form}\u00a0» a bien été reçue le ${date}.`
      : `Votre demande a bien été reçue le ${date}.`,
  reference: 'Référence',
  trackingCode: 'Code de suivi',
  copyReference: 'Copier la référence',
  copyTrackingCode: 'Copier le code de suivi',
  copiedReference: 'Référence copiée dans le presse-papiers.',
  copiedTrackingCode: 'Code de suivi copié dans le presse-papiers.',
  keepCodes:
    'Notez la référence et le code de suivi, ou imprimez cette page\u00a0: ils vous permettent de suivre votre demande.',
  keepReference: 'Notez la référence, ou imprimez cette page\u00a0: elle vous permet de suivre votre demande.',
  nextTitle: 'Et maintenant\u00a0?',
  expectedBy: (date) => `Vous aurez une réponse au plus tard le ${date}.`,
  expectedDays: (days) =>
    pluralCategory(days, 'fr') === 'one'
      ? `Délai de réponse habituel\u00a0: ${days} jour.`
      : `Délai de réponse habituel\u00a0: ${days} jours.`,
  print: 'Imprimer le récépissé',
  followTitle: 'Suivre votre demande',
  followLink: 'Ouvrir la page de suivi de cette demande (votre code de suivi vous sera demandé)',
  followText: (reference) =>
    `Pour savoir où en est votre demande, munissez-vous de la référence ${reference} et du code de suivi.`,
  followReference: (reference) => `Pour savoir où en est votre demande, munissez-vous de la référence ${reference}.`,
};

const en: SubmissionText = {
  sending: 'Sending…',
  uploading: 'Sending your files…',
  uploadOf: (name) => `Sending “${name}”`,
  uploadAnnounce: (name, percent) => `“${name}”: ${percent}% sent`,
  percent: (value) => `${value}%`,
  uploadDone: (name) => `“${name}” is sent.`,
  cancelUpload: (name) => `Cancel sending “${name}”`,
  uploadCancelled: 'Sending the file was cancelled. You can choose another file, then send again.',
  waitingTitle: unreachableText.en.title,
  kept: 'Your answers are kept on this device and will be sent as soon as possible.',
  offline: unreachableText.en.offline,
  busy: 'The service is unavailable for the moment.',
  timeout: 'The service is taking too long to answer.',
  retry: 'Try again',
  invalid: 'The service refused some answers. Correct the fields shown, then send again.',
  refusedTitle: 'Your request was not sent.',
  refused: {
    'form-not-found': 'This form is no longer offered online.',
    'too-large': 'What you are sending is too large. Remove a file or choose a smaller one.',
    'unsupported-media-type': 'This type of file is not accepted.',
  },
  refusedOther: 'You can contact the service: the details are below.',
  refusedNoContact: 'You can contact your town hall.',
  configuration:
    'This form cannot send requests at the moment, because of a setting of the website. Your answers are kept on this device.',
  unconfirmedTitle: 'We do not know whether your request arrived.',
  unconfirmed:
    'The service could not confirm it received it: it may have been recorded, but we do not know its reference. So as not to file it twice, do not send it again: contact the service first.',
  receiptTitle: 'Request sent',
  receivedOn: (form, date) =>
    form ? `Your request “${form}” was received on ${date}.` : `Your request was received on ${date}.`,
  reference: 'Reference',
  trackingCode: 'Tracking code',
  copyReference: 'Copy the reference',
  copyTrackingCode: 'Copy the tracking code',
  copiedReference: 'Reference copied to the clipboard.',
  copiedTrackingCode: 'Tracking code copied to the clipboard.',
  keepCodes:
    'Write down the reference and the tracking code, or print this page: you need them to follow your request.',
  keepReference: 'Write down the reference, or print this page: you need it to follow your request.',
  nextTitle: 'What happens next?',
  expectedBy: (date) => `You will get an answer by ${date} at the latest.`,
  expectedDays: (days) =>
    pluralCategory(days, 'en') === 'one'
      ? `Usual time to an answer: ${days} day.`
      : `Usual time to an answer: ${days} days.`,
  print: 'Print the receipt',
  followTitle: 'Follow your request',
  followLink: 'Open the tracking page of this request (you will be asked for your tracking code)',
  followText: (reference) =>
    `To find out where your request stands, have the reference ${reference} and the tracking code at hand.`,
  followReference: (reference) => `To find out where your request stands, have the reference ${reference} at hand.`,
};

const catalogues: Record<Language, SubmissionText> = { fr, en };

export function submissionText(lang: Language): SubmissionText {
  return catalogues[lang];
}
