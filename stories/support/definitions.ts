/**
 * Small form definitions, one per field kind and per error, so a designer sees each on its own.
 * Written like an authority writes them (docs/definition-format.md): French first, English in
 * `translations`.
 */

type Json = Record<string, unknown>;

/** A one-step definition holding `properties`, every one of them required unless said otherwise. */
export function oneStep(options: {
  id: string;
  title: string;
  titleEn: string;
  properties: Record<string, Json>;
  required?: string[];
  fields?: Record<string, Json>;
  translations?: Record<string, string>;
}): Json {
  const names = Object.keys(options.properties);
  return {
    id: options.id,
    version: '1.0.0',
    lang: 'fr',
    title: options.title,
    schema: { type: 'object', required: options.required ?? names, properties: options.properties },
    ui: { steps: [{ title: options.title, fields: names }], ...(options.fields ? { fields: options.fields } : {}) },
    contact: {
      phone: '01 23 45 67 89',
      email: 'accueil@montfleury.example',
      openingHours: 'Du lundi au vendredi, de 8 h 30 à 17 h',
    },
    translations: {
      en: {
        '/title': options.titleEn,
        '/ui/steps/0/title': options.titleEn,
        '/contact/openingHours': 'Monday to Friday, 8.30 am to 5 pm',
        ...options.translations,
      },
    },
  };
}

const en = (name: string, title: string, description?: string): Record<string, string> => ({
  [`/schema/properties/${name}/title`]: title,
  ...(description ? { [`/schema/properties/${name}/description`]: description } : {}),
});

