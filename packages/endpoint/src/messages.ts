/**
 * Every message the endpoint sends to a person, in each language (see @guichet/core's locales):
 * error bodies. Placeholders `{name}` are filled from the error's parameters. The phases' words and
 * file sizes are core's, the same as the elements'.
 */
import type { ErrorObject } from 'ajv';
import { fill, toLanguage, type Language, type LocalizedText } from '@guichet/core';

export const errorMessages = {
  'not-found': { fr: "Cette adresse n'existe pas.", en: 'There is nothing at this address.' },
  'form-not-found': {
    fr: "Ce formulaire n'existe pas ou n'est plus en ligne.",
    en: 'This form does not exist or is no longer online.',
  },
  'request-not-found': {
    fr: 'Aucune demande ne correspond à ce numéro et à ce code de suivi. Vérifiez-les sur votre récépissé.',
    en: 'No request matches this reference and tracking code. Check them on your receipt.',
  },
  'attachment-not-found': { fr: "Ce fichier n'existe pas.", en: 'This file does not exist.' },
  'malformed-json': {
    fr: "L'envoi est illisible : le JSON est mal formé.",
    en: 'The request cannot be read: the JSON is malformed.',
  },
  'invalid-utf8': {
    fr: "L'envoi contient des caractères illisibles (UTF-8 invalide).",
    en: 'The request holds unreadable characters (invalid UTF-8).',
  },
  'too-deep': {
    fr: "L'envoi est imbriqué sur plus de {max} niveaux.",
    en: 'The request is nested more than {max} levels deep.',
  },
  'too-many-items': {
    fr: "Une liste de l'envoi a plus de {max} éléments.",
    en: 'A list in the request has more than {max} items.',
  },
  'too-many-keys': {
    fr: "L'envoi contient plus de {max} noms de champs.",
    en: 'The request holds more than {max} field names.',
  },
  'invalid-characters': {
    fr: "L'envoi contient des caractères qui ne peuvent pas être enregistrés (caractère nul ou demi-caractère isolé).",
    en: 'The request holds characters that cannot be stored (a NUL or half of a character on its own).',
  },
  'too-large': { fr: "L'envoi est trop volumineux.", en: 'The request is too large.' },
  'file-too-large': {
    fr: 'Le fichier est trop volumineux : {max} au plus.',
    en: 'The file is too large: {max} at most.',
  },
  'unsupported-media-type': {
    fr: "Ce format d'envoi n'est pas pris en charge ({expected} attendu).",
    en: 'This content type is not supported ({expected} expected).',
  },
  'file-type-not-accepted': {
    fr: "Ce type de fichier n'est pas accepté ici. Formats acceptés : {accept}.",
    en: 'This type of file is not accepted here. Accepted formats: {accept}.',
  },
  'file-required': {
    fr: 'Aucun fichier reçu : joignez un fichier dans la partie « file ».',
    en: 'No file received: attach one in the "file" part.',
  },
  'field-required': {
    fr: 'Précisez pour quel champ est ce fichier (paramètre « field »).',
    en: 'Say which field this file is for (the "field" parameter).',
  },
  'unknown-field': {
    fr: "Ce formulaire n'a pas de champ de fichier « {field} ».",
    en: 'This form has no file field "{field}".',
  },
  'idempotency-key-required': {
    fr: "L'en-tête Idempotency-Key manque : il évite d'enregistrer deux fois la même demande.",
    en: 'The Idempotency-Key header is missing: it keeps the same request from being stored twice.',
  },
  'idempotency-key-invalid': {
    fr: "L'en-tête Idempotency-Key doit faire de 32 à 200 caractères visibles : un UUID aléatoire, nouveau pour chaque demande.",
    en: 'The Idempotency-Key header must be 32 to 200 visible characters: a random UUID, new for each request.',
  },
  'idempotency-key-reused': {
    fr: 'Cet Idempotency-Key a déjà servi pour un autre envoi : une nouvelle demande doit avoir sa propre clé. La demande déjà reçue reste enregistrée telle quelle.',
    en: 'This Idempotency-Key was already used for a different submission: a new request needs a key of its own. The request already received stays as it was.',
  },
  'idempotency-key-expired': {
    fr: "Cette demande a été reçue il y a plus de {hours} heures : son récépissé n'est plus renvoyé. Elle reste enregistrée ; si vous avez perdu son numéro, contactez le service.",
    en: 'This request was received more than {hours} hours ago: its receipt is no longer sent again. It stays recorded; if you lost its reference, contact the service.',
  },
  'form-version-unknown': {
    fr: 'Ce formulaire a changé depuis que vous l’avez ouvert. Rechargez la page pour obtenir sa nouvelle version.',
    en: 'This form has changed since you opened it. Reload the page to get its new version.',
  },
  'invalid-submission': { fr: "L'envoi est incomplet ou mal formé.", en: 'The request is incomplete or badly formed.' },
  'invalid-data': { fr: 'Certaines réponses sont à corriger.', en: 'Some answers need to be corrected.' },
  'unknown-attachment': {
    fr: "Ce fichier n'a pas été reçu ou a expiré : joignez-le de nouveau.",
    en: 'This file was not received or has expired: attach it again.',
  },
  'invalid-status-change': { fr: "Ce changement d'état est invalide.", en: 'This status change is invalid.' },
  'transition-not-allowed': {
    fr: 'Une demande « {from} » ne peut pas passer à « {to} ». Possible : {allowed}.',
    en: 'A request that is "{from}" cannot become "{to}". Possible: {allowed}.',
  },
  'upload-quota': {
    fr: "Vous avez déjà envoyé beaucoup de fichiers qui ne font partie d'aucune demande ({max} au plus). Envoyez d'abord votre demande, ou réessayez demain.",
    en: 'You have already sent many files that are not part of any request ({max} at most). Send your request first, or try again tomorrow.',
  },
  'storage-full': {
    fr: "Le service ne peut pas recevoir de fichier pour l'instant. Réessayez plus tard, ou contactez le service.",
    en: 'The service cannot take files right now. Try again later, or contact the service.',
  },
  'invalid-query': { fr: "Un paramètre de l'adresse est invalide.", en: 'A parameter of the address is invalid.' },
  unauthorized: {
    fr: "Accès réservé aux agents : jeton d'accès manquant ou invalide.",
    en: 'Agents only: the access token is missing or invalid.',
  },
  forbidden: {
    fr: "Réservé à l'administrateur : un agent ne peut pas gérer les comptes des agents.",
    en: "The administrator's only: an agent cannot manage agents' accounts.",
  },
  'agent-not-found': {
    fr: "Aucun agent actif n'a cet identifiant.",
    en: 'No active agent has this id.',
  },
  'invalid-agent': { fr: "Donnez le nom de l'agent.", en: "Give the agent's name." },
  'csrf-failed': {
    fr: 'Action refusée : rechargez la page et réessayez (jeton anti-falsification manquant ou invalide).',
    en: 'Action refused: reload the page and try again (missing or invalid anti-forgery token).',
  },
  'rate-limited': {
    fr: 'Trop de tentatives. Réessayez dans {seconds} secondes.',
    en: 'Too many attempts. Try again in {seconds} seconds.',
  },
  'bad-request': { fr: 'Cette demande est invalide.', en: 'This request is invalid.' },
  'reply-not-expected': {
    fr: "Cette demande n'attend pas de réponse de votre part en ce moment.",
    en: 'This request is not waiting for an answer from you at the moment.',
  },
  'invalid-reply': {
    fr: 'La réponse ne peut pas être envoyée : corrigez ce qui est signalé.',
    en: 'The reply cannot be sent: correct what is pointed out.',
  },
  'shutting-down': {
    fr: 'Le service redémarre. Réessayez dans un instant.',
    en: 'The service is restarting. Try again in a moment.',
  },
  unavailable: {
    fr: 'Le service est momentanément indisponible. Réessayez dans un instant ; vos réponses ne sont pas perdues.',
    en: 'The service is unavailable for the moment. Try again in a moment; your answers are not lost.',
  },
  'server-error': {
    fr: 'Une erreur est survenue de notre côté. Réessayez dans un moment ; vos réponses ne sont pas perdues.',
    en: 'Something went wrong on our side. Try again in a moment; your answers are not lost.',
  },
} satisfies Record<string, LocalizedText>;

