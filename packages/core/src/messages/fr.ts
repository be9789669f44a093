import type { Catalogue } from './catalogue.js';

/** Messages in French. `{name}` is a parameter; numbers are formatted for the locale. */
export const fr = {
  // Answers (FieldError.message)
  required: 'Ce champ est obligatoire',
  'required.checkbox': 'Cochez cette case pour continuer',
  'required.choice': 'Choisissez une des options proposées',
  'required.checkboxes': 'Choisissez au moins une option',
  'required.file': 'Ajoutez un fichier',
  'required.group': 'Ajoutez au moins un élément',
  'type.number': 'Saisissez un nombre, par exemple {example}',
  'type.integer': 'Saisissez un nombre entier, sans virgule',
  'type.boolean': 'Cochez ou décochez cette case',
  'type.other': "Cette réponse n'a pas la forme attendue",
  'format.email': 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr',
  'format.date': 'Saisissez une date valide, par exemple {example}',
  'format.time': 'Saisissez une heure valide, par exemple {example}',
  'format.date-time': 'Saisissez une date et une heure valides, par exemple {example}',
  'format.uri': 'Saisissez une adresse web valide, par exemple https://www.exemple.fr',
  'format.other': "Cette réponse n'a pas le format attendu",
  // A date typed in three boxes (memorable-date): what is missing or wrong, as GOV.UK words it.
  'date.missing-day': 'La date doit contenir un jour',
  'date.missing-month': 'La date doit contenir un mois',
  'date.missing-year': 'La date doit contenir une année',
  'date.missing-day-month': 'La date doit contenir un jour et un mois',
  'date.missing-day-year': 'La date doit contenir un jour et une année',
  'date.missing-month-year': 'La date doit contenir un mois et une année',
  'date.year-digits': 'L’année doit contenir 4 chiffres',
  'date.real': 'La date doit être une vraie date',
  pattern: "Cette réponse n'a pas le format attendu",
  minLength: { one: 'Saisissez au moins {count} caractère', other: 'Saisissez au moins {count} caractères' },
  maxLength: { one: 'Saisissez au plus {count} caractère', other: 'Saisissez au plus {count} caractères' },
  minimum: 'Saisissez un nombre supérieur ou égal à {limit}',
  maximum: 'Saisissez un nombre inférieur ou égal à {limit}',
  exclusiveMinimum: 'Saisissez un nombre supérieur à {limit}',
  exclusiveMaximum: 'Saisissez un nombre inférieur à {limit}',
  multipleOf: 'Saisissez un multiple de {limit}',
  'multipleOf.decimals': {
    one: 'Saisissez un nombre avec au plus {count} chiffre après la virgule',
    other: 'Saisissez un nombre avec au plus {count} chiffres après la virgule',
  },
  'minItems.choices': { one: 'Choisissez au moins {count} option', other: 'Choisissez au moins {count} options' },
  'maxItems.choices': { one: 'Choisissez au plus {count} option', other: 'Choisissez au plus {count} options' },
  'minItems.items': { one: 'Ajoutez au moins {count} élément', other: 'Ajoutez au moins {count} éléments' },
  'maxItems.items': { one: 'Ajoutez au plus {count} élément', other: 'Ajoutez au plus {count} éléments' },
  'minItems.files': { one: 'Ajoutez au moins {count} fichier', other: 'Ajoutez au moins {count} fichiers' },
  'maxItems.files': { one: 'Ajoutez au plus {count} fichier', other: 'Ajoutez au plus {count} fichiers' },
  uniqueItems: 'Chaque réponse ne peut être donnée qu’une fois',
  choice: 'Choisissez une des options proposées',
  consent: 'Cochez cette case pour continuer',
  'unknown-field': "Ce champ n'est pas prévu dans ce formulaire",
  'required.fieldset': 'Répondez à au moins une des questions',
  'not-accepted': "Cette combinaison de réponses n'est pas acceptée",
  // A no-break space before the colon, as French typography wants.
  question: '{question}\u00a0: {problem}',
  item: 'Élément',
  invalid: "Cette réponse n'est pas valide",

  // Definitions (DefinitionProblem.message), read by the web team that writes the form
  'definition.count': { one: '{count} problème', other: '{count} problèmes' },
  'definition.invalid-json':
    "Le fichier n'est pas du JSON valide\u00a0: ligne {line}, colonne {column}, «\u00a0{found}\u00a0» est inattendu",
  'definition.invalid-json-end':
    "Le fichier n'est pas du JSON valide\u00a0: il s'arrête avant la fin (ligne {line}, colonne {column})",
  'definition.not-an-object': 'Une définition de formulaire doit être un objet JSON ({ … }), pas {actual}',
  'definition.unsupported-keyword': "Le mot-clé «\u00a0{keyword}\u00a0» n'est pas pris en charge par Guichet{advice}",
  'definition.unsupported-draft':
    'Ce schéma est écrit en JSON Schema {draft}, Guichet lit la version 2020-12\u00a0: déclarez-la dans «\u00a0$schema\u00a0» et écrivez {changes}',
  'definition.unknown-dialect':
    "«\u00a0{value}\u00a0» n'est pas une version de JSON Schema que Guichet lit\u00a0: déclarez 2020-12",
  'definition.misplaced-id': "«\u00a0$id\u00a0» n'est lu qu'à la racine de «\u00a0schema\u00a0»\u00a0: retirez-le ici",
  'definition.unsupported-type':
    '«\u00a0type\u00a0» vaut {value}\u00a0: une question a un seul type, et «\u00a0null\u00a0» à côté si elle peut rester sans réponse',
  'definition.unsupported-union':
    'Les branches de «\u00a0{keyword}\u00a0» ne sont pas toutes des constantes\u00a0: un formulaire ne sait pas proposer plusieurs formes de réponse. Faites choisir par une question (enum) et décrivez chaque forme dans if/then',
  'definition.undescribed-field':
    '«\u00a0{field}\u00a0» est permis (true) mais jamais décrit\u00a0: déclarez son type dans «\u00a0properties\u00a0»',
  'definition.unknown-property': "La propriété «\u00a0{property}\u00a0» n'est pas prévue ici",
  'definition.unknown-widget': "Le widget «\u00a0{value}\u00a0» n'existe pas\u00a0; widgets possibles\u00a0: {allowed}",
  'definition.missing-property': 'La propriété obligatoire «\u00a0{property}\u00a0» manque',
  'definition.wrong-type': 'Cette valeur doit être {expected}',
  'definition.pattern': "Cette valeur «\u00a0{value}\u00a0» n'a pas la forme attendue ({what})",
  'definition.not-allowed':
    "La valeur «\u00a0{value}\u00a0» n'est pas permise ici\u00a0; valeurs possibles\u00a0: {allowed}",
  'definition.wrong-const': 'Cette valeur doit être {expected}',
  'definition.too-short': {
    one: 'Il faut au moins {count} élément ou caractère',
    other: 'Il faut au moins {count} éléments ou caractères',
  },
  'definition.too-small': 'Cette valeur doit être au moins {limit}',
  'definition.too-big': 'Cette valeur doit être au plus {limit}',
  'definition.not-unique': 'Cette liste contient deux fois la même valeur',
  'definition.invalid-format': "Cette valeur n'est pas un(e) {format} valide",
  'definition.invalid': "Cette valeur n'est pas valide ({keyword})",
  'definition.dangling-ref': 'La référence «\u00a0{ref}\u00a0» ne mène à aucune définition dans $defs',
  'definition.unknown-step-field': "L'étape nomme le champ «\u00a0{field}\u00a0», qui n'existe pas dans le schéma",
  'definition.duplicate-step-field': 'Le champ «\u00a0{field}\u00a0» figure déjà à l’étape {step}',
  'definition.field-in-no-step':
    'Le champ «\u00a0{field}\u00a0» ne figure dans aucune étape\u00a0: la personne ne pourrait pas le remplir',
  'definition.notify-email':
    "processing.notify.email vise «\u00a0{pointer}\u00a0», qui n'est aucune réponse du formulaire\u00a0: indiquez le pointeur JSON d'une question e-mail, par exemple /email",
  'definition.notify-email-kind':
    "processing.notify.email vise «\u00a0{pointer}\u00a0», qui n'est pas une question e-mail (format\u00a0: email ou widget email)",
  'definition.unknown-ui-field': "ui.fields nomme le champ «\u00a0{field}\u00a0», qui n'existe pas dans le schéma",
  'definition.incompatible-widget': 'Le widget «\u00a0{widget}\u00a0» ne convient pas à ce champ ({reason})',
  'definition.dangling-translation':
    "La traduction vise «\u00a0{target}\u00a0», qui n'est pas un texte de la définition",
  'definition.unknown-required':
    "«\u00a0{property}\u00a0» est exigé mais n'est déclaré dans aucune propriété à ce niveau",
  'definition.required-conditional-field':
    "«\u00a0{property}\u00a0» est toujours exigé mais n'est montré que sous condition\u00a0: exigez-le dans la branche qui le déclare",
  'definition.required-where-undeclared':
    '«\u00a0{property}\u00a0» est exigé ici mais déclaré sous une autre condition seulement\u00a0: déclarez-le aussi dans cette branche',
  'definition.invalid-default': 'La valeur par défaut ne correspond pas au type «\u00a0{type}\u00a0» du champ',
  'definition.invalid-choice': 'Le choix {value} ne correspond pas au type «\u00a0{type}\u00a0» du champ',
  'definition.unsupported-array':
    'Une liste doit contenir des objets (groupe répétable), des choix (cases à cocher) ou des fichiers',
  'definition.hidden-by-additional-properties':
    '«\u00a0{keyword}: false\u00a0» ne voit que les propriétés déclarées à côté de lui et refuserait toujours «\u00a0{field}\u00a0»\u00a0: déclarez-le à côté (des branches le montrent ou le masquent avec true et false), ou écrivez «\u00a0unevaluatedProperties: false\u00a0»',
  'definition.internal': "La définition n'a pas pu être lue\u00a0: {detail}",

  'warning.autocomplete-multiline':
    'autocomplete\u00a0«\u00a0street-address\u00a0» attend une adresse sur plusieurs lignes (une zone de texte)\u00a0; pour un champ d’une ligne, écrivez «\u00a0address-line1\u00a0»',
  'warning.autocomplete-control':
    'autocomplete\u00a0«\u00a0{token}\u00a0» ne convient pas à un champ {kind}\u00a0: le navigateur ne proposera rien ou proposera une réponse d’une autre sorte',

  'advice.renamed': '\u00a0: écrivez {instead}, son nom en 2020-12',
  'advice.fixed-names':
    '\u00a0: un formulaire pose des questions nommées, déclarez chacune dans «\u00a0properties\u00a0»',
  'advice.one-kind-of-item': '\u00a0: une liste contient une seule sorte d’élément, décrite dans «\u00a0items\u00a0»',
  'advice.local-ref': '\u00a0: réutilisez une partie avec «\u00a0$ref\u00a0»\u00a0: «\u00a0#/$defs/nom\u00a0»',
  'advice.not': '\u00a0: dites ce qui est permis (enum, const, if/then) plutôt que ce qui ne l’est pas',
  'advice.files': '\u00a0: un fichier est joint à part, marquez le champ avec «\u00a0contentMediaType\u00a0»',
  'advice.remove': '\u00a0: retirez-le',
  'advice.unevaluated': '\u00a0: seul «\u00a0false\u00a0» a un sens ici, et Guichet l’applique déjà à chaque objet',

  'widget-reason.string': 'il lui faut un champ texte (type «\u00a0string\u00a0») sans liste de choix',
  'widget-reason.number': 'il lui faut un champ nombre (type «\u00a0number\u00a0» ou «\u00a0integer\u00a0»)',
  'widget-reason.choices': 'il lui faut une liste de choix (enum, ou oneOf/anyOf de const + title)',
  'widget-reason.boolean': 'il lui faut un champ oui/non (type «\u00a0boolean\u00a0»)',
  'widget-reason.choice-list': 'il lui faut une liste (type «\u00a0array\u00a0») dont les éléments sont des choix',
  'widget-reason.date': 'il lui faut un champ date (type «\u00a0string\u00a0», format «\u00a0date\u00a0»)',

  'type-name.string': 'une chaîne de caractères',
  'type-name.number': 'un nombre',
  'type-name.integer': 'un nombre entier',
  'type-name.boolean': 'true ou false',
  'type-name.object': 'un objet',
  'type-name.array': 'une liste',
  'type-name.null': 'null',
} satisfies Catalogue;

export type MessageKey = keyof typeof fr;
