/**
 * French typography in every French text the elements and the citizen's mails write (RGAA audit, point 8): a non-breaking
 * space (U+00A0, or the narrow U+202F) before « : ; ? ! % » and after « and « n° », so that a "?"
 * never starts a line on a narrow phone and a screen reader's braille display keeps the pair whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fr as coreMessages } from '../../packages/core/src/messages/fr.js';
import { phaseLabel } from '../../packages/core/src/client/phase-labels.js';
import { finalPhases } from '../../packages/core/src/client/phase-labels.js';
import { sharedText } from '../../packages/elements/src/shared/messages.js';
import { formText } from '../../packages/elements/src/form/messages.js';
import { trackerText } from '../../packages/elements/src/tracker/messages.js';
import { statusText } from '../../packages/elements/src/tracker/status-messages.js';
import { submissionText } from '../../packages/elements/src/submission/messages.js';
import { replyText } from '../../packages/elements/src/tracker/reply/reply-text.js';
import { mailTexts } from '../../packages/endpoint/src/notifications/mail-texts.js';

const NO_BREAK = '[\u00a0\u202f]';

/** Every text a catalogue can produce: strings, plural forms, and what its functions return. */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    // A message with parameters: called as the element calls it, once with a name and once with a count.
    const fn = value as (...args: unknown[]) => unknown;
    const call = (arg: unknown) => fn(...Array.from({ length: fn.length }, () => arg));
    const counted = (count: number) => {
      try {
        return texts(call(count), `${path}(${count})`);
      } catch {
        return []; // a message that takes names only
      }
    };
    return [...texts(call('Exemple'), `${path}(…)`), ...counted(1), ...counted(3)];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => texts(inner, `${path}.${key}`));
  }
  return [];
}

/** What is wrong with a French text's spacing, in words. */
function problems(text: string): string[] {
  const found: string[] = [];
  // A colon inside a web address or a piece of JSON quoted for a definition's author is not punctuation.
  const prose = text.replace(/https?:\/\/\S+/g, 'URL').replace(/[\w}]: (false|true)\b/g, 'JSON');
  for (const match of prose.matchAll(/(.?)([:;?!%»])/g)) {
    if (!new RegExp(`^${NO_BREAK}$`).test(match[1] ?? '')) found.push(`no non-breaking space before “${match[2]}”`);
  }
  for (const match of prose.matchAll(/«(.?)/g)) {
    if (!new RegExp(`^${NO_BREAK}$`).test(match[1] ?? '')) found.push('no non-breaking space after “«”');
  }
  for (const match of prose.matchAll(/n°(.?)/g)) {
    if (!new RegExp(`^${NO_BREAK}$`).test(match[1] ?? '')) found.push('no non-breaking space after “n°”');
  }
  return found;
}

const catalogues: Record<string, unknown> = {
  'core messages': coreMessages,
  'phase labels': Object.fromEntries(
    (['received', 'in_progress', 'action_required', ...finalPhases] as const).map((phase) => [
      phase,
      phaseLabel(phase, 'fr'),
    ]),
  ),
  shared: sharedText('fr'),
  form: formText('fr'),
  tracker: trackerText('fr'),
  'tracker status': statusText('fr'),
  submission: submissionText('fr'),
  'tracker reply': replyText('fr'),
  mails: Object.fromEntries(Object.entries(mailTexts).map(([key, text]) => [key, text.fr])),
};

test('the checker finds what it is meant to find', () => {
  assert.deepEqual(problems('Besoin d’aide ?'), ['no non-breaking space before “?”']);
  assert.deepEqual(problems('Besoin d’aide?'), ['no non-breaking space before “?”']);
  assert.deepEqual(problems('« Référence »'), ['no non-breaking space before “»”', 'no non-breaking space after “«”']);
  assert.deepEqual(problems('«\u00a0unevaluatedProperties: false\u00a0»'), []);
  assert.deepEqual(problems('Erreur\u00a0: «\u00a0a\u00a0» 25\u202f% n°\u00a03, https://exemple.fr'), []);
});

test('every French text the elements ship has its non-breaking spaces', () => {
  const all = Object.entries(catalogues).flatMap(([name, catalogue]) => texts(catalogue, name));
  // The catalogues are large: an empty walk would pass for the wrong reason.
  assert.ok(all.length > 200, `${all.length} texts read`);
  const wrong = all.flatMap(([path, text]) =>
    problems(text).map((problem) => `${path}: ${problem} in ${JSON.stringify(text)}`),
  );
  assert.deepEqual(wrong, []);
});