/** One definition per kind of field the form renders. */
export const fieldKinds: Record<string, Json> = {
  text: oneStep({
    id: 'story-text',
    title: 'Champ texte',
    titleEn: 'Text field',
    properties: {
      lastName: {
        type: 'string',
        title: 'Votre nom',
        description: 'Tel qu’il figure sur vos papiers.',
        maxLength: 100,
      },
    },
    fields: { lastName: { autocomplete: 'family-name' } },
    translations: en('lastName', 'Your last name', 'As it appears on your papers.'),
  }),
  textarea: oneStep({
    id: 'story-textarea',
    title: 'Zone de texte',
    titleEn: 'Text area',
    properties: {
      message: {
        type: 'string',
        title: 'Votre message',
        description: 'Entre 20 et 500 caractères.',
        minLength: 20,
        maxLength: 500,
      },
    },
    fields: { message: { widget: 'textarea', rows: 5 } },
    translations: en('message', 'Your message', 'Between 20 and 500 characters.'),
  }),
  email: oneStep({
    id: 'story-email',
    title: 'Adresse e-mail',
    titleEn: 'Email address',
    properties: {
      email: {
        type: 'string',
        format: 'email',
        title: 'Votre adresse e-mail',
        description: 'Par exemple : nom@exemple.fr.',
      },
    },
    fields: { email: { autocomplete: 'email' } },
    translations: en('email', 'Your email address', 'For example: name@example.com.'),
  }),
  tel: oneStep({
    id: 'story-tel',
    title: 'Téléphone',
    titleEn: 'Telephone',
    properties: {
      phone: {
        type: 'string',
        title: 'Votre téléphone',
        description: 'Par exemple : 06 12 34 56 78.',
        pattern: '^(?:\\+33 ?|0)[1-9](?:[ .-]?[0-9]{2}){4}$',
      },
    },
    fields: { phone: { widget: 'tel', autocomplete: 'tel' } },
    translations: en('phone', 'Your telephone number', 'For example: 06 12 34 56 78.'),
  }),
  url: oneStep({
    id: 'story-url',
    title: 'Adresse web',
    titleEn: 'Web address',
    properties: {
      website: {
        type: 'string',
        format: 'uri',
        title: 'Site de votre association',
        description: 'Par exemple : https://asso.exemple.fr',
      },
    },
    translations: en('website', 'Your association’s website', 'For example: https://club.example.org'),
  }),
  date: oneStep({
    id: 'story-date',
    title: 'Date',
    titleEn: 'Date',
    properties: { eventDate: { type: 'string', format: 'date', title: 'Date de l’événement' } },
    translations: en('eventDate', 'Date of the event'),
  }),
  'memorable-date': oneStep({
    id: 'story-memorable-date',
    title: 'Date de naissance',
    titleEn: 'Date of birth',
    properties: { birthDate: { type: 'string', format: 'date', title: 'Date de naissance' } },
    fields: { birthDate: { widget: 'memorable-date', autocomplete: 'bday' } },
    translations: en('birthDate', 'Date of birth'),
  }),
  time: oneStep({
    id: 'story-time',
    title: 'Heure',
    titleEn: 'Time',
    properties: { startTime: { type: 'string', format: 'time', title: 'Heure d’arrivée' } },
    translations: en('startTime', 'Arrival time'),
  }),
  number: oneStep({
    id: 'story-number',
    title: 'Nombre',
    titleEn: 'Number',
    properties: { attendees: { type: 'integer', title: 'Nombre de personnes', minimum: 1, maximum: 200 } },
    translations: en('attendees', 'Number of people'),
  }),
  select: oneStep({
    id: 'story-select',
    title: 'Liste déroulante',
    titleEn: 'Drop-down list',
    properties: {
      hall: {
        type: 'string',
        title: 'Quelle salle ?',
        oneOf: [
          { const: 'fetes', title: 'Salle des fêtes' },
          { const: 'associations', title: 'Maison des associations' },
          { const: 'gymnase', title: 'Gymnase' },
          { const: 'dojo', title: 'Dojo' },
          { const: 'auditorium', title: 'Auditorium' },
          { const: 'preau', title: 'Préau de l’école' },
        ],
      },
    },
    fields: { hall: { widget: 'select' } },
    translations: {
      ...en('hall', 'Which hall?'),
      '/schema/properties/hall/oneOf/0/title': 'Village hall',
      '/schema/properties/hall/oneOf/2/title': 'Gym',
    },
  }),
  radio: oneStep({
    id: 'story-radio',
    title: 'Boutons radio',
    titleEn: 'Radio buttons',
    properties: {
      delivery: {
        type: 'string',
        title: 'Comment recevoir l’acte ?',
        oneOf: [
          { const: 'courrier', title: 'Par courrier' },
          { const: 'guichet', title: 'À l’accueil de la mairie', description: 'Avec une pièce d’identité.' },
        ],
      },
    },
    translations: {
      ...en('delivery', 'How do you want to receive it?'),
      '/schema/properties/delivery/oneOf/0/title': 'By post',
      '/schema/properties/delivery/oneOf/1/title': 'At the town hall desk',
      '/schema/properties/delivery/oneOf/1/description': 'Bring an identity document.',
    },
  }),
  checkbox: oneStep({
    id: 'story-checkbox',
    title: 'Case à cocher',
    titleEn: 'Checkbox',
    properties: {
      consent: { type: 'boolean', const: true, title: 'J’accepte que la mairie garde ma demande pour la traiter.' },
    },
    translations: en('consent', 'I agree that the town hall keeps my request to handle it.'),
  }),
  checkboxes: oneStep({
    id: 'story-checkboxes',
    title: 'Cases à cocher',
    titleEn: 'Checkboxes',
    properties: {
      equipment: {
        type: 'array',
        title: 'Matériel souhaité',
        description: 'Cochez tout ce qui vous est utile.',
        uniqueItems: true,
        items: {
          oneOf: [
            { const: 'sono', title: 'Sonorisation' },
            { const: 'videoprojecteur', title: 'Vidéoprojecteur' },
            { const: 'tables', title: 'Tables' },
          ],
        },
      },
    },
    required: [],
    translations: {
      ...en('equipment', 'Equipment needed', 'Tick everything useful.'),
      '/schema/properties/equipment/items/oneOf/0/title': 'Sound system',
    },
  }),
  file: oneStep({
    id: 'story-file',
    title: 'Fichier',
    titleEn: 'File',
    properties: {
      photo: {
        type: 'string',
        contentMediaType: 'image/*',
        title: 'Une photo (facultatif)',
        // The formats and the size are the element's to say, from `accept` and `maxSize`.
        description: 'Une photo du lieu aide l’équipe à le trouver.',
      },
    },
    required: [],
    fields: { photo: { widget: 'file', accept: ['image/jpeg', 'image/png'], maxSize: 5242880 } },
    translations: en('photo', 'A photo (optional)', 'A photo of the place helps the team find it.'),
  }),
  fieldset: oneStep({
    id: 'story-fieldset',
    title: 'Groupe de champs',
    titleEn: 'Group of fields',
    properties: {
      person: {
        type: 'object',
        title: 'La personne concernée',
        required: ['firstName', 'lastName'],
        properties: { firstName: { type: 'string', title: 'Prénom' }, lastName: { type: 'string', title: 'Nom' } },
      },
    },
    translations: {
      ...en('person', 'The person concerned'),
      '/schema/properties/person/properties/firstName/title': 'First name',
      '/schema/properties/person/properties/lastName/title': 'Last name',
    },
  }),
  group: oneStep({
    id: 'story-group',
    title: 'Groupe répétable',
    titleEn: 'Repeatable group',
    properties: {
      children: {
        type: 'array',
        title: 'Vos enfants',
        minItems: 1,
        maxItems: 4,
        items: {
          type: 'object',
          title: 'Enfant',
          required: ['firstName'],
          properties: { firstName: { type: 'string', title: 'Prénom de l’enfant' } },
        },
      },
    },
    translations: {
      ...en('children', 'Your children'),
      '/schema/properties/children/items/title': 'Child',
      '/schema/properties/children/items/properties/firstName/title': 'Child’s first name',
    },
  }),
};

/** One definition per kind of error, with the answers that cause it (shown after Continue). */
export const errorCases: Record<string, { definition: Json; data: Record<string, unknown> }> = {
  required: { definition: fieldKinds['text']!, data: {} },
  format: { definition: fieldKinds['email']!, data: { email: 'amina.benali@' } },
  pattern: { definition: fieldKinds['tel']!, data: { phone: '12 34' } },
  tooShort: { definition: fieldKinds['textarea']!, data: { message: 'Trop court' } },
  tooLarge: { definition: fieldKinds['number']!, data: { attendees: 450 } },
  notChosen: { definition: fieldKinds['radio']!, data: {} },
  notTicked: { definition: fieldKinds['checkbox']!, data: {} },
  group: { definition: fieldKinds['fieldset']!, data: { person: { firstName: 'Amina' } } },
  dateWithoutMonth: { definition: fieldKinds['memorable-date']!, data: { birthDate: '1987--14' } },
};

/** A definition with several problems, as a hurried author might write it. */
export const brokenDefinition: Json = {
  id: 'Pas un identifiant',
  version: 1,
  schema: {
    type: 'object',
    properties: { age: { type: 'integer', title: 'Âge', minimum: 'dix-huit' } },
  },
  ui: { steps: [{ title: 'Étape', fields: ['age', 'adresse'] }], fields: { age: { widget: 'couleur' } } },
};
