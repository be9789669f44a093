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
    cors: 'Le serveur Open311 ne laisse pas {} lire ses réponses : réglez son en-tête CORS Access-Control-Allow-Origin. Rien n’a été envoyé.',
    'api-key': 'Le serveur Open311 refuse la clé d’API : vérifiez l’attribut api-key.',
    jurisdiction: 'Le serveur Open311 refuse la juridiction : vérifiez l’attribut jurisdiction.',
    service: 'Le serveur Open311 ne connaît pas ce service : vérifiez l’attribut service.',
    endpoint: 'Pas de serveur Open311 à cette adresse : vérifiez l’attribut endpoint.',
    mapping: 'Le serveur Open311 attend d’autres champs : vérifiez adapters.open311 et l’attribut multi-value.',
    refused: 'Le serveur Open311 refuse la demande : vérifiez les attributs service, jurisdiction et api-key.',
    said: 'Réponse du serveur : {}',
    unconfirmed:
      'La réponse du serveur Open311 est perdue (connexion coupée, ou pas d’en-têtes CORS sur POST) : la demande a peut-être été enregistrée. Open311 n’ayant pas de clé d’idempotence, elle n’est pas renvoyée.',
  },
  en: {
    cors: 'The Open311 server does not let {} read its answers: set its Access-Control-Allow-Origin CORS header. Nothing was sent.',
    'api-key': 'The Open311 server refuses the API key: check the api-key attribute.',
    jurisdiction: 'The Open311 server refuses the jurisdiction: check the jurisdiction attribute.',
    service: 'The Open311 server does not know this service: check the service attribute.',
    endpoint: 'No Open311 server at this address: check the endpoint attribute.',
    mapping: 'The Open311 server expects other fields: check adapters.open311 and the multi-value attribute.',
    refused: 'The Open311 server refuses the request: check the service, jurisdiction and api-key attributes.',
    said: 'The server said: {}',
    unconfirmed:
      'The Open311 server’s answer was lost (the connection dropped, or no CORS headers on POST): the request may have been stored. As Open311 has no idempotency key, it is not sent again.',
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
  const message = say(problem, lang, detail || (lang === 'fr' ? 'cette page' : 'this page'));
  return new EndpointError('configuration', serverSaid ? `${message} ${say('said', lang, serverSaid)}` : message, {
    code: problem,
  });
}

export function unconfirmedError(lang: Language, status?: number): EndpointError {
  return new EndpointError('unconfirmed', say('unconfirmed', lang), status ? { status } : {});
}
