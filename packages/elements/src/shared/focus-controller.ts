import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Target = () => HTMLElement | null | undefined;

interface Pending {
  target: Target;
  then?: (() => void) | undefined;
  until?: (() => boolean) | undefined;
}

/**
 * Moves focus once the next render is on screen: to the heading of a new step, the error summary,
 * an answer that just arrived. A move waits for the render because what should take focus is
 * often not drawn yet when the citizen's action is handled.
 */
export class FocusController implements ReactiveController {
  private pending?: Pending;

  constructor(private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode }) {
    host.addController(this);
  }

  /**
   * Focuses what `target` names (a selector in the host's render root, or a function) after the
   * next render, then runs `then`. Without `until` the move is made once, found or not; with it,
   * it is made again after each render until the target is there and `until()` holds (a message
   * shown while an answer is on its way holds focus until the answer replaces it).
   */
  afterRender(target: string | Target, options: { then?: () => void; until?: () => boolean } = {}): void {
    const find = typeof target === 'string' ? () => this.host.renderRoot.querySelector<HTMLElement>(target) : target;
    this.pending = { target: find, then: options.then, until: options.until };
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const pending = this.pending;
    if (!pending) return;
    const element = pending.target();
    element?.focus();
    if (pending.until && !(element && pending.until())) return;
    this.pending = undefined;
    pending.then?.();
  }
}

/**
 * Focuses the first control inside the element with this id (or the element itself), bringing
 * its question (label or legend) into view first, as GOV.UK does. False when there is none.
 */
export function focusFirstControl(root: ParentNode, id: string): boolean {
  const element = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!element) return false;
  const fieldset = element.matches('fieldset');
  // In a fieldset, the first control in error (the month box of a date whose month is missing),
  // below its legend, the question.
  const control = fieldset
    ? (element.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      element.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button'))
    : element;
  if (!control) return false;
  const label = fieldset
    ? element.querySelector('legend')
    : (control.id && root.querySelector(`label[for="${CSS.escape(control.id)}"]`)) ||
      control.closest('fieldset')?.querySelector('legend');
  label?.scrollIntoView?.({ block: 'start' });
  control.focus({ preventScroll: Boolean(label) });
  return true;
}
