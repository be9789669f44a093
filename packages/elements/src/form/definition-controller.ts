import type { ReactiveControllerHost } from 'lit';
import {
  hasConditions,
  localize,
  type CompiledValidators,
  type DefinitionProblem,
  type FieldConditions,
  type FormModel,
  type FormValidator,
  type Language,
  type LoadResult,
} from '@guichet/core';
import { GuichetErrorEvent } from '../events.js';
import { refusedOriginDetail } from '../shared/diagnosis.js';
import { formText } from './messages.js';
import { fetchDefinition, formProblem } from './definition-source.js';
import { loadReader, readerNow, readWith } from './definition-reader.js';
import { afterFirstPaint, afterIdle } from './idle.js';
import { FormIndex } from './form-index.js';
import type { FetchedService, ServiceSource } from './service-source.js';
import { loadChecksChunk, loadConditionsChunk, loadLazyChunk } from '../shared/lazy-chunk.js';
import { tellWebTeam } from '../shared/web-team.js';
import { hintModule } from '../shared/module-hint.js';

export type DefinitionStatus = 'idle' | 'loading' | 'ready' | 'broken';

export interface DefinitionEvents {
  /** The definition is read: the form starts (its answers, steps and drafts). */
  ready(model: FormModel): void;
  /** The checking rules arrived: what depends on conditions can be drawn. */
  validatorArrived(validator: FormValidator): void;
  /** The language the form speaks now. */
  lang(): Language;
}

/**
 * Reads the form's definition (the `definition` property, fetched from `src`, or built from an
 * Open311 server's service definition: see service-source.ts) and gets its
 * checking rules the cheapest way that works: the validator the endpoint precompiled (no eval,
 * so strict Content-Security-Policies are fine), or ajv compiling one in the page — not before
 * the citizen's first focus in the form, unless conditions need it to decide what is shown.
 * A definition that cannot be used is drawn as a list of its problems and told to the page
 * (`guichet-error`, kind `definition`).
 */
