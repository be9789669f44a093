/**
 * A Guichet form definition built from a GeoReport v2 service definition
 * (`GET services/{code}.json`, with the name and description of `GET services.json`), so a web
 * team can embed a town's Open311 service without writing one:
 *
 * - one question per attribute the citizen answers (`variable` true, not `automated`), in
 *   `order`: `string` → text, `text` → textarea, `number` → number, `datetime` → date and time,
 *   `singlevaluelist` → radio buttons (a select beyond five values), `multivaluelist` →
 *   checkboxes; its `description` is the question, its `datatype_description` the hint;
 *   `required` and `variable` are read as booleans or as the strings "true"/"false";
 * - attributes with `variable: false` are information, shown above the questions;
 * - the description of the request (required when the service has no question of its own);
 * - the location: an address, or a point (latitude and longitude);
 * - the contact details GeoReport defines (first and last name, e-mail, phone), optional;
 * - `adapters.open311`, mapping each answer to its GeoReport name.
 *
 * The server's texts are in `lang` (the language it answered in); Guichet's own texts are in both
 * languages (`translations`). `guichet compile --open311` writes the same definition to a file.
 */
import type { FieldUi, FormDefinition, Language, SchemaNode, SchemaObject } from '../model/types.js';
import { flag, type Open311Attribute, type Open311Service, type Open311ServiceDefinition } from './types.js';

type Texts = Record<
  | 'request'
  | 'description'
  | 'descriptionHint'
  | 'place'
  | 'placeIntro'
  | 'address'
  | 'addressHint'
  | 'latitude'
  | 'longitude'
  | 'pointHint'
  | 'you'
  | 'youIntro'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone',
  string
>;

const texts: Record<Language, Texts> = {
  fr: {
    request: 'Votre demande',
    description: 'Décrivez la situation',
    descriptionHint: 'Dites ce que vous voyez, et où exactement.',
    place: 'Le lieu',
    placeIntro: 'Donnez une adresse, ou la latitude et la longitude du lieu.',
    address: 'Adresse ou lieu',
    addressHint: 'Par exemple : 12 rue des Lilas, ou « devant l’école ».',
    latitude: 'Latitude',
    longitude: 'Longitude',
    pointHint: 'En degrés décimaux, par exemple 48.8566.',
    you: 'Vous',
    youIntro: 'Ces informations permettent au service de vous répondre.',
    firstName: 'Prénom',
    lastName: 'Nom',
    email: 'Adresse e-mail',
    phone: 'Téléphone',
  },
  en: {
    request: 'Your request',
    description: 'Describe the situation',
    descriptionHint: 'Say what you see, and where exactly.',
    place: 'The place',
    placeIntro: 'Give an address, or the latitude and longitude of the place.',
    address: 'Address or place',
    addressHint: 'For example: 12 rue des Lilas, or “in front of the school”.',
    latitude: 'Latitude',
    longitude: 'Longitude',
    pointHint: 'In decimal degrees, for example 48.8566.',
    you: 'About you',
    youIntro: 'These details let the service answer you.',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email address',
    phone: 'Phone',
  },
};

export interface ServiceFormSource {
  /** The service code, as in the element's `service` attribute. */
  serviceCode: string;
  /** `GET services/{code}.json`. */
  definition: Open311ServiceDefinition;
  /** Its entry in `GET services.json`, when the server listed it. */
  service?: Open311Service;
  /** The language of the server's texts. */
  lang: Language;
}

/** FNV-1a: a short, stable fingerprint of the service definition, for the form's version. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

function words(text: unknown): string {
  return typeof text === 'string' || typeof text === 'number' ? String(text).trim() : '';
}

/** The schema of one attribute's answer. */
function question(attribute: Open311Attribute): SchemaObject {
  const title = words(attribute.description) || words(attribute.code);
  const hint = words(attribute.datatype_description);
  const node: SchemaObject = { title, ...(hint && hint !== title ? { description: hint } : {}) };
  const choices = (attribute.values ?? [])
    .filter((value) => words(value.key))
    .map((value) => ({ const: words(value.key), title: words(value.name) || words(value.key) })) as [
    SchemaNode,
    ...SchemaNode[],
  ];
  switch (attribute.datatype) {
    case 'number':
      return { ...node, type: 'number' };
    case 'datetime':
      return { ...node, type: 'string', format: 'date-time' };
    case 'singlevaluelist':
      return choices.length ? { ...node, type: 'string', oneOf: choices } : { ...node, type: 'string' };
    case 'multivaluelist':
      return choices.length
        ? {
            ...node,
            type: 'array',
            items: { type: 'string', oneOf: choices },
            uniqueItems: true,
            ...(flag(attribute.required, false) ? { minItems: 1 } : {}),
          }
        : { ...node, type: 'string' };
    case 'text':
      return { ...node, type: 'string', maxLength: 4000 };
    default:
      return { ...node, type: 'string', maxLength: 200 };
  }
}

