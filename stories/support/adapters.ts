/**
 * Adapters registered the way an authority registers its own back office's (`registerAdapter`
 * from @guichet/core, see docs/adapters.md): they answer in the browser with canned receipts,
 * statuses and failures, so that every state of the elements shows without a running endpoint.
 */
import {
  EndpointError,
  registerAdapter,
  type Attachment,
  type Phase,
  type Receipt,
  type Reply,
  type RequestStatus,
} from '@guichet/core';

/** The endpoint every story names; the adapters below never call it. */
export const storyEndpoint = 'https://gru.montfleury.example/api';

const never = <T>(): Promise<T> => new Promise<T>(() => {});

const labels: Record<Phase, { code: string; label: string; note?: string }> = {
  received: { code: 'DEPOSEE', label: 'Demande reçue' },
  in_progress: {
    code: 'INSTRUCTION',
    label: 'En cours d’instruction',
    note: 'Une équipe de la voirie passe sur place cette semaine.',
  },
  action_required: {
    code: 'A_COMPLETER',
    label: 'Pièce à fournir',
    note: 'Merci d’envoyer une photo plus nette du nid-de-poule, ou de passer à l’accueil de la mairie.',
  },
  completed: { code: 'TRAITEE', label: 'Réparation effectuée', note: 'Le trou a été rebouché le 3 décembre.' },
  rejected: {
    code: 'REFUSEE',
    label: 'Demande refusée',
    note: 'Cette rue est une route départementale : nous avons transmis votre signalement au Département.',
  },
  cancelled: { code: 'ANNULEE', label: 'Demande annulée', note: 'Annulée à votre demande.' },
};

const finalPhases: readonly Phase[] = ['completed', 'rejected', 'cancelled'];
const path: Record<Phase, Phase[]> = {
  received: ['received'],
  in_progress: ['received', 'in_progress'],
  action_required: ['received', 'in_progress', 'action_required'],
  completed: ['received', 'in_progress', 'completed'],
  rejected: ['received', 'in_progress', 'rejected'],
  cancelled: ['received', 'cancelled'],
};

/** Where a request in `phase` stands, with the history that led there. */
export function cannedStatus(reference: string, phase: Phase): RequestStatus {
  const steps = path[phase];
  const day = (i: number) => `2026-11-${String(20 + i).padStart(2, '0')}T09:30:00Z`;
  return {
    reference,
    formId: 'signalement-voirie',
    formTitle: 'Signaler un problème sur la voie publique',
    phase,
    code: labels[phase].code,
    label: labels[phase].label,
    final: finalPhases.includes(phase),
    updatedAt: day(steps.length - 1),
    ...(finalPhases.includes(phase) ? {} : { expectedBy: '2026-12-15' }),
    history: steps.map((p, i) => ({
      at: day(i),
      phase: p,
      code: labels[p].code,
      label: labels[p].label,
      ...(labels[p].note && i > 0 ? { note: labels[p].note } : {}),
    })),
  };
}

/** References the tracker stories look up: the phase is in the reference. */
export const referenceFor: Record<Phase, string> = {
  received: 'VOI-2026-000101',
  in_progress: 'VOI-2026-000102',
  action_required: 'VOI-2026-000103',
  completed: 'VOI-2026-000104',
  rejected: 'VOI-2026-000105',
  cancelled: 'VOI-2026-000106',
};
export const trackingCode = 'K7QM-2XPA';

function statusOf(reference: string): Promise<RequestStatus> {
  const phase = (Object.keys(referenceFor) as Phase[]).find((p) => referenceFor[p] === reference);
  if (reference === 'LOADING') return never();
  if (!phase) return Promise.reject(new EndpointError('not-found', 'Unknown reference or wrong code', { status: 404 }));
  const replies = repliesTo.get(reference);
  return Promise.resolve({ ...cannedStatus(reference, phase), ...(replies ? { replies } : {}) });
}

/** The replies sent from the stories, per reference, for as long as the page lives. */
const repliesTo = new Map<string, Reply[]>();
const uploads = new Map<string, Attachment>();

function stored(file: Blob & { name?: string }): Attachment {
  const attachment = {
    id: `att_storybook_${String(uploads.size).padStart(16, '0')}`,
    name: file.name ?? 'fichier',
    size: file.size,
    type: file.type,
  };
  uploads.set(attachment.id, attachment);
  return attachment;
}

function receipt(formId: string): Receipt {
  const reference = referenceFor.received;
  return {
    reference,
    trackingCode,
    receivedAt: '2026-11-28T09:30:00Z',
    expectedBy: '2026-12-15',
    status: { ...cannedStatus(reference, 'received'), formId },
  };
}

