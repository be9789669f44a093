/**
 * What the Open311 adapter tells the web team (the elements put it in the console and in
 * `guichet-error`): what to change on the page when the server refuses for a reason no citizen
 * can fix, and why a request whose answer was lost is not sent again.
 */
import { EndpointError } from '../client/types.js';
import type { Language } from '../model/types.js';

/** What the page must change; the `details.code` of a `configuration` error. */
export type ConfigurationProblem = 'cors' | 'api-key' | 'jurisdiction' | 'service' | 'endpoint' | 'mapping' | 'refused';

const texts: Record<Language, Record<ConfigurationProblem | 'said' | 'unconfirmed', string>> = {
  fr: {
    cors: 'Le serveur Open311 ne laisse pas cette page lire ses réponses : ajoutez son origine {} aux en-têtes CORS du serveur (Access-Control-Allow-Origin). Rien n’a été envoyé.',
    'api-key': 'Le serveur Open311 refuse la demande sans clé d’API valable : vérifiez l’attribut api-key.',
    jurisdiction: 'Le serveur Open311 refuse la juridiction : vérifiez l’attribut jurisdiction.',
    service:
      'Le serveur Open311 ne connaît pas ce service : vérifiez l’attribut service (ou adapters.open311.serviceCode).',
    endpoint: 'Aucun serveur Open311 ne répond à cette adresse : vérifiez l’attribut endpoint.',
    mapping:
      'Le serveur Open311 attend d’autres champs que ceux que le formulaire envoie : vérifiez adapters.open311 et l’attribut multi-value.',
    refused:
      'Le serveur Open311 a refusé la demande sans dire pourquoi : vérifiez les attributs service, jurisdiction et api-key.',
    said: 'Réponse du serveur : {}',
    unconfirmed:
      'La réponse du serveur Open311 n’a pas pu être lue (connexion coupée, ou en-têtes CORS absents pour POST requests.json) : la demande a peut-être été enregistrée. Elle n’est pas renvoyée, car Open311 n’a pas de clé d’idempotence pour éviter un doublon.',
  },
  en: {
    cors: 'The Open311 server does not let this page read its answers: add its origin {} to the server’s CORS headers (Access-Control-Allow-Origin). Nothing was sent.',
    'api-key': 'The Open311 server refuses the request without a valid API key: check the api-key attribute.',
    jurisdiction: 'The Open311 server refuses the jurisdiction: check the jurisdiction attribute.',
    service:
      'The Open311 server does not know this service: check the service attribute (or adapters.open311.serviceCode).',
    endpoint: 'No Open311 server answers at this address: check the endpoint attribute.',
    mapping:
      'The Open311 server expects other fields than the form sends: check adapters.open311 and the multi-value attribute.',
    refused:
      'The Open311 server refused the request without saying why: check the service, jurisdiction and api-key attributes.',
    said: 'The server said: {}',
    unconfirmed:
      'The Open311 server’s answer could not be read (the connection dropped, or no CORS headers on POST requests.json): the request may have been stored. It is not sent again, as Open311 has no idempotency key to prevent a duplicate.',
  },
};

function say(key: keyof (typeof texts)['fr'], lang: Language, value = ''): string {
  return texts[lang][key].replace('{}', value);
}

/** A refusal the web team must act on; `serverSaid` is the server's own words, when it gave any. */
export function configurationError(
  problem: ConfigurationProblem,
  lang: Language,
  detail = '',
  serverSaid = '',
): EndpointError {
  const message = say(problem, lang, detail).replace('  ', ' ');
  return new EndpointError('configuration', serverSaid ? `${message} ${say('said', lang, serverSaid)}` : message, {
    code: problem,
  });
}

export function unconfirmedError(lang: Language, status?: number): EndpointError {
  return new EndpointError('unconfirmed', say('unconfirmed', lang), status ? { status } : {});
}