/** The pointers of the strings that differ between two definitions, with the strings of `other`. */
function differences(one: unknown, other: unknown, pointer = '', found: Record<string, string> = {}) {
  if (typeof other === 'string') {
    if (one !== other) found[pointer] = other;
  } else if (other && typeof other === 'object') {
    for (const [key, value] of Object.entries(other))
      differences(
        (one as Record<string, unknown>)?.[key],
        value,
        `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        found,
      );
  }
  return found;
}

export function definitionFromService(source: ServiceFormSource): FormDefinition {
  const other: Language = source.lang === 'fr' ? 'en' : 'fr';
  const definition = build(source, texts[source.lang]);
  // Guichet's own texts are the ones that change with the language.
  return { ...definition, translations: { [other]: differences(definition, build(source, texts[other])) } };
}

function build({ serviceCode, definition, service, lang }: ServiceFormSource, t: Texts): FormDefinition {
  const attributes = (definition.attributes ?? [])
    .map((attribute, index) => ({ attribute, index, order: Number(attribute.order ?? NaN) }))
    .map((entry) => ({ ...entry, order: Number.isFinite(entry.order) ? entry.order : Infinity }))
    .sort((a, b) => (a.order === b.order ? a.index - b.index : a.order < b.order ? -1 : 1))
    .map(({ attribute }) => attribute)
    .filter((attribute) => words(attribute.code) && !attribute.automated);

  const string = (maxLength: number): SchemaObject => ({ type: 'string', maxLength });
  const number = (limit: number): SchemaObject => ({ type: 'number', minimum: -limit, maximum: limit });
  /** The questions Guichet adds: their schema, GeoReport name, hint and UI. */
  const ours: [string, SchemaObject, string, (keyof Texts)?, FieldUi?][] = [
    ['description', string(4000), 'description', 'descriptionHint', { widget: 'textarea', rows: 5 }],
    ['address', string(200), 'address_string', 'addressHint', { autocomplete: 'street-address' }],
    ['latitude', number(90), 'lat', 'pointHint', { inputmode: 'decimal' }],
    ['longitude', number(180), 'long', 'pointHint', { inputmode: 'decimal' }],
    ['firstName', string(100), 'first_name', undefined, { autocomplete: 'given-name' }],
    ['lastName', string(100), 'last_name', undefined, { autocomplete: 'family-name' }],
    ['email', { ...string(200), format: 'email' }, 'email', undefined, { widget: 'email', autocomplete: 'email' }],
    ['phone', string(30), 'phone', undefined, { widget: 'tel', autocomplete: 'tel' }],
  ];
  const properties: Record<string, SchemaNode> = {};
  const required: string[] = [];
  const mapped: Record<string, string> = {};
  const information: string[] = [];
  const asked: string[] = [];
  const taken = new Set(ours.map(([name]) => name));
  for (const attribute of attributes) {
    const code = words(attribute.code);
    if (!flag(attribute.variable, true)) {
      const text = words(attribute.description);
      if (text) information.push(text);
      continue;
    }
    // The answer keeps the attribute's code as its name when it can (a web team refining the
    // form recognises it), else a name of its own.
    let name = /^[A-Za-z_][\w-]*$/.test(code) && !taken.has(code) ? code : `attribute-${slug(code) || 'x'}`;
    for (let n = 2; taken.has(name); n++) name = `${name.replace(/-\d+$/, '')}-${n}`;
    taken.add(name);
    properties[name] = question(attribute);
    if (flag(attribute.required, false)) required.push(name);
    mapped[code] = name;
    asked.push(name);
  }
  for (const [name, node, , hint] of ours)
    properties[name] = { ...node, title: t[name as keyof Texts], ...(hint ? { description: t[hint] } : {}) };
  // With no question of its own, the service learns everything from the description.
  if (asked.length === 0) required.push('description');

  const firstStep: [string, ...string[]] = ['description'];
  firstStep.unshift(...asked);
  const title = words(service?.service_name) || serviceCode;
  const description = words(service?.description);
  return {
    id: `open311-${slug(serviceCode) || fingerprint(serviceCode)}`,
    version: `1.0.0+${fingerprint(JSON.stringify([serviceCode, service ?? null, definition]))}`,
    lang,
    title,
    ...(description && description !== title ? { description } : {}),
    schema: {
      type: 'object',
      required,
      properties,
      // A place is an address, or a point: both coordinates. Each branch also allows the fields the
      // other one requires: a field only a branch names shows only while that branch applies, and
      // the three must stay on the page whichever way the citizen starts.
      dependentRequired: { latitude: ['longitude'], longitude: ['latitude'] },
      if: { required: ['latitude', 'longitude'] },
      then: { properties: { address: true } },
      else: { properties: { latitude: true, longitude: true }, required: ['address'] },
    },
    ui: {
      steps: [
        { title: t.request, ...(information.length ? { description: information.join(' ') } : {}), fields: firstStep },
        { title: t.place, description: t.placeIntro, fields: ['address', 'latitude', 'longitude'] },
        { title: t.you, description: t.youIntro, fields: ['firstName', 'lastName', 'email', 'phone'] },
      ],
      fields: Object.fromEntries(ours.map(([name, , , , ui]) => [name, ui!])),
    },
    adapters: {
      open311: {
        serviceCode,
        fields: Object.fromEntries(ours.map(([name, , open311]) => [open311, name])),
        attributes: mapped,
      },
    },
  };
}
