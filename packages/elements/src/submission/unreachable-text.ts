import type { Language } from '@guichet/core';

/**
 * What the form says when Send cannot even start because the code that sends has not downloaded
 * (the connection is down): kept apart from ./messages.js, which comes with that code, so that
 * guichet.js carries these few words only. messages.js reuses them.
 */
export const unreachableText: Record<Language, { title: string; offline: string; sendAgain: string }> = {
  fr: {
    title: 'Votre demande n’est pas encore partie.',
    offline: 'La connexion à internet semble coupée.',
    sendAgain: 'Vérifiez-la, puis envoyez à nouveau\u00a0: vos réponses sont toujours là.',
  },
  en: {
    title: 'Your request has not been sent yet.',
    offline: 'The internet connection seems to be down.',
    sendAgain: 'Check it, then send again: your answers are still here.',
  },
};
