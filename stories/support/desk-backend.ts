/**
 * A small back office in the page for the desk's stories: `fetch` calls to `deskEndpoint` are
 * answered from the canned requests below (an agent's token, the inbox with its filters, one
 * request with its replies and mails, a change of step, the CSV export), so that every state of
 * <guichet-desk> shows without a running endpoint. Any other URL goes to the network as usual.
 */
import type { Notification, Phase, Reply, StoredRequest } from '@guichet/core';
import signalementVoirie from '../../schemas/forms/signalement-voirie.json';

export const deskEndpoint = 'https://guichet.montfleury.example/api';
/** The token that signs in; any other is refused as a revoked one would be. */
export const deskToken = 'gat_storybook_montfleury';

const photo = { id: 'att_storybook_photo_0001', name: 'nid-de-poule.jpg', size: 48_213, type: 'image/jpeg' };
const replyPhoto = { id: 'att_storybook_reply_0001', name: 'photo-plus-nette.jpg', size: 61_004, type: 'image/jpeg' };

function step(at: string, phase: Phase, label: string, note?: string) {
  return { at, phase, code: phase, label, ...(note ? { note } : {}) };
}

function request(
  reference: string,
  createdAt: string,
  data: Record<string, unknown>,
  history: ReturnType<typeof step>[],
  more: { replies?: Reply[]; notifications?: Notification[]; channel?: StoredRequest['channel'] } = {},
): StoredRequest {
  const current = history[history.length - 1]!;
  return {
    reference,
    formId: 'signalement-voirie',
    formVersion: '1.0.0',
    channel: more.channel ?? 'web',
    byAgent: more.channel === 'counter',
    lang: 'fr',
    createdAt,
    data,
    attachments: data.photo ? [photo] : [],
    status: {
      reference,
      formId: 'signalement-voirie',
      formTitle: 'Signaler un problème dans la rue',
      lang: 'fr',
      phase: current.phase,
      code: current.code,
      label: current.label,
      final: ['completed', 'rejected', 'cancelled'].includes(current.phase),
      updatedAt: current.at,
      history,
    },
    replies: more.replies ?? [],
    ...(more.notifications ? { notifications: more.notifications } : {}),
  };
}

function mail(
  reference: string,
  subject: string,
  at: string,
  state: Notification['state'],
  extra: Partial<Notification> = {},
): Notification {
  return {
    id: `evt_${reference}_${at}`,
    channel: 'mail',
    reference,
    event: 'request.status_changed',
    recipient: 'camille.martin@example.fr',
    subject,
    state,
    attempts: state === 'pending' ? 0 : 1,
    createdAt: at,
    nextAttemptAt: at,
    ...(state === 'pending' ? {} : { lastAttemptAt: at, doneAt: at }),
    ...extra,
  };
}

const requests: StoredRequest[] = [
  request(
    'VOI-2026-000131',
    '2026-12-03T08:12:00Z',
    {
      category: 'nid-de-poule',
      description: 'Un trou profond devant le 12 rue des Lilas, dangereux pour les vélos.',
      address: '12 rue des Lilas',
      photo: photo.id,
      email: 'camille.martin@example.fr',
      consent: true,
    },
    [
      step('2026-12-03T08:12:00Z', 'received', 'Demande reçue'),
      step(
        '2026-12-03T14:00:00Z',
        'action_required',
        'Photo à envoyer',
        'Merci d’envoyer une photo plus nette du trou.',
      ),
    ],
    {
      replies: [
        {
          id: 'rep_storybook_0000000001',
          at: '2026-12-04T07:45:00Z',
          message: 'Voici une photo prise ce matin, avec un mètre pour l’échelle.',
          attachments: [replyPhoto],
        },
      ],
      notifications: [
        mail(
          'VOI-2026-000131',
          'Demande VOI-2026-000131 reçue\u00a0: Signaler un problème dans la rue',
          '2026-12-03T08:12:02Z',
          'sent',
        ),
        mail('VOI-2026-000131', 'Demande VOI-2026-000131\u00a0: Photo à envoyer', '2026-12-03T14:00:01Z', 'failed', {
          attempts: 3,
          lastError: '550 5.1.1 Adresse inconnue',
        }),
      ],
    },
  ),
  request(
    'VOI-2026-000130',
    '2026-12-02T16:40:00Z',
    {
      category: 'eclairage',
      description: 'Le lampadaire de la place du Marché clignote la nuit.',
      address: 'Place du Marché',
      consent: true,
    },
    [
      step('2026-12-02T16:40:00Z', 'received', 'Demande reçue'),
      step('2026-12-03T09:00:00Z', 'in_progress', 'Équipe prévenue'),
    ],
    { channel: 'counter' },
  ),
  request(
    'VOI-2026-000129',
    '2026-11-28T10:05:00Z',
    {
      category: 'depot-sauvage',
      description: 'Des sacs de déchets au pied du pont, côté rivière.',
      address: 'Pont de la Mairie',
      consent: true,
    },
    [
      step('2026-11-28T10:05:00Z', 'received', 'Demande reçue'),
      step('2026-11-30T11:30:00Z', 'completed', 'Déchets enlevés', 'Les services techniques sont passés samedi.'),
    ],
  ),
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const problem = (status: number, code: string, message: string) => json({ code, message }, status);

function matches(item: StoredRequest, query: URLSearchParams): boolean {
  const phase = query.get('phase');
  const channel = query.get('channel');
  const words = (query.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const text = JSON.stringify(item.data).toLowerCase();
  return (
    (!phase || item.status.phase === phase) &&
    (!channel || item.channel === channel) &&
    words.every((w) => text.includes(w))
  );
}

async function answer(url: URL, init: RequestInit | undefined): Promise<Response> {
  const path = url.pathname.replace(/^\/api/, '');
  if (path === '/forms')
    return json([{ id: 'signalement-voirie', title: 'Signaler un problème dans la rue', version: '1.0.0' }]);
  if (path === '/forms/signalement-voirie') return json(signalementVoirie);
  const authorization = new Headers(init?.headers).get('Authorization');
  if (authorization !== `Bearer ${deskToken}`)
    return problem(401, 'unauthorized', 'Jeton d’accès manquant ou invalide.');
  if (path === '/admin/session') return json({ actor: { kind: 'agent', name: 'Léa Dupont' } });
  if (path === '/admin/requests') return json(requests.filter((item) => matches(item, url.searchParams)));
  if (path === '/admin/requests.csv')
    return new Response('\ufeffreference;formId\r\nVOI-2026-000131;signalement-voirie\r\n', {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    });
  if (path === '/admin/audit') return json([]);
  if (path.startsWith('/admin/attachments/'))
    return new Response(new Blob(['\xff\xd8\xff']), { headers: { 'Content-Type': 'image/jpeg' } });
  const found = requests.find((item) => path.startsWith(`/admin/requests/${item.reference}`));
  if (!found) return problem(404, 'not-found', 'Cette demande n’existe pas.');
  if (path.endsWith('/status') && init?.method === 'POST') {
    const change = JSON.parse(String(init.body)) as { phase: Phase; label?: string; note?: string };
    const entry = step(new Date().toISOString(), change.phase, change.label ?? change.phase, change.note);
    found.status = {
      ...found.status,
      phase: entry.phase,
      code: entry.code,
      label: entry.label,
      updatedAt: entry.at,
      history: [...found.status.history, entry],
    };
  }
  return json(found);
}

const networkFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
  return url.href.startsWith(deskEndpoint) ? answer(url, init) : networkFetch(input, init);
};
