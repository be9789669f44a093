import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** The attributes and properties a story sets on <guichet-form>, as its controls. */
export interface FormArgs {
  definition?: unknown;
  data?: Record<string, unknown>;
  src?: string;
  endpoint?: string;
  adapter?: string;
  channel?: string;
  draft?: string;
  draftDays?: number;
}

export function renderForm(args: FormArgs): TemplateResult {
  return html`<guichet-form
    .definition=${args.definition}
    .data=${args.data}
    src=${ifDefined(args.src)}
    endpoint=${ifDefined(args.endpoint)}
    adapter=${ifDefined(args.adapter)}
    channel=${ifDefined(args.channel)}
    draft=${args.draft ?? nothing}
    draft-days=${ifDefined(args.draftDays)}
  ></guichet-form>`;
}
