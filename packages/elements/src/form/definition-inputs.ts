import type { PropertyValues } from 'lit';
import { serviceSource, type AdapterAttributes } from './adapter-attributes.js';
import type { FormParts } from './form-parts.js';

export interface DefinitionInputs extends AdapterAttributes {
  readonly hasUpdated: boolean;
  readonly data?: Record<string, unknown>;
}

/**
 * Before an update: what the changed properties mean for the definition and the answers. A new
 * `definition`, `src` or named service loads the form again; new `data` fills the answers of the
 * form already there.
 */
export function loadWhatChanged(host: DefinitionInputs, parts: FormParts, changed: PropertyValues): void {
  const { definition, answers, fields } = parts;
  const service = serviceSource(host, parts.lang());
  // A form built from a service is built again when what names the service changes.
  if (
    changed.has('definition') ||
    changed.has('src') ||
    (service && (changed.has('service') || changed.has('endpoint') || changed.has('jurisdiction')))
  )
    void definition.load(host.definition, host.src, service);
  else if (changed.has('data') && definition.model) {
    answers.replace(definition.model.fields, host.data);
    fields.redrawAll();
  } else if (!host.hasUpdated && host.definition === undefined && !host.src) {
    // Frameworks set `definition` right after creating the element, in the same task: only
    // when nothing came by then is the missing definition reported, rather than "loading" forever.
    setTimeout(() => {
      if (host.definition === undefined && !host.src && definition.status === 'idle')
        void definition.load(undefined, undefined, serviceSource(host, parts.lang()));
    });
  }
}

/** Before each update: after a language switch, fields are drawn in the new language and the problems shown said again in it. */
export function languageFollower(parts: FormParts): () => void {
  let drawn: string | undefined;
  return () => {
    const { definition, answers, errors, fields } = parts;
    const lang = parts.lang();
    if (drawn === lang) return;
    drawn = lang;
    fields.setLanguage(lang);
    if (errors.shown && definition.validator && definition.index)
      errors.relocalize(definition.validator.validate(answers.data, { lang }), definition.index);
  };
}
