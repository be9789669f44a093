/**
 * Forms as a back-office team that defines its data in code would bring them: models written
 * with zod 4 (`z.toJSONSchema()`: 2020-12 with `$schema` and `additionalProperties: false`) and
 * TypeBox (its schemas are JSON Schema already), turned into Guichet definitions as they are.
 * Each model comes with answers a citizen would give, and its own parser, which must accept what
 * Guichet sends. Between them they cover objects, optional fields, enums, literals, unions of
 * literals, nested objects, arrays of objects, string formats and min/max constraints.
 * Also: what these generators emit that a form cannot ask (see docs/definition-format.md).
 */
import { z } from 'zod';
import Type from 'typebox';
import Value from 'typebox/value';

export interface GeneratedModel {
  /** The form's id: `zod-…` or `typebox-…`. */
  id: string;
  title: string;
  /** The JSON Schema the generator emits, untouched. */
  schema: Record<string, unknown>;
  /** What a citizen answers (what the form sends, once emptied answers are left out). */
  answers: Record<string, unknown>;
  /** The model's own check of an answer. */
  accepts(data: unknown): boolean;
}

const zodModel = (id: string, title: string, model: z.ZodType, answers: Record<string, unknown>): GeneratedModel => ({
  id: `zod-${id}`,
  title,
  schema: z.toJSONSchema(model) as Record<string, unknown>,
  answers,
  accepts: (data) => model.safeParse(data).success,
});

const typeboxModel = (
  id: string,
  title: string,
  model: Type.TSchema,
  answers: Record<string, unknown>,
): GeneratedModel => ({
  id: `typebox-${id}`,
  title,
  // TypeBox's schemas are plain JSON Schema once serialised (its own markers are symbols).
  schema: JSON.parse(JSON.stringify(model)) as Record<string, unknown>,
  answers,
  accepts: (data) => Value.Check(model, data),
});

const PHONE = /^0[1-9][0-9]{8}$/;

