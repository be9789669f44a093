/**
 * What a citizen does, done by a story's `play` function: press Continue, go to the summary,
 * press Send. Only through the element's shadow root and its buttons, as a person would.
 */
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';

/** Waits until `check` returns something truthy (at most 5 s, then the story errors). */
export async function until<T>(check: () => T | null | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Story: ${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function formIn(canvas: HTMLElement): GuichetForm {
  const form = canvas.querySelector('guichet-form');
  if (!form) throw new Error('Story: no <guichet-form> on the canvas');
  return form;
}

function root(form: GuichetForm): ShadowRoot {
  return form.shadowRoot!;
}

/** The form has drawn its first step (or its definition error). */
export async function rendered(form: GuichetForm): Promise<void> {
  await until(
    () => root(form).querySelector('form, [part~="definition-error"], [part~="notice"]'),
    'the form rendering',
  );
  await form.updateComplete;
}

async function submit(form: GuichetForm, what: string): Promise<void> {
  await rendered(form);
  const before = root(form).querySelector('form')!;
  const summaryBefore = root(form).querySelector('[part~="error-summary"]');
  root(form).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  // Either the next step (a new <form>) or an error summary replaces what was there.
  await until(() => {
    const now = root(form).querySelector('form');
    const summary = root(form).querySelector('[part~="error-summary"]');
    return now !== before || (summary && summary !== summaryBefore) || root(form).querySelector('.receipt');
  }, what);
  await form.updateComplete;
}

/** Presses Continue once (the step's errors show when its answers are not valid). */
export function pressContinue(form: GuichetForm): Promise<void> {
  return submit(form, 'Continue');
}

/** Presses Continue until "Vérifiez vos réponses" shows (the answers must be valid). */
export async function goToSummary(form: GuichetForm): Promise<void> {
  await rendered(form);
  for (let i = 0; i < 20 && !root(form).querySelector('[part~="summary"]'); i++) {
    await pressContinue(form);
    if (root(form).querySelector('[part~="error-summary"]'))
      throw new Error('Story: the answers of a step are not valid');
  }
}

/** On the summary, presses Send and waits for `until` (a state of the submission). */
export async function pressSend(form: GuichetForm, state: string, selector: string): Promise<void> {
  root(form).querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
  await until(() => root(form).querySelector(selector), state);
  await form.updateComplete;
}

/**
 * Runs `run` with `console.error` written as a warning: an element tells the web team what only
 * they can fix with `console.error`, which a story showing that very state expects (and
 * Storybook's checks would count as a failure).
 */
export async function expectingWebTeamMessage(run: () => Promise<void>): Promise<void> {
  const original = console.error;
  console.error = (...args: unknown[]) => console.warn(...args);
  try {
    await run();
  } finally {
    console.error = original;
  }
}

/** The "Besoin d'aide ?" blocks the form shows, its embedded tracker's included. */
export function contactBlocks(form: GuichetForm): number {
  const count = (shadow: ShadowRoot): number =>
    shadow.querySelectorAll('[part~="contact"]').length +
    [...shadow.querySelectorAll('guichet-tracker')].reduce((sum, tracker) => sum + count(tracker.shadowRoot!), 0);
  return count(root(form));
}