/** Acknowledges every submission at once and answers look-ups from the canned statuses. */
registerAdapter('storybook', () => ({
  name: 'storybook',
  submit: (request) => Promise.resolve(receipt(request.model.id)),
  upload: (request) =>
    Promise.resolve({
      id: `att_storybook_${String(request.file.size).padStart(8, '0')}`,
      name: request.file.name ?? 'fichier',
      size: request.file.size,
      type: request.file.type,
    }),
  status: (query) => statusOf(query.reference),
  uploadForReply: (request) => Promise.resolve(stored(request.file)),
  reply: (request) => {
    const reply: Reply = {
      id: `rep_storybook_${String(repliesTo.size).padStart(12, '0')}`,
      at: new Date().toISOString(),
      ...(request.message ? { message: request.message } : {}),
      attachments: request.attachments.flatMap((id) => uploads.get(id) ?? []),
    };
    repliesTo.set(request.reference, [...(repliesTo.get(request.reference) ?? []), reply]);
    return statusOf(request.reference);
  },
}));

/** Never answers: the element stays in "Envoi en cours…" / "Recherche de votre demande…". */
registerAdapter('storybook-pending', () => ({
  name: 'storybook-pending',
  submit: () => never(),
  status: () => never(),
}));

/** As if the device were offline: every call fails with no answer; the answers are kept. */
registerAdapter('storybook-offline', () => ({
  name: 'storybook-offline',
  submit: () => Promise.reject(new EndpointError('network', 'Failed to fetch')),
  status: () => Promise.reject(new EndpointError('network', 'Failed to fetch')),
}));

/** The first try fails as offline; the next ones never end (the citizen's "Réessayer" stays under way). */
registerAdapter('storybook-offline-then-pending', () => {
  let tries = 0;
  return {
    name: 'storybook-offline-then-pending',
    submit: () => (tries++ === 0 ? Promise.reject(new EndpointError('network', 'Failed to fetch')) : never()),
    status: () => never(),
  };
});

/** The back office is down (HTTP 503). */
registerAdapter('storybook-server-error', () => ({
  name: 'storybook-server-error',
  submit: () => Promise.reject(new EndpointError('server', 'Service Unavailable', { status: 503 })),
  status: () => Promise.reject(new EndpointError('server', 'Service Unavailable', { status: 503 })),
}));

/** Too many look-ups: the back office asks to wait two minutes. */
registerAdapter('storybook-rate-limited', () => ({
  name: 'storybook-rate-limited',
  submit: () =>
    Promise.reject(new EndpointError('rate-limited', 'Too Many Requests', { status: 429, retryAfter: 120 })),
  status: () =>
    Promise.reject(new EndpointError('rate-limited', 'Too Many Requests', { status: 429, retryAfter: 120 })),
}));

/**
 * The back office checked the answers itself and refused one (HTTP 422), in the language the
 * submission was made in: the form shows it like its own errors.
 */
registerAdapter('storybook-invalid', () => ({
  name: 'storybook-invalid',
  submit: (request) =>
    Promise.reject(
      new EndpointError('validation', 'Unprocessable Entity', {
        status: 422,
        fieldErrors: [
          {
            pointer: '/address',
            code: 'outside-territory',
            message:
              request.lang === 'en'
                ? 'This address is not in Montfleury: report it to the town it is in.'
                : 'Cette adresse n’est pas à Montfleury : signalez-la à la commune concernée.',
          },
        ],
      }),
    ),
  status: () => Promise.reject(new EndpointError('not-found', 'Not found', { status: 404 })),
}));

/**
 * The back office refused the request because of how the page is set up (an Open311 server
 * without its api key): the web team's to fix, so no "Try again" for the citizen.
 */
registerAdapter('storybook-misconfigured', () => ({
  name: 'storybook-misconfigured',
  submit: () =>
    Promise.reject(
      new EndpointError('configuration', '<guichet-form>: the server needs an api key: set the api-key attribute.', {
        status: 400,
        code: 'api-key',
      }),
    ),
  status: () => Promise.reject(new EndpointError('not-found', 'Not found', { status: 404 })),
}));

/**
 * The request left but its answer was lost, and the back office cannot deduplicate (Open311):
 * it may be stored, so it is never sent again.
 */
registerAdapter('storybook-unconfirmed', () => ({
  name: 'storybook-unconfirmed',
  submit: () =>
    Promise.reject(
      new EndpointError('unconfirmed', 'The answer of the server could not be read (CORS on POST?).', { status: 0 }),
    ),
  status: () => Promise.reject(new EndpointError('not-found', 'Not found', { status: 404 })),
}));

/** The back office refused the request for another reason (HTTP 403): not retried. */
registerAdapter('storybook-refused', () => ({
  name: 'storybook-refused',
  submit: (request) =>
    Promise.reject(
      new EndpointError(
        'rejected',
        request.lang === 'en'
          ? 'Online reports are closed during the council’s move; call the town hall.'
          : 'Les signalements en ligne sont fermés pendant le déménagement des services ; appelez la mairie.',
        { status: 403 },
      ),
    ),
  status: () => Promise.reject(new EndpointError('not-found', 'Not found', { status: 404 })),
}));