export const zodModels: GeneratedModel[] = [
  zodModel(
    'contact',
    'Écrire à la mairie',
    z.object({
      name: z.string().min(1).max(100).meta({ title: 'Votre nom' }),
      email: z.email().meta({ title: 'Votre adresse e-mail' }),
      phone: z.string().regex(PHONE).optional().meta({ title: 'Votre téléphone (facultatif)' }),
      message: z.string().min(10).max(500).meta({ title: 'Votre message' }),
    }),
    { name: 'Ada Martin', email: 'ada@exemple.fr', message: 'Bonjour, une question sur la cantine.' },
  ),
  zodModel(
    'signalement',
    'Signaler un problème',
    z.object({
      category: z.enum(['voirie', 'eclairage', 'proprete']).meta({ title: 'Type de problème' }),
      description: z.string().min(10).meta({ title: 'Décrivez le problème' }),
      place: z
        .object({
          street: z.string().min(3).meta({ title: 'Rue' }),
          postalCode: z
            .string()
            .regex(/^[0-9]{5}$/)
            .meta({ title: 'Code postal' }),
          city: z.string().meta({ title: 'Ville' }),
        })
        .meta({ title: 'Où ?' }),
      consent: z.literal(true).meta({ title: "J'accepte que la mairie me recontacte" }),
    }),
    {
      category: 'eclairage',
      description: 'Le lampadaire ne marche plus.',
      place: { street: 'rue Haute', postalCode: '91999', city: 'Montfleury' },
      consent: true,
    },
  ),
  zodModel(
    'cantine',
    'Inscrire un enfant à la cantine',
    z.object({
      child: z
        .object({
          firstName: z.string().min(1).meta({ title: "Prénom de l'enfant" }),
          birthDate: z.iso.date().meta({ title: 'Date de naissance' }),
        })
        .meta({ title: "L'enfant" }),
      school: z.enum(['jaures', 'moulin', 'pasteur']).meta({ title: 'École' }),
      days: z
        .array(z.enum(['lundi', 'mardi', 'jeudi', 'vendredi']))
        .min(1)
        .meta({ title: 'Jours de cantine' }),
    }),
    { child: { firstName: 'Léa', birthDate: '2018-04-12' }, school: 'moulin', days: ['mardi', 'jeudi'] },
  ),
  zodModel(
    'salle',
    'Réserver une salle',
    z.object({
      hall: z.union([z.literal('fetes'), z.literal('sports'), z.literal('reunion')]).meta({ title: 'Salle' }),
      date: z.iso.date().meta({ title: 'Date' }),
      attendees: z.number().int().min(1).max(200).meta({ title: 'Nombre de personnes' }),
    }),
    { hall: 'reunion', date: '2027-03-14', attendees: 30 },
  ),
  zodModel(
    'famille',
    'Déclarer les enfants du foyer',
    z.object({
      children: z
        .array(
          z.object({
            firstName: z.string().min(1).meta({ title: 'Prénom' }),
            age: z.number().int().min(0).max(18).meta({ title: 'Âge' }),
          }),
        )
        .min(1)
        .max(4)
        .meta({ title: 'Vos enfants' }),
    }),
    {
      children: [
        { firstName: 'Léa', age: 7 },
        { firstName: 'Tom', age: 11 },
      ],
    },
  ),
  zodModel(
    'adhesion',
    'Adhérer à la médiathèque',
    z.object({
      formula: z.literal('annuel').meta({ title: 'Formule' }),
      amount: z.number().min(10).max(500).multipleOf(0.5).meta({ title: 'Montant du don (€)' }),
      newsletter: z.boolean().optional().meta({ title: 'Recevoir la lettre' }),
    }),
    { formula: 'annuel', amount: 15.5, newsletter: true },
  ),
  zodModel(
    'coordonnees',
    'Mettre à jour vos coordonnées',
    z.object({
      lastName: z.string().min(1).meta({ title: 'Nom' }),
      phone: z.string().regex(PHONE).nullable().meta({ title: 'Téléphone' }),
      note: z.string().max(200).nullish().meta({ title: 'Remarque' }),
      website: z.url().optional().meta({ title: 'Site web' }),
    }),
    { lastName: 'Martin', website: 'https://www.exemple.fr' },
  ),
  zodModel(
    'quartier',
    'Conseil de quartier',
    z.object({
      district: z
        .enum(['centre', 'gare', 'plateau', 'bords-de-seine', 'vieux-bourg', 'zone-nord', 'zone-sud'])
        .meta({ title: 'Votre quartier' }),
      topic: z.string().min(5).max(120).meta({ title: 'Sujet à aborder' }),
    }),
    { district: 'plateau', topic: 'Stationnement rue des Écoles' },
  ),
  zodModel(
    'quotient',
    'Calculer le quotient familial',
    z.object({
      income: z.number().int().min(0).meta({ title: 'Revenus annuels (€)' }),
      householdSize: z.number().int().min(1).max(12).meta({ title: 'Personnes au foyer' }),
      hasCaf: z.boolean().meta({ title: 'Allocataire de la CAF' }),
      cafNumber: z
        .string()
        .regex(/^[0-9]{7}$/)
        .optional()
        .meta({ title: 'Numéro CAF' }),
    }),
    { income: 24000, householdSize: 3, hasCaf: true, cafNumber: '1234567' },
  ),
  zodModel(
    'avis',
    'Donner votre avis',
    z.object({
      rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).meta({ title: 'Note' }),
      comment: z.string().max(2000).optional().meta({ title: 'Commentaire' }),
      contactBack: z.enum(['email', 'telephone', 'non']).meta({ title: 'Vous recontacter ?' }),
    }),
    { rating: 4, comment: 'Accueil très agréable, merci.', contactBack: 'non' },
  ),
];

