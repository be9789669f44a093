import { LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { RequestStatus } from '@guichet/core';
import { themeStyles } from '../shared/theme.styles.js';
import { contactStyles } from '../shared/contact-block.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { LanguageController } from '../shared/language-controller.js';
import { shiftHeadings } from '../shared/heading-levels.js';
import { loadTrackingChunk, loadWorkChunk, trackingChunkNow } from '../shared/lazy-chunk.js';
import { trackerStyles } from './guichet-tracker.styles.js';
import { renderUnavailable, unavailableEvent } from './unavailable.js';
import type { TrackerContact } from './contact.js';
import type { Tracking } from './tracking.js';

/**
 * Shows where one request stands — the authority's own name for the current step, the phase in
 * words and icon, the dates, the history with the agents' public notes, and how to reach a
 * person — so that a citizen does not have to phone the town hall. Without `reference` and `code`
 * it shows a look-up form.
 *
 * @summary Follow a request: status, history and contact, or a look-up form.
 *
 * @attr endpoint - Base URL of the back office's API, e.g. `https://gru.example/api`. Required.
 * @attr reference - The request's reference, e.g. `VOI-2026-000123`. With `code`, skips the look-up form.
 * @attr code - The tracking code given with the receipt. Not needed with `adapter="open311"` (Open311 has none).
 * @attr refresh - Polls every N seconds while the page is visible (at least 10: smaller values count as 10).
 *   Polling pauses while the tab is hidden and fetches at once when it comes back; it stops on a final phase.
 * @attr adapter - `guichet` (default), `open311`, or a name given to `registerAdapter`.
 * @attr api-key - Passed to the adapter as `apiKey` (`open311`: GeoReport v2 sends it with new requests only,
 *   so a tracker does not need it; an authority's own adapter may).
 * @attr jurisdiction - `open311`: the `jurisdiction_id` of a server that serves several.
 * @attr lang - `fr` or `en`; defaults to the closest `lang` in the page, else French.
 * @attr heading-level - The level of the element's top headings (the status or the look-up form), 2 by
 *   default: 3 when the page's own heading above it is an h2. The others follow; from level 4 down
 *   they also look smaller.
 * @attr hide-contact - Shows no "Need help?" block: the page (or the receipt around the tracker) shows one.
 * @attr from-url - Opt-in: takes `reference` from the page URL's query (`?reference=VOI-2026-000123`),
 *   for the links of receipts and e-mails; the look-up form then shows it and asks for the tracking
 *   code. A `code` in the URL is never read: a secret in an address ends up in server logs, browser
 *   history and shared links. An attribute set on the element wins over the URL.
 *
 * @prop {TrackerContact} contact - How to reach a person: `{ name, phone, email, address, openingHours, url }`,
 *   each text a string or `{ fr, en }`. Without it, the contact of the request's form (from the endpoint) is shown.
 *
 * @event guichet-status-change - `GuichetStatusChangeEvent`: a refresh found the request at a new step
 *   (`detail.reference`, `detail.previous`, `detail.status`).
 * @event guichet-reply - `GuichetReplyEvent`: the endpoint took the citizen's reply (`detail.reference`, `detail.reply`, `detail.status`).
 * @event guichet-error - `GuichetErrorEvent`: the look-up failed and the citizen is told so
 *   (`detail.kind`: `not-found` | `network` | `server` | `rate-limited` | `configuration`). For
 *   `configuration`, `detail.message` says what the web team must change (also written to the
 *   console) and `detail.code` which setting (`endpoint`, `adapter`, `cors`, `jurisdiction`…). When the
 *   endpoint answers but does not allow the page's origin, `detail.refusedOrigin` and `detail.diagnosis`
 *   (also in the console) say which origin to add to its `GUICHET_ALLOWED_ORIGINS`.
 *
 * @csspart lookup - The look-up form.
 * @csspart error-summary - The look-up form's error summary.
 * @csspart input - The look-up form's text inputs.
 * @csspart loading - The "looking for your request" message.
 * @csspart status - The status view.
 * @csspart reference - The request number line.
 * @csspart title - The current step's heading (the authority's label).
 * @csspart phase - The phase, icon and words.
 * @csspart final - The sentence saying a final phase will not change.
 * @csspart action-required - The box telling the citizen what is expected of them.
 * @csspart reply - The reply form of a request that waits for the citizen (a message and documents).
 * @csspart reply-button - The reply form's "Send my reply" button.
 * @csspart reply-sent - The confirmation that the reply was sent.
 * @csspart timeline - The ordered list of steps (the citizen's replies among them, part `reply-entry`).
 * @csspart timeline-entry - One step in the timeline.
 * @csspart note - An agent's public note.
 * @csspart contact - The "Need help?" block.
 * @csspart error - A failed look-up's message.
 * @csspart retry-button - The "Try again" button.
 * @csspart track-another - The "Track another request" button.
 *
 * @cssproperty --guichet-color-primary - Links, buttons, accents.
 * @cssproperty --guichet-color-text - Body text.
 * @cssproperty --guichet-color-muted - Dates and hints.
 * @cssproperty --guichet-color-background - Background.
 * @cssproperty --guichet-color-surface - Boxes (notes, contact).
 * @cssproperty --guichet-color-border - Input and timeline borders.
 * @cssproperty --guichet-color-error - Errors and the rejected phase.
 * @cssproperty --guichet-color-success - The completed phase.
 * @cssproperty --guichet-color-warning - The action-required phase and box.
 * @cssproperty --guichet-color-focus - Focus ring.
 * @cssproperty --guichet-font-family - Font.
 * @cssproperty --guichet-space - Base spacing.
 * @cssproperty --guichet-radius - Corner radius.
 * @cssproperty --guichet-max-width - Largest width of the element.
 */
export class GuichetTracker extends LitElement {
  static override styles = [themeStyles, contactStyles, fieldStyles, trackerStyles];

  // Declared as data rather than with decorators: see GuichetForm.properties.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    reference: {},
    code: {},
    refresh: { type: Number },
    adapter: {},
    apiKey: { attribute: 'api-key' },
    jurisdiction: {},
    fromUrl: { type: Boolean, attribute: 'from-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    hideContact: { type: Boolean, attribute: 'hide-contact' },
    contact: { attribute: false },
    chunkFailed: { state: true },
  };

  endpoint = '';
  reference = '';
  code = '';
  declare refresh?: number;
  adapter = 'guichet';
  declare apiKey?: string;
  declare jurisdiction?: string;
  fromUrl = false;
  declare headingLevel?: number;
  hideContact = false;
  declare contact?: TrackerContact;

  /** The code that tracks (a chunk of its own) could not be downloaded. */
  private chunkFailed = false;

  private readonly language = new LanguageController(this);
  /** What the tracker does, once its chunk is here (the first update waits for it). */
  private tracking?: Tracking;
  /** Settings changed while the chunk was missing, handed to it once it arrives. */
  private readonly unseen = new Map<PropertyKey, unknown>();

  /** The status last received, if any. */
  get status(): RequestStatus | undefined {
    return this.tracking?.status;
  }

  /**
   * Fetches the status now, whatever `refresh` says (a page's own "refresh" button; tests, which
   * must not wait for a 10-second poll). Resolves once the result is rendered; never rejects.
   */
  async refreshNow(): Promise<void> {
    await this.updateComplete;
    await this.tracking?.refreshNow();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tracking?.connected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tracking?.disconnected();
  }

  /** The first update waits for the tracking chunk; `updateComplete` with it. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.tracking) return super.scheduleUpdate();
    const chunk = trackingChunkNow();
    if (chunk) {
      this.tracking = new chunk.Tracking(this, () => this.language.value);
      return super.scheduleUpdate();
    }
    // A request to look up needs the work chunk too (the adapters): both download side by side.
    if (this.reference.trim()) loadWorkChunk().catch(() => undefined);
    return loadTrackingChunk().then(
      ({ Tracking }) => {
        this.chunkFailed = false;
        this.tracking ??= new Tracking(this, () => this.language.value);
        super.scheduleUpdate();
      },
      () => {
        if (!this.chunkFailed) this.dispatchEvent(unavailableEvent(this.language.value));
        this.chunkFailed = true;
        super.scheduleUpdate();
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.tracking) {
      // Drawn without its chunk (it failed to download): what changed meanwhile waits for it.
      for (const [name, old] of changed) if (!this.unseen.has(name)) this.unseen.set(name, old);
      return;
    }
    const all = changed as Map<PropertyKey, unknown>;
    for (const [name, old] of this.unseen) if (!all.has(name)) all.set(name, old);
    this.unseen.clear();
    this.tracking.willUpdate(changed);
  }

  protected override updated(): void {
    this.tracking?.updated();
    // Every state, the box that says the chunk did not come included.
    shiftHeadings(this.renderRoot, this.headingLevel);
  }

  protected override render(): TemplateResult {
    return this.tracking?.render() ?? renderUnavailable(this.language.value, this.retryChunk);
  }

  private readonly retryChunk = (): void => {
    this.requestUpdate();
  };
}
