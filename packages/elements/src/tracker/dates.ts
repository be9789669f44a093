import { html, type TemplateResult } from 'lit';
import type { Language } from '@guichet/core';
import { formatDate } from '../shared/intl.js';

/** A moment (ISO date-time) in the reader's time zone and language, in a `<time>` element. */
export function renderDateTime(iso: string, lang: Language): TemplateResult {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return html`<time>${iso}</time>`;
  const text = formatDate(date, lang, { dateStyle: 'long', timeStyle: 'short' });
  return html`<time datetime=${iso}>${text}</time>`;
}

/**
 * A calendar day (ISO date, or the day part of a date-time). Formatted in UTC on purpose: a date
 * has no time zone, and reading "2026-12-01" as local midnight would show 30 November west of
 * Greenwich.
 */
export function renderDay(iso: string, lang: Language): TemplateResult {
  const day = iso.slice(0, 10);
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return html`<time>${iso}</time>`;
  const text = formatDate(date, lang, { dateStyle: 'long', timeZone: 'UTC' });
  return html`<time datetime=${day}>${text}</time>`;
}
