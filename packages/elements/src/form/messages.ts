import type { Language, PluralForms } from '@guichet/core';

/**
 * Everything <guichet-form> says on its own (definition texts come from the definition and its
 * translations). One catalogue per language; counts go through `Intl.PluralRules`.
 */
type Plural = PluralForms;

const fr = {
  loading: 'Chargement du formulaire…',
  requiredConvention: 'Toutes les questions sont obligatoires, sauf celles marquées «\u00a0(facultatif)\u00a0».',
  checking: 'Vérification de vos réponses…',
  uncheckable:
    'Vos réponses n’ont pas pu être vérifiées\u00a0: la connexion à internet semble coupée. Réessayez dans un instant, vos réponses sont toujours là.',
  stepOf: 'Étape {current} sur {total}',
  /** Before the page's title while a step shows errors (`update-title`). */
  errorTitle: 'Erreur\u00a0: ',
  back: 'Retour',
  continue: 'Continuer',
  send: 'Envoyer',
  checkAnswers: 'Vérifiez vos réponses',
  checkAnswersIntro: 'Relisez vos réponses avant d’envoyer votre demande.',
  change: 'Modifier',
  notProvided: 'Non renseigné',
  yes: 'Oui',
  no: 'Non',
  choose: 'Choisissez une réponse',
  moreInfo: 'En savoir plus',
  dateDay: 'Jour',
  dateMonth: 'Mois',
  dateYear: 'Année',
  /** Under a date in three boxes whose definition gives no hint: the order of the boxes, by example. */
  dateHint: 'Par exemple, 27 3 2007',
  charactersLeft: { one: 'Il vous reste {count} caractère', other: 'Il vous reste {count} caractères' } as Plural,
  charactersOver: {
    one: 'Vous avez {count} caractère en trop',
    other: 'Vous avez {count} caractères en trop',
  } as Plural,
  charactersMax: {
    one: 'Vous pouvez saisir jusqu’à {count} caractère.',
    other: 'Vous pouvez saisir jusqu’à {count} caractères.',
  } as Plural,
  addItem: 'Ajouter {item}',
  addAnItem: 'Ajouter un élément',
  removeItem: 'Retirer {item}',
  itemAdded: '{item} ajouté. {count} au total.',
  itemRemoved: '{item} retiré.',
  maxItemsReached: {
    one: 'Vous avez atteint le maximum de {count} élément.',
    other: 'Vous avez atteint le maximum de {count} éléments.',
  } as Plural,
  defaultItem: 'Élément',
  fileAccepted: 'Formats acceptés\u00a0: {types}.',
  fileMaxSize: 'Taille maximale\u00a0: {size}.',
  fileChosen: 'Fichier choisi\u00a0:',
  removeFile: 'Retirer le fichier {name}',
  fileRemoved: 'Fichier {name} retiré.',
  fileTooBig: 'Le fichier {name} est trop lourd\u00a0: {size} au plus.',
  fileWrongType: 'Le fichier {name} n’est pas dans un format accepté ({types}).',
  draftFound: 'Vous avez commencé ce formulaire le {date}. Vos réponses sont enregistrées sur cet appareil.',
  draftResume: 'Reprendre',
  draftRestart: 'Recommencer',
  draftNoticeTitle: 'Reprendre votre demande\u00a0?',
  clearAnswers: 'Effacer mes réponses',
  clearConfirmQuestion:
    'Voulez-vous vraiment effacer toutes vos réponses\u00a0? Elles seront supprimées de cet appareil.',
  clearConfirmYes: 'Oui, effacer mes réponses',
  clearConfirmNo: 'Non, les garder',
  answersCleared: 'Vos réponses ont été effacées.',
  definitionErrorTitle: 'Ce formulaire ne peut pas s’afficher',
  definitionErrorIntro:
    'Nous ne pouvons pas afficher ce formulaire pour le moment. Vous pouvez réessayer plus tard ou contacter la mairie.',
  definitionProblems: 'Détail des problèmes\u00a0:',
  definitionRetry: 'Réessayer',
  definitionNotFound: 'Le formulaire est introuvable (erreur {status}).',
  definitionNetwork: 'Le formulaire n’a pas pu être chargé\u00a0: la connexion a échoué.',
  definitionMissing: 'Aucun formulaire n’est indiqué (attribut src ou propriété definition).',
  validatorFailed: 'Les règles de vérification du formulaire n’ont pas pu être chargées.',
  validationFailed: {
    one: 'Il y a {count} problème dans vos réponses.',
    other: 'Il y a {count} problèmes dans vos réponses.',
  } as Plural,
};

