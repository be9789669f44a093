import type { Language, PluralForms } from '@guichet/core';

/** What the CLI says itself, one catalogue per language (the definitions' problems come from core). */
export const texts: Record<
  Language,
  {
    usage: string;
    outMissing: string;
    valid: string;
    /** The closing line when several files were checked: `{count}` failed of `{files}`, `{problems}` in all. */
    failedOf: PluralForms;
  }
> = {
  fr: {
    usage: `Utilisation :
  guichet check <definition.json…>                 vérifie des définitions de formulaires (messages dans leur langue)
  guichet compile <definition.json…> --out <dossier>  écrit le validateur autonome et le type TypeScript de chacune
  guichet compile --open311 <url> --service <code> --out <dossier> [--jurisdiction <id>]
                                                   écrit la définition du formulaire d’un service Open311
                                                   (GeoReport v2), à compléter, avec son validateur et son type
Options : --lang fr|en (langue des messages, sinon celle de chaque définition ; avec --open311, celle des
          textes demandés au serveur), --help`,
    outMissing: 'Indiquez le dossier de sortie avec --out <dossier>.',
    valid: 'valide',
    failedOf: {
      one: '{count} fichier sur {files} en erreur, {problems} en tout',
      other: '{count} fichiers sur {files} en erreur, {problems} en tout',
    },
  },
  en: {
    usage: `Usage:
  guichet check <definition.json…>                 checks form definitions (messages in their language)
  guichet compile <definition.json…> --out <dir>   writes each one's standalone validator and TypeScript type
  guichet compile --open311 <url> --service <code> --out <dir> [--jurisdiction <id>]
                                                   writes the form definition of an Open311 (GeoReport v2)
                                                   service, to refine, with its validator and type
Options: --lang fr|en (language of the messages, else each definition's own; with --open311, that of
         the texts asked of the server), --help`,
    outMissing: 'Give the output folder with --out <dir>.',
    valid: 'valid',
    failedOf: {
      one: '{count} of {files} files failed, {problems} in all',
      other: '{count} of {files} files failed, {problems} in all',
    },
  },
};