export type ErrorCode = keyof typeof errorMessages;

export function errorMessage(code: ErrorCode, lang: Language, params: Record<string, string | number> = {}): string {
  return fill(errorMessages[code][lang], params);
}

/** What a protocol schema's keyword found wrong, said for a developer reading the answer. */
export const protocolMessages: Record<string, LocalizedText> = {
  required: { fr: 'Ce champ manque.', en: 'This field is missing.' },
  additionalProperties: { fr: "Ce champ n'est pas attendu ici.", en: 'This field is not expected here.' },
  type: { fr: 'Doit être {type}.', en: 'Must be {type}.' },
  enum: { fr: "Doit valoir l'une de ces valeurs : {values}.", en: 'Must be one of: {values}.' },
  const: { fr: 'Doit valoir {value}.', en: 'Must be {value}.' },
  minLength: { fr: 'Ne doit pas être vide.', en: 'Must not be empty.' },
  maxLength: { fr: '{limit} caractères au plus.', en: '{limit} characters at most.' },
  pattern: { fr: "N'a pas la forme attendue.", en: 'Is not in the expected form.' },
  minimum: { fr: 'Doit valoir au moins {limit}.', en: 'Must be at least {limit}.' },
  maximum: { fr: 'Doit valoir au plus {limit}.', en: 'Must be at most {limit}.' },
  other: { fr: 'Valeur invalide.', en: 'Invalid value.' },
};

