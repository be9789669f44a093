import { svg, type SVGTemplateResult } from 'lit';
import type { Phase } from '@guichet/core';

/**
 * One shape per phase, drawn in `currentColor` so it follows the theme and forced-colors mode.
 * Decorative: the phase is always written next to it, so the icon is hidden from assistive
 * technology and never the only cue.
 */
const shapes: Record<Phase, SVGTemplateResult> = {
  // An envelope: the request arrived.
  received: svg`<rect x="3" y="6" width="18" height="13" rx="1.5"></rect><path d="M3.5 7l8.5 6.5 8.5-6.5"></path>`,
  // A clock: someone is working on it.
  in_progress: svg`<circle cx="12" cy="12" r="9"></circle><path d="M12 7v5.5l3.5 2"></path>`,
  // A raised hand / exclamation in a triangle: the citizen has to act.
  action_required: svg`<path d="M12 3.5l9.5 16.5h-19z"></path><path d="M12 10v4.5"></path><circle cx="12" cy="17.3" r="0.6"></circle>`,
  // A tick in a circle: done.
  completed: svg`<circle cx="12" cy="12" r="9"></circle><path d="M7.5 12.5l3 3 6-6.5"></path>`,
  // A cross in a circle: turned down.
  rejected: svg`<circle cx="12" cy="12" r="9"></circle><path d="M8.5 8.5l7 7M15.5 8.5l-7 7"></path>`,
  // A slashed circle: withdrawn.
  cancelled: svg`<circle cx="12" cy="12" r="9"></circle><path d="M5.6 18.4L18.4 5.6"></path>`,
};

export function phaseIcon(phase: Phase): SVGTemplateResult {
  return svg`<svg class="phase-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${shapes[phase] ?? shapes.received}</svg>`;
}
