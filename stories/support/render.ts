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
  headingLevel?: number;
  hideTitle?: boolean;
  trackerUrl?: string;
  /** The page's own heading above the form, as a CMS page has one. */
  pageTitle?: string;
}

export function renderForm(args: FormArgs): TemplateResult {
  return html`${args.pageTitle ? html`<h1>${args.pageTitle}</h1>` : nothing}<guichet-form
    .definition=${args.definition}
    .data=${args.data}
    src=${ifDefined(args.src)}
    endpoint=${ifDefined(args.endpoint)}
    adapter=${ifDefined(args.adapter)}
    channel=${ifDefined(args.channel)}
    draft=${args.draft ?? nothing}
    draft-days=${ifDefined(args.draftDays)}
    heading-level=${ifDefined(args.headingLevel)}
    ?hide-title=${args.hideTitle}
    tracker-url=${ifDefined(args.trackerUrl)}
  ></guichet-form>`;
}
