/**
 * ajv with the keywords of Guichet's JSON Schema subset only (see docs/definition-format.md): the
 * 2020-12 core, the validation and applicator keywords the subset names, `format`, the
 * annotations, `dependentRequired`/`dependentSchemas`, and `unevaluatedProperties` (which
 * prepare-schema.ts adds to close objects). The definition meta-schema rejects every other
 * keyword before ajv sees a schema, so leaving out `not`, `patternProperties`, `prefixItems`,
 * `contains`, `minProperties`/`maxProperties`, `unevaluatedItems`, `$dynamicRef` and
 * `discriminator` (and ajv's own meta-schemas) changes no verdict, and makes the page's
 * validator chunk smaller.
 */
import AjvModule, { _, type Options, type Vocabulary } from 'ajv/dist/core.js';
import idModule from 'ajv/dist/vocabularies/core/id.js';
import refModule from 'ajv/dist/vocabularies/core/ref.js';
import limitNumberModule from 'ajv/dist/vocabularies/validation/limitNumber.js';
import multipleOfModule from 'ajv/dist/vocabularies/validation/multipleOf.js';
import limitLengthModule from 'ajv/dist/vocabularies/validation/limitLength.js';
import patternModule from 'ajv/dist/vocabularies/validation/pattern.js';
import requiredModule from 'ajv/dist/vocabularies/validation/required.js';
import limitItemsModule from 'ajv/dist/vocabularies/validation/limitItems.js';
import uniqueItemsModule from 'ajv/dist/vocabularies/validation/uniqueItems.js';
import constModule from 'ajv/dist/vocabularies/validation/const.js';
import enumModule from 'ajv/dist/vocabularies/validation/enum.js';
import dependentRequiredModule from 'ajv/dist/vocabularies/validation/dependentRequired.js';
import anyOfModule from 'ajv/dist/vocabularies/applicator/anyOf.js';
import oneOfModule from 'ajv/dist/vocabularies/applicator/oneOf.js';
import allOfModule from 'ajv/dist/vocabularies/applicator/allOf.js';
import ifModule from 'ajv/dist/vocabularies/applicator/if.js';
import thenElseModule from 'ajv/dist/vocabularies/applicator/thenElse.js';
import propertyNamesModule from 'ajv/dist/vocabularies/applicator/propertyNames.js';
import additionalPropertiesModule from 'ajv/dist/vocabularies/applicator/additionalProperties.js';
import propertiesModule from 'ajv/dist/vocabularies/applicator/properties.js';
import items2020Module from 'ajv/dist/vocabularies/applicator/items2020.js';
import dependentSchemasModule from 'ajv/dist/vocabularies/applicator/dependentSchemas.js';
import formatModule from 'ajv/dist/vocabularies/format/format.js';
import { metadataVocabulary, contentVocabulary } from 'ajv/dist/vocabularies/metadata.js';
import unevaluatedPropertiesModule from 'ajv/dist/vocabularies/unevaluated/unevaluatedProperties.js';
import { uriResolver } from './uri-resolver.js';

/** CommonJS default exports reach us as the module object under Node and as the value in bundles. */
const unwrap = <T>(module: T): T => ((module as { default?: T }).default ?? module) as T;

const AjvCore = unwrap(AjvModule);
/** In the order of ajv's own vocabulary lists: where a keyword is registered decides when it runs. */
const keywords = [
  ...['$schema', '$id', '$defs', '$vocabulary', { keyword: '$comment' }, 'definitions', idModule, refModule],
  ...[
    limitNumberModule,
    multipleOfModule,
    limitLengthModule,
    patternModule,
    requiredModule,
    limitItemsModule,
    uniqueItemsModule,
  ],
  // Without these two entries ajv holds `{type: "string"}` for a schema without rules, always valid.
  { keyword: 'type', schemaType: ['string', 'array'] },
  { keyword: 'nullable', schemaType: 'boolean' },
  ...[constModule, enumModule],
  ...[
    anyOfModule,
    oneOfModule,
    allOfModule,
    ifModule,
    thenElseModule,
    propertyNamesModule,
    additionalPropertiesModule,
    propertiesModule,
    items2020Module,
  ],
  ...[formatModule, dependentRequiredModule, dependentSchemasModule, unevaluatedPropertiesModule],
].map((keyword) => unwrap(keyword)) as Vocabulary;
const vocabularies = [keywords, metadataVocabulary, contentVocabulary];

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
