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
    "Le fichier n'est pas du JSON valide : ligne {line}, colonne {column}, « {found} » est inattendu",
  'definition.invalid-json-end':
    "Le fichier n'est pas du JSON valide : il s'arrête avant la fin (ligne {line}, colonne {column})",
  'definition.not-an-object': 'Une définition de formulaire doit être un objet JSON ({ … }), pas {actual}',
  'definition.unsupported-keyword': "Le mot-clé « {keyword} » n'est pas pris en charge par Guichet{advice}",
  'definition.unsupported-draft':
    'Ce schéma est écrit en JSON Schema {draft}, Guichet lit la version 2020-12 : déclarez-la dans « $schema » et écrivez {changes}',
  'definition.unknown-dialect': "« {value} » n'est pas une version de JSON Schema que Guichet lit : déclarez 2020-12",
  'definition.misplaced-id': "« $id » n'est lu qu'à la racine de « schema » : retirez-le ici",
  'definition.unsupported-type':
    '« type » vaut {value} : une question a un seul type, et « null » à côté si elle peut rester sans réponse',
  'definition.unsupported-union':
    'Les branches de « {keyword} » ne sont pas toutes des constantes : un formulaire ne sait pas proposer plusieurs formes de réponse. Faites choisir par une question (enum) et décrivez chaque forme dans if/then',
  'definition.undescribed-field':
    '« {field} » est permis (true) mais jamais décrit : déclarez son type dans « properties »',
  'definition.unknown-property': "La propriété « {property} » n'est pas prévue ici",
  'definition.unknown-widget': "Le widget « {value} » n'existe pas ; widgets possibles : {allowed}",
  'definition.missing-property': 'La propriété obligatoire « {property} » manque',
  'definition.wrong-type': 'Cette valeur doit être {expected}',
  'definition.pattern': "Cette valeur « {value} » n'a pas la forme attendue ({what})",
  'definition.not-allowed': "La valeur « {value} » n'est pas permise ici ; valeurs possibles : {allowed}",
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
  'definition.dangling-ref': 'La référence « {ref} » ne mène à aucune définition dans $defs',
  'definition.unknown-step-field': "L'étape nomme le champ « {field} », qui n'existe pas dans le schéma",
  'definition.duplicate-step-field': 'Le champ « {field} » figure déjà à l’étape {step}',
  'definition.field-in-no-step':
    'Le champ « {field} » ne figure dans aucune étape : la personne ne pourrait pas le remplir',
  'definition.unknown-ui-field': "ui.fields nomme le champ « {field} », qui n'existe pas dans le schéma",
  'definition.incompatible-widget': 'Le widget « {widget} » ne convient pas à ce champ ({reason})',
  'definition.dangling-translation': "La traduction vise « {target} », qui n'est pas un texte de la définition",
  'definition.unknown-required': "« {property} » est exigé mais n'est déclaré dans aucune propriété à ce niveau",
  'definition.required-conditional-field':
    "« {property} » est toujours exigé mais n'est montré que sous condition : exigez-le dans la branche qui le déclare",
  'definition.required-where-undeclared':
    '« {property} » est exigé ici mais déclaré sous une autre condition seulement : déclarez-le aussi dans cette branche',
  'definition.invalid-default': 'La valeur par défaut ne correspond pas au type « {type} » du champ',
  'definition.invalid-choice': 'Le choix {value} ne correspond pas au type « {type} » du champ',
  'definition.unsupported-array':
    'Une liste doit contenir des objets (groupe répétable), des choix (cases à cocher) ou des fichiers',
  'definition.hidden-by-additional-properties':
    '« {keyword}: false » ne voit que les propriétés déclarées à côté de lui et refuserait toujours « {field} » : déclarez-le à côté (des branches le montrent ou le masquent avec true et false), ou écrivez « unevaluatedProperties: false »',
  'definition.internal': "La définition n'a pas pu être lue : {detail}",

  'advice.renamed': ' : écrivez {instead}, son nom en 2020-12',
  'advice.fixed-names': ' : un formulaire pose des questions nommées, déclarez chacune dans « properties »',
  'advice.one-kind-of-item': ' : une liste contient une seule sorte d’élément, décrite dans « items »',
  'advice.local-ref': ' : réutilisez une partie avec « $ref »: « #/$defs/nom »',
  'advice.not': ' : dites ce qui est permis (enum, const, if/then) plutôt que ce qui ne l’est pas',
  'advice.files': ' : un fichier est joint à part, marquez le champ avec « contentMediaType »',
  'advice.remove': ' : retirez-le',
  'advice.unevaluated': ' : seul « false » a un sens ici, et Guichet l’applique déjà à chaque objet',

  'widget-reason.string': 'il lui faut un champ texte (type « string ») sans liste de choix',
  'widget-reason.number': 'il lui faut un champ nombre (type « number » ou « integer »)',
  'widget-reason.choices': 'il lui faut une liste de choix (enum, ou oneOf/anyOf de const + title)',
  'widget-reason.boolean': 'il lui faut un champ oui/non (type « boolean »)',
  'widget-reason.choice-list': 'il lui faut une liste (type « array ») dont les éléments sont des choix',

  'type-name.string': 'une chaîne de caractères',
  'type-name.number': 'un nombre',
  'type-name.integer': 'un nombre entier',
  'type-name.boolean': 'true ou false',
  'type-name.object': 'un objet',
  'type-name.array': 'une liste',
  'type-name.null': 'null',
} satisfies Catalogue;

export type MessageKey = keyof typeof fr;
