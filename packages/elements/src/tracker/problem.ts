import { html, nothing, type TemplateResult } from 'lit';
import { EndpointError, type Language } from '@guichet/core';
import { GuichetErrorEvent, type ErrorDetail, type ErrorKind } from '../events.js';
import { trackerText } from './messages.js';

/** What went wrong, in the terms the citizen is told about (and the `guichet-error` kind). */
export interface TrackerProblem {
  kind: Extract<ErrorKind, 'not-found' | 'network' | 'server' | 'rate-limited' | 'configuration'>;
  /** Seconds to wait, for `rate-limited`, when the server said. */
  retryAfter?: number;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** For `configuration`: what the web team must change, and the code of that (`cors`, `api-key`…). */
  advice?: string;
  code?: string;
  /** The page's origin, which the endpoint answers but does not allow. */
  refusedOrigin?: string;
}

/** The `guichet-error` a problem makes, with `message` and what the CORS diagnosis adds. */
export function problemEvent(problem: TrackerProblem, message: string, extra: Partial<ErrorDetail>): GuichetErrorEvent {
  return new GuichetErrorEvent({
    kind: problem.kind,
    message,
    ...(problem.code ? { code: problem.code } : {}),
    ...(problem.status !== undefined ? { status: problem.status } : {}),
    ...(problem.retryAfter !== undefined ? { retryAfter: problem.retryAfter } : {}),
    ...extra,
  });
}

/** Anything a status look-up may throw, turned into one of the cases the tracker explains. */
export function toProblem(error: unknown): TrackerProblem {
  if (error instanceof EndpointError || (error instanceof Error && error.name === 'EndpointError' && 'kind' in error)) {
    const { kind, details } = error as EndpointError;
    const status = details?.status;
    switch (kind) {
      case 'network':
      case 'timeout':
        return details?.refusedOrigin ? { kind: 'network', refusedOrigin: details.refusedOrigin } : { kind: 'network' };
      case 'rate-limited':
        return { kind: 'rate-limited', retryAfter: details?.retryAfter, status };
      case 'server':
      case 'unconfirmed':
        return { kind: 'server', status };
      case 'configuration':
        return { kind: 'configuration', advice: (error as EndpointError).message, code: details?.code };
      // A malformed reference refused with a 400/422 is, for the citizen, a request we cannot
      // find; telling these apart would also tell which references exist.
      case 'not-found':
      case 'rejected':
      case 'validation':
        return { kind: 'not-found', status };
    }
  }
  // A TypeError from fetch escaping an adapter means no answer; anything else is a broken answer.
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return { kind: 'network' };
  return { kind: 'server' };
}

export function isRetryable(problem: TrackerProblem): boolean {
  return problem.kind === 'network' || problem.kind === 'server' || problem.kind === 'rate-limited';
}

export function problemMessage(
  problem: TrackerProblem,
  lang: Language,
  needsCode = true,
): { title: string; message: string } {
  const t = trackerText(lang);
  switch (problem.kind) {
    case 'not-found':
      return { title: t.notFoundTitle, message: needsCode ? t.notFound : t.notFoundNumber };
    case 'network':
      // Refused by the endpoint's configuration: not the citizen's connection to check.
      if (problem.refusedOrigin) return { title: t.serverTitle, message: t.server };
      return { title: t.networkTitle, message: t.network };
    case 'rate-limited':
      return { title: t.rateLimitedTitle, message: t.rateLimited(problem.retryAfter) };
    case 'configuration':
      return { title: t.configurationTitle, message: t.configuration };
    default:
      return { title: t.serverTitle, message: t.server };
  }
}

export interface ProblemViewOptions {
  problem: TrackerProblem;
  lang: Language;
  /** True when an older status is still shown below: say it may be out of date. */
  stale: boolean;
  headingId: string;
  onRetry: () => void;
  /** False for back offices without tracking codes: the number alone was asked. */
  needsCode: boolean;
}

export function renderProblem({
  problem,
  lang,
  stale,
  headingId,
  onRetry,
  needsCode,
}: ProblemViewOptions): TemplateResult {
  const t = trackerText(lang);
  const { title, message } = problemMessage(problem, lang, needsCode);
  // As the error summary (GOV.UK's structure): the box that takes focus after a failed look-up is
  // not named by its title alone, and the inner alert makes a reader say the title and the
  // message, also when a refresh fails behind a status already on screen.
  return html`<div class="problem problem--${problem.kind}" part="error" tabindex="-1">
    <div role="alert">
    <h2 id=${headingId} class="problem__title">${title}</h2>
    <p class="problem__message">${message}</p>
    ${stale ? html`<p class="problem__stale">${t.staleNotice}</p>` : nothing}
    </div>
    ${
      isRetryable(problem)
        ? html`<button class="secondary" part="retry-button" type="button" @click=${onRetry}>${t.retry}</button>`
        : nothing
    }
  </div>`;
}
