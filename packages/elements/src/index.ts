/**
 * The public API of @guichet/elements, and of the CDN bundle dist/guichet.js built from this file:
 * the two elements (defined as `<guichet-form>` and `<guichet-tracker>` on import), their typed
 * events, and what an authority needs to plug its own back office in (`registerAdapter`, and
 * `EndpointError` for an adapter to say what went wrong), with their types. Nothing else: what
 * the bundle's lazily loaded chunks share with it is not exported (see scripts/lib/public-entry.mjs).
 */
import './guichet-form.js';
import './guichet-tracker.js';

export { GuichetForm } from './form/guichet-form.js';
export { GuichetTracker } from './tracker/guichet-tracker.js';
export {
  GuichetErrorEvent,
  GuichetReplyEvent,
  GuichetStatusChangeEvent,
  GuichetStepEvent,
  GuichetSubmitEvent,
  GuichetSubmittedEvent,
  type ErrorDetail,
  type ErrorKind,
  type ReplyDetail,
  type StatusChangeDetail,
  type StepDetail,
  type SubmitDetail,
  type SubmittedDetail,
} from './events.js';
export { EndpointError, registerAdapter } from '@guichet/core';
export type {
  Adapter,
  AdapterConfig,
  AdapterFactory,
  Attachment,
  CallOptions,
  Channel,
  EndpointErrorKind,
  FormModel,
  Language,
  Phase,
  Receipt,
  Reply,
  ReplyToRequest,
  ReplyUploadRequest,
  RequestStatus,
  StatusQuery,
  SubmitRequest,
  UploadRequest,
} from '@guichet/core';
