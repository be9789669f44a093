/**
 * Helpers for the Open311 browser tests: the GeoReport v2 simulators web-test-runner starts
 * (test/helpers/georeport/simulator.mjs), reports filed as a citizen's browser files them, an
 * agent's changes and what each server stored, through the simulator's test routes.
 */
import { testEnv } from '../helpers/env.js';
import type { GuichetErrorEvent } from '../../packages/elements/src/events.js';

export type Open311Mode = 'url' | 'repeat' | 'noCors' | 'getOnly' | 'listOnly';

/** The GeoReport v2 base URL of one simulator (`url`: the spec's, with CORS). */
export function open311(mode: Open311Mode = 'url'): string {
  return testEnv().open311[mode];
}

export function apiKey(): string {
  return testEnv().open311.apiKey;
}

/** The simulator's own origin, where its test routes live. */
function control(mode: Open311Mode): string {
  return new URL(open311(mode)).origin;
}

/** Files a report (form-urlencoded, as a page does) and returns its service request id. */
export async function fileReport(fields: Record<string, string> = {}, mode: Open311Mode = 'url'): Promise<string> {
  const body = new URLSearchParams({
    service_code: 'voirie',
    description: 'Lampadaire éteint place du Marché.',
    address_string: 'Place du Marché',
    api_key: apiKey(),
    ...(mode === 'repeat' ? { jurisdiction_id: 'montfleury.example' } : {}),
    ...fields,
  });
  if (mode === 'noCors') {
    // The page cannot read that server's answer: the id is read back through the test route.
    await fetch(`${open311(mode)}/requests.json`, { method: 'POST', body, mode: 'no-cors' });
    return String((await stored(mode)).requests.at(-1)!.service_request_id);
  }
  const response = await fetch(`${open311(mode)}/requests.json`, { method: 'POST', body });
  const [answer] = (await response.json()) as { service_request_id: number }[];
  if (answer?.service_request_id === undefined) throw new Error(`not filed: HTTP ${response.status}`);
  return String(answer.service_request_id);
}

/** What the back office's agent does: changes the request (status, status_notes, expected_datetime…). */
export async function agentUpdate(id: string, changes: Record<string, unknown>, mode: Open311Mode = 'url') {
  const response = await fetch(`${control(mode)}/_test/requests/${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(changes),
  });
  if (!response.ok) throw new Error(`Open311 update: HTTP ${response.status}`);
}

export interface StoredRequest {
  service_request_id: number;
  service_code: string;
  description: string;
  address: string;
  lat: number | null;
  long: number | null;
  attributes: Record<string, unknown>;
  contact: Record<string, string | null>;
}

/** Everything one simulator stored so far, and how many POSTs it received. */
export async function stored(mode: Open311Mode = 'url'): Promise<{ received: number; requests: StoredRequest[] }> {
  return (await (await fetch(`${control(mode)}/_test/requests`)).json()) as {
    received: number;
    requests: StoredRequest[];
  };
}

export interface Watched<T> {
  result: T;
  /** The `guichet-error` events fired meanwhile, as `[kind, code]`, and their messages. */
  errors: [string, string | undefined][];
  messages: string[];
  /** What was written with `console.error` meanwhile: what the elements tell the web team. */
  logged: string;
}

/** Runs `run`, recording the elements' `guichet-error` events (they bubble to the document) and `console.error`. */
export async function watch<T>(run: () => Promise<T>): Promise<Watched<T>> {
  const events: GuichetErrorEvent[] = [];
  const record = (event: GuichetErrorEvent) => void events.push(event);
  const logged: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  document.addEventListener('guichet-error', record);
  try {
    const result = await run();
    return {
      result,
      errors: events.map((e) => [e.detail.kind, e.detail.code]),
      messages: events.map((e) => e.detail.message),
      logged: logged.join('\n'),
    };
  } finally {
    console.error = original;
    document.removeEventListener('guichet-error', record);
  }
}
