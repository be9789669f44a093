/**
 * Typed events of the Guichet elements. All bubble and are composed, so a CMS page can listen on
 * `document`.
 */
import type { Channel, Phase, Reply, RequestStatus } from '@guichet/core';

export interface SubmitDetail {
  formId: string;
  formVersion: string;
  /** The cleaned answers about to be sent (inactive fields removed). */
  data: Record<string, unknown>;
  channel: Channel;
}

/** Fired before sending; `preventDefault()` stops the element from sending (the host sends itself). */
export class GuichetSubmitEvent extends CustomEvent<SubmitDetail> {
  static readonly eventName = 'guichet-submit';
  constructor(detail: SubmitDetail) {
    super(GuichetSubmitEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

export interface SubmittedDetail {
  reference: string;
  trackingCode: string;
  status: RequestStatus;
}

/** Fired once the endpoint acknowledged the request. */
export class GuichetSubmittedEvent extends CustomEvent<SubmittedDetail> {
  static readonly eventName = 'guichet-submitted';
  constructor(detail: SubmittedDetail) {
    super(GuichetSubmittedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/**
 * `not-found` (unknown reference or wrong tracking code, never told apart) and `rate-limited`
 * come from <guichet-tracker>; `configuration` (no endpoint, unknown adapter, a back office
 * refusing the page's settings: API key, jurisdiction, service, CORS) from both elements.
 */
export type ErrorKind =
  'definition' | 'network' | 'server' | 'validation' | 'not-found' | 'rate-limited' | 'configuration';

export interface ErrorDetail {
  kind: ErrorKind;
  /** Plain-language message, in the element's language. */
  message: string;
  /** For `definition`: the problems; for `validation`: the field errors; for `server`: the HTTP status. */
  problems?: readonly { pointer: string; code: string; message: string }[];
  status?: number;
  /** For `rate-limited`: seconds to wait, when the server said. */
  retryAfter?: number;
  /**
   * For `configuration` (and the form's `unconfirmed` sends, kind `network`): which setting or
   * case it is (`cors`, `api-key`, `jurisdiction`, `service`, `endpoint`, `mapping`, `adapter`,
   * `unconfirmed`…); `message` then speaks to the web team.
   */
  code?: string;
  /**
   * For `network` (and a `definition` that could not be fetched): the page's origin, when the
   * endpoint answers but does not allow it (CORS). The citizen only reads that the connection failed.
   */
  refusedOrigin?: string;
  /** For the web team, in English, also written to the console: what to change, e.g. which origin to allow. */
  diagnosis?: string;
}

/** Fired when something went wrong that the citizen is told about inside the element. */
export class GuichetErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly eventName = 'guichet-error';
  constructor(detail: ErrorDetail) {
    super(GuichetErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface StatusChangeDetail {
  reference: string;
  previous?: Phase;
  status: RequestStatus;
}

/** Fired by <guichet-tracker> when a polled request changes status. */
export class GuichetStatusChangeEvent extends CustomEvent<StatusChangeDetail> {
  static readonly eventName = 'guichet-status-change';
  constructor(detail: StatusChangeDetail) {
    super(GuichetStatusChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface StepDetail {
  /** The step shown, from 1; `count + 1` is "Vérifiez vos réponses" (then `summary` is true). */
  step: number;
  /** How many steps the form has (the answers summary not counted). */
  count: number;
  /** The step's title, in the element's language. */
  title: string;
  summary: boolean;
}

/** Fired each time <guichet-form> shows a step (the first one included) or its answers summary. */
export class GuichetStepEvent extends CustomEvent<StepDetail> {
  static readonly eventName = 'guichet-step';
  constructor(detail: StepDetail) {
    super(GuichetStepEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface ReplyDetail {
  reference: string;
  /** The reply as the endpoint stored it. */
  reply: Reply;
  /** Where the request stands, the reply in its `replies`. */
  status: RequestStatus;
}

/** <guichet-tracker>: the endpoint took the citizen's reply to a request that waited for them. */
export class GuichetReplyEvent extends CustomEvent<ReplyDetail> {
  static readonly eventName = 'guichet-reply';
  constructor(detail: ReplyDetail) {
    super(GuichetReplyEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

// The events bubble and are composed: a page listening on `document` gets them typed as well.
declare global {
  interface HTMLElementEventMap {
    'guichet-submit': GuichetSubmitEvent;
    'guichet-submitted': GuichetSubmittedEvent;
    'guichet-error': GuichetErrorEvent;
    'guichet-step': GuichetStepEvent;
    'guichet-status-change': GuichetStatusChangeEvent;
    'guichet-reply': GuichetReplyEvent;
  }
  interface DocumentEventMap {
    'guichet-submit': GuichetSubmitEvent;
    'guichet-submitted': GuichetSubmittedEvent;
    'guichet-error': GuichetErrorEvent;
    'guichet-step': GuichetStepEvent;
    'guichet-status-change': GuichetStatusChangeEvent;
    'guichet-reply': GuichetReplyEvent;
  }
}
