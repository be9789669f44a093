import type { EndpointError, Language } from '@guichet/core';
import { GuichetErrorEvent } from '../events.js';
import { refusedOriginDetail } from '../shared/diagnosis.js';
import { failureReason } from './sending-view.js';

/** Whether only the web team can act on a failure: a setting, or a request whose fate is unknown. */
export function forWebTeam(error: EndpointError): boolean {
  return error.kind === 'configuration' || error.kind === 'unconfirmed';
}

/**
 * The `guichet-error` a failed send gives the page: the citizen's reason in their language, or
 * for the web team what happened and what to change; a refused origin is diagnosed once per page.
 */
export function sendingErrorEvent(
  error: EndpointError,
  lang: Language,
  endpoint: string,
  told: Set<string>,
): GuichetErrorEvent {
  const webTeam = forWebTeam(error);
  const kind =
    error.kind === 'configuration'
      ? 'configuration'
      : error.kind === 'network' || error.kind === 'timeout' || error.kind === 'unconfirmed'
        ? 'network'
        : 'server';
  const code = error.kind === 'unconfirmed' ? 'unconfirmed' : error.details.code;
  return new GuichetErrorEvent({
    kind,
    message: webTeam ? error.message : failureReason(error, lang),
    ...(webTeam && code ? { code } : {}),
    ...(error.details.status ? { status: error.details.status } : {}),
    ...refusedOriginDetail(error.details.refusedOrigin, endpoint, told),
  });
}

/**
 * An upload's progress said aloud at each quarter (25 %, 50 %, 75 %, done), not at every chunk:
 * a screen reader would otherwise speak over itself.
 */
export function quarterAnnouncements(say: (percent: number) => void): (sent: number, total: number) => void {
  let lastStep = 0;
  return (sent, total) => {
    const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
    const step = Math.floor(percent / 25) * 25;
    if (step > lastStep) {
      lastStep = step;
      say(step);
    }
  };
}
