/**
 * ajv with the vocabularies of Guichet's JSON Schema subset only: the 2020-12 core, validation,
 * applicator, format, metadata, `dependentRequired`/`dependentSchemas`, and `unevaluated*`
 * (which prepare-schema.ts adds to close objects). The definition meta-schema rejects every
 * other keyword before ajv sees a schema, so leaving out `$dynamicRef` and `discriminator`
 * (and ajv's own meta-schemas) changes no verdict, and makes the page's validator chunk smaller.
 */
import AjvModule, { _, type Options } from 'ajv/dist/core.js';
import coreModule from 'ajv/dist/vocabularies/core/index.js';
import validationModule from 'ajv/dist/vocabularies/validation/index.js';
import applicatorModule from 'ajv/dist/vocabularies/applicator/index.js';
import formatModule from 'ajv/dist/vocabularies/format/index.js';
import { metadataVocabulary, contentVocabulary } from 'ajv/dist/vocabularies/metadata.js';
import nextModule from 'ajv/dist/vocabularies/next.js';
import unevaluatedModule from 'ajv/dist/vocabularies/unevaluated/index.js';
import { uriResolver } from './uri-resolver.js';

/** CommonJS default exports reach us as the module object under Node and as the value in bundles. */
const unwrap = <T>(module: T): T => ((module as { default?: T }).default ?? module) as T;

const AjvCore = unwrap(AjvModule);
const vocabularies = [
  unwrap(coreModule),
  unwrap(validationModule),
  unwrap(applicatorModule)(true),
  unwrap(formatModule),
  metadataVocabulary,
  contentVocabulary,
  unwrap(nextModule),
  unwrap(unevaluatedModule),
];

export class GuichetAjv extends AjvCore {
  constructor(options: Options = {}) {
    super({ ...options, next: true, unevaluated: true, meta: false, validateSchema: false, uriResolver });
  }

  override _addVocabularies(): void {
    super._addVocabularies();
    for (const vocabulary of vocabularies) this.addVocabulary(vocabulary);
  }
}

export { _ };