export type FormText = typeof fr;

const en: FormText = {
  loading: 'Loading the form…',
  requiredConvention: 'All questions must be answered, except those marked “(optional)”.',
  checking: 'Checking your answers…',
  uncheckable:
    'Your answers could not be checked: the internet connection seems to be down. Try again in a moment; your answers are still here.',
  stepOf: 'Step {current} of {total}',
  errorTitle: 'Error: ',
  back: 'Back',
  continue: 'Continue',
  send: 'Send',
  checkAnswers: 'Check your answers',
  checkAnswersIntro: 'Read your answers again before you send your request.',
  change: 'Change',
  notProvided: 'Not provided',
  yes: 'Yes',
  no: 'No',
  choose: 'Choose an answer',
  moreInfo: 'More information',
  dateDay: 'Day',
  dateMonth: 'Month',
  dateYear: 'Year',
  dateHint: 'For example, 27 3 2007',
  charactersLeft: { one: 'You have {count} character remaining', other: 'You have {count} characters remaining' },
  charactersOver: { one: 'You have {count} character too many', other: 'You have {count} characters too many' },
  charactersMax: { one: 'You can enter up to {count} character.', other: 'You can enter up to {count} characters.' },
  addItem: 'Add {item}',
  addAnItem: 'Add an item',
  removeItem: 'Remove {item}',
  itemAdded: '{item} added. {count} in total.',
  itemRemoved: '{item} removed.',
  maxItemsReached: {
    one: 'You have reached the maximum of {count} item.',
    other: 'You have reached the maximum of {count} items.',
  },
  defaultItem: 'Item',
  fileAccepted: 'Accepted formats: {types}.',
  fileMaxSize: 'Maximum size: {size}.',
  fileChosen: 'Chosen file:',
  removeFile: 'Remove the file {name}',
  fileRemoved: 'File {name} removed.',
  fileTooBig: 'The file {name} is too large: {size} at most.',
  fileWrongType: 'The file {name} is not in an accepted format ({types}).',
  draftFound: 'You started this form on {date}. Your answers are saved on this device.',
  draftResume: 'Resume',
  draftRestart: 'Start again',
  draftNoticeTitle: 'Resume your request?',
  clearAnswers: 'Clear my answers',
  clearConfirmQuestion: 'Do you really want to clear all your answers? They will be deleted from this device.',
  clearConfirmYes: 'Yes, clear my answers',
  clearConfirmNo: 'No, keep them',
  answersCleared: 'Your answers have been cleared.',
  definitionErrorTitle: 'This form cannot be shown',
  definitionErrorIntro: 'We cannot show this form at the moment. You can try again later or contact the town hall.',
  definitionProblems: 'Details of the problems:',
  definitionRetry: 'Try again',
  definitionNotFound: 'The form was not found (error {status}).',
  definitionNetwork: 'The form could not be loaded: the connection failed.',
  definitionMissing: 'No form is given (src attribute or definition property).',
  validatorFailed: 'The form’s checking rules could not be loaded.',
  validationFailed: {
    one: 'There is {count} problem in your answers.',
    other: 'There are {count} problems in your answers.',
  },
};

const catalogues: Record<Language, FormText> = { fr, en };

export function formText(lang: Language): FormText {
  return catalogues[lang];
}

export { fill, plural } from '@guichet/core';