export class DefinitionController {
  status: DefinitionStatus = 'idle';
  model?: FormModel;
  /** Where things are in the model, once it is read. */
  index?: FormIndex;
  problems: DefinitionProblem[] = [];
  /** The checking rules, once they arrived. */
  validator?: FormValidator;
  /**
   * What decides which fields are shown and required, for a form with conditions: it draws its
   * first step with them, without waiting for the rest of the checking rules.
   */
  conditions?: FieldConditions;
  /** While the definition reader's chunks are on their way (the host's updates wait for them). */
  arriving?: Promise<unknown>;
  private validatorReady?: Promise<FormValidator>;
  /** Starts compiling the validator that waits for the citizen (see load). */
  private compileNow?: () => void;
  private compileScheduled = false;
  private loadAgain?: () => void;
  /** The last failure is the page's settings' (no retry mends it). */
  private settingAtFault = false;
  /** Set when the checking rules were lost on the way once the form was drawn. */
  private downloadRulesAgain?: () => void;
  private loadToken = 0;
  /** Diagnoses already written to the console. */
  private readonly told = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly events: DefinitionEvents,
  ) {}

  /** `service`: where the definition comes from when there is neither `definition` nor `src`. */
  async load(definition: unknown, src: string | undefined, service?: ServiceSource): Promise<void> {
    this.loadAgain = () => void this.load(definition, src, service);
    const token = ++this.loadToken;
    this.status = 'loading';
    this.model = undefined;
    this.validator = undefined;
    this.conditions = undefined;
    this.validatorReady = undefined;
    this.compileNow = undefined;
    this.compileScheduled = false;
    this.downloadRulesAgain = undefined;
    this.host.requestUpdate();
    let input: unknown = definition;
    let validatorUrl: string | undefined;
    let definitionOrigin: string | undefined;
    if (input === undefined && !src && service) {
      const built: FetchedService = await loadLazyChunk().then(
        (chunk) => chunk.fetchServiceDefinition(service),
        () => ({ ok: false, problem: formProblem('network', (t) => t.definitionNetwork) }),
      );
      if (token !== this.loadToken) return;
      if (!built.ok) return this.fail([built.problem], built);
      input = built.definition;
    } else if (input === undefined) {
      if (!src) return this.fail([formProblem('no-definition', (t) => t.definitionMissing)]);
      const fetched = await fetchDefinition(src, this.host.ownerDocument.baseURI);
      if (token !== this.loadToken) return;
      if (!fetched.ok)
        return this.fail(
          [fetched.problem],
          {},
          fetched.refusedOrigin ? { origin: fetched.refusedOrigin, src } : undefined,
        );
      input = fetched.definition;
      validatorUrl = fetched.validatorUrl;
      // The endpoint says the form has conditions: what decides them downloads now, beside the
      // reading, and the first step is drawn a round trip sooner.
      if (validatorUrl && fetched.conditional) {
        hintModule(this.host.ownerDocument, validatorUrl);
        void loadConditionsChunk().catch(() => undefined);
      }
      definitionOrigin = fetched.origin;
    }
    // A definition the endpoint served with its precompiled validator was checked against the
    // meta-schema and the definition rules before it was served; any other is checked here, by
    // ajv (loaded lazily) and the rules.
    let reader = readerNow(!validatorUrl);
    if (!reader) {
      const arriving = loadReader(!validatorUrl);
      this.arriving = arriving;
      try {
        reader = await arriving;
      } catch {
        return this.failValidator(token);
      } finally {
        if (this.arriving === arriving) this.arriving = undefined;
      }
      if (token !== this.loadToken) return;
    }
    // Read in this task when it can be: a definition handed over is drawn by `updateComplete`.
    let result: LoadResult | Promise<LoadResult> = readWith(reader, input);
    if (result instanceof Promise) {
      try {
        result = await result;
      } catch {
        return this.failValidator(token);
      }
      if (token !== this.loadToken) return;
    }
    if (!result.ok) return this.fail(result.error.problems);
    const model = result.model;
    // The compiled rules and the checks chunk that makes a validator of them download side by
    // side; a first step waits for neither, unless conditions decide what it shows (below).
    const { core } = reader;
    const rules = (): Promise<CompiledValidators> =>
      validatorUrl
        ? core.loadStandaloneValidators(validatorUrl, { origin: definitionOrigin })
        : core.compileRuntimeValidators(model);
    const validatorOf = async (compiled: Promise<CompiledValidators>) => {
      const [validators, checks] = await Promise.all([compiled, loadChecksChunk()]);
      return checks.createValidator(model, validators);
    };
    const compile = () => validatorOf(rules());
    const conditional = hasConditions(model.fields);
    let ready: Promise<FormValidator>;
    let conditions: Promise<FieldConditions> | undefined;
    if (conditional) {
      // Conditions decide what is shown: the first step waits for the compiled rules (the
      // endpoint's validator.js, a few kilobytes), not for the checks chunk and its messages.
      const compiled = rules();
      conditions = Promise.all([compiled, loadConditionsChunk()]).then(([validators, chunk]) =>
        chunk.readConditions(model, validators),
      );
      // The checks chunk (messages, the full reader) would share the network with them: it
      // downloads once the step is painted.
      ready = conditions.then(afterFirstPaint).then(() => validatorOf(compiled));
    } else if (validatorUrl) {
      // A precompiled validator is only a download, but not one the first step needs to show: it
      // starts once the step is painted (or at once if the citizen presses Continue before).
      ready = new Promise<void>((resolve) => (this.compileNow = resolve)).then(compile);
      const now = this.compileNow;
      afterFirstPaint()
        .then(now)
        .catch(() => undefined);
    } else {
      // Compiling with ajv takes about a millisecond per field on a cheap phone, and nothing needs
      // it before the citizen starts answering: it waits for the first focus in the form (or for
      // Continue), while ajv itself downloads once the fields are on screen.
      afterFirstPaint()
        .then(core.preloadRuntimeCompiler)
        .catch(() => undefined);
      ready = new Promise<void>((resolve) => (this.compileNow = resolve)).then(compile);
    }
    const awaitRules = (arriving: Promise<FormValidator>) => {
      this.validatorReady = arriving;
      arriving.then(
        (validator) => {
          if (token !== this.loadToken) return;
          this.validator = validator;
          this.events.validatorArrived(validator);
          // V8 compiles a validator's code on its first call (~120 ms for 1000 fields here): in a
          // pause of the citizen's, not when they press Continue.
          afterIdle(() => {
            if (token === this.loadToken) validator.validate({}, { lang: this.events.lang() });
          });
        },
        () => {
          if (token !== this.loadToken) return;
          if (this.status !== 'ready') return this.failValidator(token);
          // Lost on the way while the citizen answers (a connection dropping on a slow network):
          // the form stays, and the next check downloads the rules again (see validatorNow).
          this.validatorReady = undefined;
          this.compileNow = undefined;
          this.downloadRulesAgain = () => awaitRules(compile());
        },
      );
    };
    awaitRules(ready);
    // A form with conditions waits for what decides what is shown; the others render at once.
    if (conditions) {
      try {
        const arrived = await conditions;
        if (token !== this.loadToken) return;
        this.conditions = arrived;
      } catch {
        // Said by failValidator, as the validator shares the failure.
        return;
      }
    }
    this.model = model;
    this.index = new FormIndex(model);
    this.events.ready(model);
    this.status = 'ready';
    this.host.requestUpdate();
  }

  /**
   * Loads again, when what stopped the form is the connection (a download that failed, a server
   * answering 5xx for a moment), not the definition or the page's settings: undefined otherwise.
   */
  get retry(): (() => void) | undefined {
    if (this.status !== 'broken' || this.settingAtFault) return undefined;
    const passing = this.problems.every(
      ({ code }) => code === 'network' || code === 'validator' || /^http-5\d\d$/.test(code ?? ''),
    );
    return passing ? this.loadAgain : undefined;
  }

  /** The citizen's first focus in the form: the checking rules compile in their next pause. */
  readonly onFocusIn = (): void => {
    const compile = this.compileNow;
    if (!compile || this.compileScheduled) return;
    this.compileScheduled = true;
    // In a pause of the citizen's, not between focus and the first keystroke.
    afterIdle(compile);
  };

  /**
   * The checking rules, now: compiled at once if they were waiting; `waiting` runs when they are
   * not there yet (on a slow connection they may still be on their way). Undefined when they failed.
   */
  async validatorNow(waiting: () => void): Promise<FormValidator | undefined> {
    if (this.validator) return this.validator;
    if (!this.validatorReady) this.downloadRulesAgain?.();
    this.compileNow?.();
    waiting();
    try {
      return await this.validatorReady;
    } catch {
      return undefined;
    }
  }

  private failValidator(token: number): void {
    if (token !== this.loadToken) return;
    this.fail([formProblem('validator', (t) => t.validatorFailed)]);
  }

  /**
   * `setting`: the page's settings are at fault (a service the server does not know, no CORS…);
   * `refused`: the endpoint serving `src` answers but does not allow the page's origin.
   */
  private fail(
    problems: DefinitionProblem[],
    setting: { advice?: string; code?: string } = {},
    refused?: { origin: string; src: string },
  ): void {
    this.status = 'broken';
    this.problems = problems;
    this.model = undefined;
    const { advice, code } = setting;
    this.settingAtFault = Boolean(advice || refused);
    this.host.requestUpdate();
    const lang = this.events.lang();
    if (advice) tellWebTeam(this.host, advice);
    this.host.dispatchEvent(
      new GuichetErrorEvent({
        kind: advice ? 'configuration' : 'definition',
        message: advice ?? formText(lang).definitionErrorTitle,
        ...(code ? { code } : {}),
        problems: problems.map((p) => ({ pointer: p.pointer, code: p.code, message: localize(p.message, lang) })),
        ...(refused ? refusedOriginDetail(refused.origin, endpointOf(refused.src, this.host), this.told) : {}),
      }),
    );
  }
}

/** The origin a definition came from, which is the endpoint to configure. */
function endpointOf(src: string, host: HTMLElement): string {
  try {
    return new URL(src, host.ownerDocument.baseURI).origin;
  } catch {
    return src;
  }
}
