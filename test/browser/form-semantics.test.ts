import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { localize, type Field, type FieldKind } from '@guichet/core';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { fieldId } from '../../packages/elements/src/form/ids.js';
import { endpointUrl } from '../helpers/env.js';
import {
  exampleDefinition,
  exampleForms,
  fillStepWithKeyboard,
  labelText,
  modelOf,
  shadow,
  textOfIds,
  validAnswers,
  whenReady,
} from './form-helpers.js';

const tidy = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

interface Seen {
  kinds: Set<FieldKind>;
  errorKinds: Set<FieldKind>;
}

/** Fields drawn on the page now, with their pointers (first item of a group). */
function drawn(root: ShadowRoot, fields: readonly Field[], parent = ''): { field: Field; pointer: string }[] {
  return fields.flatMap((field) => {
    const pointer = `${parent}/${field.name}`;
    const here = root.getElementById(fieldId(pointer)) ? [{ field, pointer }] : [];
    if (field.kind === 'fieldset') return [...here, ...drawn(root, field.fields ?? [], pointer)];
    if (field.kind === 'group') return [...here, ...drawn(root, field.fields ?? [], `${pointer}/0`)];
    return here;
  });
}

/** The element carrying a field's name and description: the control, or the fieldset of a choice list. */
function describedElement(root: ShadowRoot, field: Field, pointer: string): HTMLElement {
  const control = root.getElementById(fieldId(pointer)) as HTMLElement;
  if (field.kind === 'radio' || field.kind === 'checkboxes') return control.closest('fieldset') as HTMLElement;
  return control;
}

function accessibleName(root: ShadowRoot, field: Field, element: HTMLElement): string {
  if (element instanceof HTMLFieldSetElement) return tidy(element.querySelector('legend')?.textContent);
  return labelText(root, element);
}

function checkField(root: ShadowRoot, field: Field, pointer: string, seen: Seen, inError: boolean): void {
  const element = describedElement(root, field, pointer);
  const label = localize(field.label, 'fr');
  const where = `${pointer} (${field.kind})`;
  expect(accessibleName(root, field, element), `name of ${where}`).to.satisfy((name: string) =>
    name.startsWith(tidy(label)),
  );
  const description = textOfIds(root, element.getAttribute('aria-describedby'));
  const hint = tidy(localize(field.hint, 'fr'));
  if (hint)
    expect(description, `description of ${where} starts with its hint`).to.satisfy((d: string) => d.startsWith(hint));
  const error = root.getElementById(`${fieldId(pointer)}__error`);
  if (inError && error) {
    seen.errorKinds.add(field.kind);
    expect(error.textContent, `${where} error prefix`).to.match(/^\s*Erreur\u00a0:/);
    expect(description, `description of ${where} ends with its error`).to.satisfy((d: string) =>
      d.endsWith(tidy(error.textContent)),
    );
    if (!(element instanceof HTMLFieldSetElement))
      expect(element.getAttribute('aria-invalid'), `${where} aria-invalid`).to.equal('true');
  } else {
    expect(description, `${where} shows no error before an attempt`).to.not.contain('Erreur\u00a0:');
    expect(element.getAttribute('aria-invalid'), `${where} not invalid`).to.equal(null);
  }
  seen.kinds.add(field.kind);
}

/**
 * Walks one example form step by step, checking every field drawn before and after a failed
 * Continue. Each form is walked once per run, by its own test or by the coverage test, whichever
 * comes first: the coverage test stands on its own when run alone.
 */
const walks = new Map<string, Promise<void>>();
const seen: Seen = { kinds: new Set(), errorKinds: new Set() };
const walkOnce = (id: string) => walks.get(id) ?? walks.set(id, walk(id)).get(id)!;

async function walk(id: string): Promise<void> {
  const model = modelOf(await exampleDefinition(id));
  const answers = await validAnswers(id);
  const el = await fixture<GuichetForm>(
    html`<guichet-form draft="none" src=${`${endpointUrl()}/api/forms/${id}`}></guichet-form>`,
  );
  await whenReady(el);
  const root = shadow(el);
  for (let step = 0; step < model.steps.length; step++) {
    const onStep = () =>
      drawn(
        root,
        model.fields.filter((f) => model.steps[step]?.fields.includes(f.name)),
      );
    for (const { field, pointer } of onStep()) checkField(root, field, pointer, seen, false);
    const title = root.querySelector('#guichet-step-title')?.textContent;
    root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    // Continue waits for the validator, which may still be on its way.
    await waitUntil(
      () =>
        root.activeElement?.id === 'guichet-error-summary' ||
        (root.activeElement?.id === 'guichet-step-title' && root.activeElement.textContent !== title),
      'focus moves after Continue',
      { timeout: 10000 },
    );
    await el.updateComplete;
    if (root.activeElement?.id === 'guichet-error-summary') {
      for (const { field, pointer } of onStep()) checkField(root, field, pointer, seen, true);
      await fillStepWithKeyboard(el, model, answers);
    }
  }
  el.remove();
}

describe('<guichet-form> names and descriptions of every field kind', () => {
  for (const id of exampleForms) {
    it(`${id}: label as name, hint then error as description, aria-invalid, on every step`, async () => {
      await walkOnce(id);
    });
  }

  it('covered every field kind the example forms use, and errors on most', async function () {
    this.timeout(120_000);
    for (const id of exampleForms) await walkOnce(id);
    for (const kind of [
      'text',
      'textarea',
      'email',
      'tel',
      'url',
      'date',
      'time',
      'datetime',
      'number',
      'integer',
      'checkbox',
      'consent',
      'radio',
      'select',
      'checkboxes',
      'fieldset',
      'group',
      'file',
    ] as FieldKind[]) {
      expect([...seen.kinds], `kind ${kind}`).to.include(kind);
    }
    for (const kind of [
      'text',
      'textarea',
      'email',
      'tel',
      'date',
      'time',
      'integer',
      'consent',
      'radio',
      'select',
      'checkboxes',
      'file',
    ] as FieldKind[]) {
      expect([...seen.errorKinds], `error on ${kind}`).to.include(kind);
    }
  });
});
