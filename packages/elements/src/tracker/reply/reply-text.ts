import type { Language } from '@guichet/core';

/**
 * What the tracker's reply form says. Only a request that waits for the citizen shows it, so it
 * travels in the lazily loaded chunk with the status view.
 */
const fr = {
  title: 'Répondre au service',
  intro: 'Écrivez votre réponse, joignez les documents demandés, ou les deux.',
  message: 'Votre message',
  messageHint: (max: number) => `${max}\u00a0caractères au plus.`,
  files: 'Documents (facultatif)',
  filesHint: (max: number, size: string) => `PDF, PNG ou JPEG, ${size} au plus chacun, ${max}\u00a0documents au plus.`,
  chosen: 'Documents joints',
  remove: (name: string) => `Retirer «\u00a0${name}\u00a0»`,
  uploaded: 'envoyé',
  send: 'Envoyer ma réponse',
  sending: 'Envoi de votre réponse…',
  uploading: (name: string, percent: number) => `Envoi de «\u00a0${name}\u00a0»\u00a0: ${percent}\u00a0%`,
  waiting: 'La connexion a échoué. Votre réponse est gardée sur cet appareil.',
  nextTry: (seconds: number) => `Nouvel essai dans ${seconds}\u00a0s.`,
  retryNow: 'Réessayer maintenant',
  sent: 'Votre réponse a été envoyée. Le service en est averti\u00a0; elle figure dans l’historique ci-dessous.',
  anotherHint: 'Vous pouvez encore ajouter un message ou un document.',
  empty: 'Écrivez votre réponse ou joignez un document',
  tooLong: (max: number) => `Votre message doit faire ${max}\u00a0caractères au plus`,
  tooMany: (max: number) => `Joignez ${max}\u00a0documents au plus`,
  wrongType: (name: string) => `«\u00a0${name}\u00a0» doit être un PDF, un PNG ou un JPEG`,
  tooBig: (name: string, size: string) => `«\u00a0${name}\u00a0» doit faire ${size} au plus`,
  notExpected:
    'Le service n’attend plus de réponse sur cette demande\u00a0: elle a changé d’étape. Votre message est gardé ci-dessous.',
  seeStatus: 'Voir l’étape actuelle de la demande',
  notFound: 'Votre demande n’a pas été retrouvée avec ce code de suivi. Vérifiez-le sur votre accusé de réception.',
  refused: 'Votre réponse n’a pas pu être envoyée. Vérifiez-la, puis réessayez.',
  expired: 'Un document a expiré avant l’envoi de la réponse. Il va être envoyé de nouveau.',
  yourReply: 'Votre réponse',
  yourReplyOf: (date: string) => `Votre réponse du ${date}`,
};

export type ReplyText = typeof fr;

const en: ReplyText = {
  title: 'Reply to the service',
  intro: 'Write your answer, attach the documents asked for, or both.',
  message: 'Your message',
  messageHint: (max) => `${max} characters at most.`,
  files: 'Documents (optional)',
  filesHint: (max, size) => `PDF, PNG or JPEG, ${size} at most each, ${max} documents at most.`,
  chosen: 'Attached documents',
  remove: (name) => `Remove “${name}”`,
  uploaded: 'sent',
  send: 'Send my reply',
  sending: 'Sending your reply…',
  uploading: (name, percent) => `Sending “${name}”: ${percent}%`,
  waiting: 'The connection failed. Your reply is kept on this device.',
  nextTry: (seconds) => `Trying again in ${seconds} s.`,
  retryNow: 'Try again now',
  sent: 'Your reply has been sent. The service has been told; it is in the history below.',
  anotherHint: 'You can still add a message or a document.',
  empty: 'Write your answer or attach a document',
  tooLong: (max) => `Your message must be ${max} characters or fewer`,
  tooMany: (max) => `Attach ${max} documents at most`,
  wrongType: (name) => `“${name}” must be a PDF, a PNG or a JPEG`,
  tooBig: (name, size) => `“${name}” must be ${size} or smaller`,
  notExpected:
    'The service is no longer waiting for an answer on this request: it has moved on. Your message is kept below.',
  seeStatus: 'See the request’s current stage',
  notFound: 'Your request was not found with this tracking code. Check it on your receipt.',
  refused: 'Your reply could not be sent. Check it, then try again.',
  expired: 'A document expired before the reply was sent. It will be sent again.',
  yourReply: 'Your reply',
  yourReplyOf: (date) => `Your reply of ${date}`,
};

const catalogues: Record<Language, ReplyText> = { fr, en };

export function replyText(lang: Language): ReplyText {
  return catalogues[lang];
}
