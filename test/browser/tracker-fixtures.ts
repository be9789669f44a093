/**
 * Helpers for the <guichet-tracker> browser tests: real requests on the real endpoint, status
 * changes through the agent API, and the tracker's visible text.
 */
import { waitUntil } from '@open-wc/testing';
import type { Phase, Receipt, RequestStatus } from '@guichet/core';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import { apiUrl, submitAnswers } from '../helpers/admin.js';
import { testEnv } from '../helpers/env.js';

const formId = 'signalement-voirie';

/** Submits the example street-problem report (its sample answers without a photo) and returns the receipt. */
export async function createRequest(lang: 'fr' | 'en' = 'fr', changes: Record<string, unknown> = {}): Promise<Receipt> {
  const samples = (await (await fetch(`/test/fixtures/forms-data/${formId}.json`)).json()) as {
    valid: Record<string, unknown>[];
  };
  return submitAnswers<Receipt>(formId, { ...samples.valid[1], ...changes }, lang);
}

/** What an agent does in the back office: move the request to a phase, with a label and a public note. */
export async function changePhase(
  reference: string,
  change: { phase: Phase; label?: string; note?: string },
): Promise<RequestStatus> {
  const response = await fetch(`${apiUrl()}/admin/requests/${encodeURIComponent(reference)}/status`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${testEnv().adminToken}` },
    body: JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`status change: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { status: RequestStatus }).status;
}

/** The tracker's text as a reader sees it, whitespace collapsed. */
export function visibleText(el: GuichetTracker, selector = '.tracker'): string {
  return (el.shadowRoot!.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function part(el: GuichetTracker, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Waits for the look-up to settle: a status, an error or the look-up form is on screen. */
export async function settled(el: GuichetTracker): Promise<void> {
  // A look-up starts in the update that follows a change of reference or code.
  await el.updateComplete;
  await waitUntil(
    () => !part(el, 'loading') && el.shadowRoot!.querySelector('.tracker[aria-busy="false"]'),
    'the tracker never settled',
    {
      timeout: 15_000,
    },
  );
  await el.updateComplete;
}

/**
 * Records every text the polite live region takes, so a test can tell how many times something
 * was announced (a screen reader speaks each change of its text once).
 */
export function recordAnnouncements(el: GuichetTracker): { texts: string[]; stop: () => void } {
  const region = el.shadowRoot!.querySelector('[role="status"]')!;
  const texts: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent?.trim() ?? '';
    if (text) texts.push(text);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { texts, stop: () => observer.disconnect() };
}