export const typeboxModels: GeneratedModel[] = [
  typeboxModel(
    'contact',
    'Écrire à la mairie',
    Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 100, title: 'Votre nom' }),
        email: Type.String({ format: 'email', title: 'Votre adresse e-mail' }),
        phone: Type.Optional(Type.String({ pattern: PHONE.source, title: 'Votre téléphone (facultatif)' })),
        message: Type.String({ minLength: 10, maxLength: 500, title: 'Votre message' }),
      },
      { additionalProperties: false },
    ),
    { name: 'Ada Martin', email: 'ada@exemple.fr', phone: '0612345678', message: 'Bonjour, une question.' },
  ),
  typeboxModel(
    'signalement',
    'Signaler un problème',
    Type.Object({
      category: Type.Union([Type.Literal('voirie'), Type.Literal('eclairage'), Type.Literal('proprete')], {
        title: 'Type de problème',
      }),
      description: Type.String({ minLength: 10, title: 'Décrivez le problème' }),
      place: Type.Object(
        {
          street: Type.String({ minLength: 3, title: 'Rue' }),
          postalCode: Type.String({ pattern: '^[0-9]{5}$', title: 'Code postal' }),
        },
        { title: 'Où ?' },
      ),
      consent: Type.Literal(true, { title: "J'accepte que la mairie me recontacte" }),
    }),
    {
      category: 'voirie',
      description: 'Un nid-de-poule devant le 12.',
      place: { street: 'rue Basse', postalCode: '91999' },
      consent: true,
    },
  ),
  typeboxModel(
    'cantine',
    'Inscrire un enfant à la cantine',
    Type.Object({
      child: Type.Object(
        {
          firstName: Type.String({ minLength: 1, title: "Prénom de l'enfant" }),
          birthDate: Type.String({ format: 'date', title: 'Date de naissance' }),
        },
        { title: "L'enfant" },
      ),
      school: Type.Enum(['jaures', 'moulin', 'pasteur'], { title: 'École' }),
      days: Type.Array(Type.Enum(['lundi', 'mardi', 'jeudi', 'vendredi']), {
        minItems: 1,
        uniqueItems: true,
        title: 'Jours de cantine',
      }),
    }),
    { child: { firstName: 'Tom', birthDate: '2019-09-01' }, school: 'jaures', days: ['lundi'] },
  ),
  typeboxModel(
    'salle',
    'Réserver une salle',
    Type.Object({
      hall: Type.Union([Type.Literal('fetes'), Type.Literal('sports')], { title: 'Salle' }),
      date: Type.String({ format: 'date', title: 'Date' }),
      // Not `format: "time"`: TypeBox checks RFC 3339 (seconds and zone), browsers send "18:30".
      start: Type.String({ pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$', title: 'Heure de début' }),
      attendees: Type.Integer({ minimum: 1, maximum: 200, title: 'Nombre de personnes' }),
    }),
    { hall: 'fetes', date: '2027-06-21', start: '18:30', attendees: 80 },
  ),
  typeboxModel(
    'famille',
    'Déclarer les enfants du foyer',
    Type.Object({
      children: Type.Array(
        Type.Object({
          firstName: Type.String({ minLength: 1, title: 'Prénom' }),
          age: Type.Integer({ minimum: 0, maximum: 18, title: 'Âge' }),
        }),
        { minItems: 1, maxItems: 4, title: 'Vos enfants' },
      ),
    }),
    { children: [{ firstName: 'Inès', age: 4 }] },
  ),
  typeboxModel(
    'adhesion',
    'Adhérer à la médiathèque',
    Type.Object({
      formula: Type.Literal('annuel', { title: 'Formule' }),
      amount: Type.Number({ minimum: 10, maximum: 500, title: 'Montant du don (€)' }),
      newsletter: Type.Optional(Type.Boolean({ title: 'Recevoir la lettre' })),
    }),
    { formula: 'annuel', amount: 20, newsletter: false },
  ),
  typeboxModel(
    'coordonnees',
    'Mettre à jour vos coordonnées',
    Type.Object({
      lastName: Type.String({ minLength: 1, title: 'Nom' }),
      phone: Type.Union([Type.String({ pattern: PHONE.source }), Type.Null()], { title: 'Téléphone' }),
      website: Type.Optional(Type.String({ format: 'uri', title: 'Site web' })),
    }),
    { lastName: 'Durand', phone: '0145678901' },
  ),
  typeboxModel(
    'quartier',
    'Conseil de quartier',
    Type.Object({
      district: Type.Enum(['centre', 'gare', 'plateau', 'bords-de-seine', 'vieux-bourg', 'zone-nord'], {
        title: 'Votre quartier',
      }),
      topic: Type.String({ minLength: 5, maxLength: 120, title: 'Sujet à aborder' }),
    }),
    { district: 'gare', topic: 'Éclairage du parking' },
  ),
  typeboxModel(
    'rendez-vous',
    'Prendre rendez-vous',
    Type.Object({
      day: Type.String({ format: 'date', title: 'Jour souhaité' }),
      reason: Type.Union([Type.Literal('passeport'), Type.Literal('carte-identite'), Type.Literal('autre')], {
        title: 'Motif',
      }),
      email: Type.String({ format: 'email', title: 'Votre adresse e-mail' }),
    }),
    { day: '2027-02-03', reason: 'passeport', email: 'tom@exemple.fr' },
  ),
  typeboxModel(
    'avis',
    'Donner votre avis',
    Type.Object({
      rating: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4), Type.Literal(5)], {
        title: 'Note',
      }),
      comment: Type.Optional(Type.String({ maxLength: 2000, title: 'Commentaire' })),
    }),
    { rating: 2, comment: 'Trop d’attente au guichet.' },
  ),
];