export const typeNames: Record<string, LocalizedText> = {
  string: { fr: 'un texte', en: 'a string' },
  object: { fr: 'un objet', en: 'an object' },
  array: { fr: 'une liste', en: 'an array' },
  integer: { fr: 'un nombre entier', en: 'a whole number' },
  number: { fr: 'un nombre', en: 'a number' },
  boolean: { fr: 'true ou false', en: 'true or false' },
};

export function protocolMessage(error: ErrorObject, lang: Language): string {
  const found = error.params as Record<string, unknown>;
  const text = (protocolMessages[error.keyword] ?? protocolMessages.other!)[lang];
  return fill(text, {
    type: [found.type ?? '']
      .flat()
      .map((type) => typeNames[String(type)]?.[lang] ?? String(type))
      .join(' / '),
    values: ((found.allowedValues as unknown[] | undefined) ?? []).join(', '),
    value: String(found.allowedValue ?? ''),
    limit: String(found.limit ?? ''),
  });
}

/** What a closed request may still become: said in a refused change's message. */
export function transitionHint(lang: Language): string {
  return lang === 'fr'
    ? 'completed, rejected ou cancelled ; pour la rouvrir (in_progress, action_required), envoyez aussi "reopen": true ; jamais received'
    : 'completed, rejected or cancelled; to reopen it (in_progress, action_required), also send "reopen": true; never received';
}

/** The best supported language of an Accept-Language header; French when none is asked for. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  let best: { lang: Language; q: number } = { lang: 'fr', q: 0 };
  for (const part of (acceptLanguage ?? '').split(',').slice(0, 20)) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const lang = toLanguage(tag);
    if (!lang) continue;
    const qParameter = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParameter ? Number(qParameter.slice(2)) : 1;
    if (Number.isFinite(q) && q > best.q) best = { lang, q };
  }
  return best.lang;
}
