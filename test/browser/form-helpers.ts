/**
 * Helpers for the <guichet-form> browser tests: the example forms, and a citizen who fills a form
 * with the keyboard only (Tab, Space, Enter, arrows, typing), as a screen-reader or switch user
 * would.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Field, FormModel } from '@guichet/core';
import { loadDefinition } from '@guichet/core';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';

/** The example forms in schemas/forms/, each with valid answers in test/fixtures/forms-data/. */
export const exampleForms = [
  'signalement-voirie',
  'contact-service',
  'inscription-cantine',
  'reservation-salle',
  'acte-etat-civil',
  'occupation-domaine-public',
] as const;

export async function exampleDefinition(id: string): Promise<Record<string, unknown>> {
  const response = await fetch(`/schemas/forms/${id}.json`);
  if (!response.ok) throw new Error(`schemas/forms/${id}.json: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

export async function validAnswers(id: string, index = 0): Promise<Record<string, unknown>> {
  const response = await fetch(`/test/fixtures/forms-data/${id}.json`);
  const fixture = (await response.json()) as { valid: Record<string, unknown>[] };
  const first = fixture.valid[index];
  if (!first) throw new Error(`no valid answers for ${id}`);
  return first;
}

export function modelOf(definition: unknown): FormModel {
  const result = loadDefinition(definition);
  if (!result.ok) throw new Error(`invalid definition: ${result.error.message}`);
  return result.model;
}

/** Waits until the element shows its form (or its error box): forms with conditions wait for their validator. */
export async function whenReady(el: GuichetForm): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('form, .definition-error'), 'the form did not render', {
    timeout: 10000,
  });
  await el.updateComplete;
}

export function shadow(el: GuichetForm): ShadowRoot {
  const root = el.shadowRoot;
  if (!root) throw new Error('no shadow root');
  return root;
}

export function focused(el: GuichetForm): HTMLElement | null {
  return shadow(el).activeElement as HTMLElement | null;
}

/** Text of the elements an aria-describedby (or -labelledby) names, joined by spaces. */
export function textOfIds(root: ShadowRoot, ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? `<missing #${id}>`)
    .join(' ');
}

/** A control's accessible name the simple way our markup gives it: its label or its fieldset legend. */
export function labelText(root: ShadowRoot, control: HTMLElement): string {
  const label = control.id ? root.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return (label?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function fieldByPointer(model: FormModel, pointer: string): Field | undefined {
  const names = pointer
    .slice(1)
    .split('/')
    .filter((t) => !/^\d+$/.test(t));
  let fields: Field[] | undefined = model.fields;
  let field: Field | undefined;
  for (const name of names) {
    field = fields?.find((f) => f.name === name);
    fields = field?.fields;
  }
  return field;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const token of pointer.slice(1).split('/')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

async function type(text: string): Promise<void> {
  if (text) await sendKeys({ type: text });
}

const pad = (value: string | number) => String(value).padStart(2, '0');

/** Types a date into a native date input, segment by segment in the browser's own order. */
async function typeDate(value: string): Promise<void> {
  const [year, month, day] = value.split('-');
  const parts = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22));
  for (const part of parts) {
    if (part.type === 'year') await type(year ?? '');
    else if (part.type === 'month') await type(month ?? '');
    else if (part.type === 'day') await type(day ?? '');
  }
}

/** Types a date into the three boxes of a memorable date, from the day box, as written: "21", "9", "2019". */
async function typeDateBoxes(value: string): Promise<void> {
  const [year = '', month = '', day = ''] = value.split('-');
  await type(String(Number(day)));
  await press('Tab');
  await type(String(Number(month)));
  await press('Tab');
  await type(year);
}

async function typeTime(value: string): Promise<void> {
  const [hours = '0', minutes = '0'] = value.split(':');
  const twelve = new Intl.DateTimeFormat(navigator.language, { hour: 'numeric' }).resolvedOptions().hour12;
  const h = Number(hours);
  if (twelve) {
    await type(pad(h % 12 === 0 ? 12 : h % 12));
    await type(minutes);
    await type(h < 12 ? 'A' : 'P');
  } else {
    await type(pad(h));
    await type(minutes);
  }
}

/** A real file of the first accepted type (the endpoint checks the bytes, not the name). */
export async function sampleFile(accept: readonly string[]): Promise<File> {
  const type =
    accept.find((t) => t === 'application/pdf') ??
    accept.find((t) => t.startsWith('image/'))?.replace('/*', '/png') ??
    'application/pdf';
  if (type.startsWith('image/')) {
    const canvas = new OffscreenCanvas(4, 4);
    const context = canvas.getContext('2d');
    if (context) context.fillRect(0, 0, 2, 2);
    const blob = await canvas.convertToBlob({ type });
    return new File([blob], type === 'image/jpeg' ? 'photo.jpg' : 'photo.png', { type: blob.type });
  }
  const pdf =
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return new File([pdf], 'plan.pdf', { type: 'application/pdf' });
}

/** What a file field gets in these tests: a file chooser is the system's, out of the page's reach. */
export function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Fills the current step with `answers` using the keyboard, then presses Enter on Continue (or on
 * Send on the summary). Returns once focus has moved on (next step's heading, summary, or the
 * error summary).
 */
export async function fillStepWithKeyboard(
  el: GuichetForm,
  model: FormModel,
  answers: Record<string, unknown>,
): Promise<void> {
  const root = shadow(el);
  const done = new Set<string>();
  const startTitle = root.querySelector('#guichet-step-title')?.textContent ?? '';
  // The citizen arrives at the form (a skip link, or the page's heading): Tab from its title.
  if (!root.activeElement) {
    root.querySelector<HTMLElement>('#guichet-title')?.focus();
    await press('Tab');
  }
  for (let guard = 0; guard < 400; guard++) {
    const active = root.activeElement as HTMLElement | null;
    if (!active) throw new Error('focus left the form');
    if (active instanceof HTMLButtonElement && active.type === 'submit') {
      await press('Enter');
      await waitUntil(
        () => {
          const now = root.activeElement;
          return (
            now &&
            (now.id === 'guichet-error-summary' || (now.id === 'guichet-step-title' && now.textContent !== startTitle))
          );
        },
        'focus did not move after Continue',
        { timeout: 10000 },
      );
      if (root.activeElement?.id === 'guichet-error-summary') {
        throw new Error(
          `errors after Continue: ${root.querySelector('#guichet-error-summary')?.textContent?.replace(/\s+/g, ' ')}`,
        );
      }
      return;
    }
    const name = (active as HTMLInputElement).name;
    const action = active.dataset.action;
    if (action === 'add-item') {
      const pointer = active.dataset.pointer ?? '';
      const wanted = valueAt(answers, pointer);
      const have = valueAt(el.answersSnapshot, pointer);
      if (Array.isArray(wanted) && wanted.length > (Array.isArray(have) ? have.length : 0)) {
        await press('Enter');
        continue;
      }
    } else if (name?.startsWith('/') && !done.has(name)) {
      const field = fieldByPointer(model, name);
      const wanted = valueAt(answers, name);
      if (field && active instanceof HTMLInputElement && (field.kind === 'checkboxes' || field.kind === 'radio')) {
        await fillOption(active, field, wanted, name, done);
        continue;
      }
      done.add(name);
      if (field && wanted !== undefined) await fillControl(active, field, wanted);
    }
    await press('Tab');
  }
  throw new Error('could not reach Continue');
}

async function fillOption(
  active: HTMLInputElement,
  field: Field,
  wanted: unknown,
  name: string,
  done: Set<string>,
): Promise<void> {
  const choices = field.choices ?? [];
  const index = Number(active.value);
  if (field.kind === 'radio') {
    done.add(name);
    const target = choices.findIndex((c) => c.value === wanted);
    if (target >= 0) {
      // Arrow keys move and select within the group; Space selects the one focused.
      for (let i = index; i < target; i++) await press('ArrowDown');
      for (let i = index; i > target; i--) await press('ArrowUp');
      if (target === index) await press('Space');
    }
    await press('Tab');
    return;
  }
  const choice = choices[index];
  if (choice && Array.isArray(wanted) && wanted.includes(choice.value) && !active.checked) await press('Space');
  if (index === choices.length - 1) done.add(name);
  await press('Tab');
}

async function fillControl(active: HTMLElement, field: Field, wanted: unknown): Promise<void> {
  switch (field.kind) {
    case 'checkbox':
    case 'consent':
      if (wanted === true && !(active as HTMLInputElement).checked) await press('Space');
      return;
    case 'select': {
      const index = (field.choices ?? []).findIndex((c) => c.value === wanted);
      for (let i = 0; i <= index; i++) await press('ArrowDown');
      return;
    }
    case 'date':
      return typeDate(String(wanted));
    case 'memorable-date':
      return typeDateBoxes(String(wanted));
    case 'time':
      return typeTime(String(wanted));
    case 'datetime': {
      const [date = '', time = ''] = String(wanted).split('T');
      await typeDate(date);
      // The year segment takes up to six digits, so it does not move on by itself.
      await press('Tab');
      return typeTime(time);
    }
    case 'file':
      chooseFile(active as HTMLInputElement, await sampleFile(field.constraints.accept ?? []));
      return;
    default:
      await type(String(wanted));
  }
}

/** The answers as the element should send them: files are keys of its own, not the fixture's. */
export function withoutFileValues(model: FormModel, data: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  for (const field of model.fields) if (field.kind === 'file') delete copy[field.name];
  return copy;
}