/** The Guichet definition of a generated model: the schema as the generator emits it, nothing added. */
export function definitionOf(model: GeneratedModel): Record<string, unknown> {
  return { id: model.id, version: '1.0.0', lang: 'fr', title: model.title, schema: model.schema };
}

/** What these generators emit that a form cannot ask, and the problem Guichet reports. */
export const unsupportedConstructs: { what: string; schema: Record<string, unknown>; code: string }[] = [
  {
    what: 'zod: z.record() (free keys)',
    schema: z.toJSONSchema(z.object({ tags: z.record(z.string(), z.string()) })) as Record<string, unknown>,
    code: 'unsupported-keyword',
  },
  {
    what: 'zod: z.discriminatedUnion() of objects',
    schema: z.toJSONSchema(
      z.object({
        who: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('person'), name: z.string() }),
          z.object({ kind: z.literal('company'), siret: z.string() }),
        ]),
      }),
    ) as Record<string, unknown>,
    code: 'unsupported-union',
  },
  {
    what: 'zod: z.union() of a string and a number (a type list)',
    schema: z.toJSONSchema(z.object({ ref: z.union([z.string(), z.number()]) })) as Record<string, unknown>,
    code: 'unsupported-type',
  },
  {
    what: 'zod: z.tuple()',
    schema: z.toJSONSchema(z.object({ pair: z.tuple([z.string(), z.number()]) })) as Record<string, unknown>,
    code: 'unsupported-keyword',
  },
  {
    what: 'zod: z.uuid() (a format a citizen does not type)',
    schema: z.toJSONSchema(z.object({ id: z.uuid() })) as Record<string, unknown>,
    code: 'unsupported-format',
  },
  {
    what: 'TypeBox: Type.Record()',
    schema: JSON.parse(JSON.stringify(Type.Object({ tags: Type.Record(Type.String(), Type.String()) }))) as Record<
      string,
      unknown
    >,
    code: 'unsupported-keyword',
  },
  {
    what: 'TypeBox: Type.Tuple()',
    schema: JSON.parse(JSON.stringify(Type.Object({ pair: Type.Tuple([Type.String(), Type.Number()]) }))) as Record<
      string,
      unknown
    >,
    code: 'unsupported-keyword',
  },
];
