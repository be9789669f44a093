// `guichet check <definition.json…>` and `guichet compile <definition.json…> --out <dir>`.
import { parseArgs } from 'node:util';
import { format, type Language } from '@guichet/core';
import { checkFile, formatProblems } from './check.js';
import { compileForm } from './compile.js';

const usage = {
  fr: `Utilisation :
  guichet check <definition.json…>                 vérifie des définitions de formulaires (messages dans leur langue)
  guichet compile <definition.json…> --out <dossier>  écrit le validateur autonome et le type TypeScript de chacune
Options : --lang fr|en (langue des messages, sinon celle de chaque définition), --help`,
  en: `Usage:
  guichet check <definition.json…>                 checks form definitions (messages in their language)
  guichet compile <definition.json…> --out <dir>   writes each one's standalone validator and TypeScript type
Options: --lang fr|en (language of the messages, else each definition's own), --help`,
};

function languageFromEnvironment(): Language {
  const tag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error((error as Error).message);
    console.error(usage[languageFromEnvironment()]);
    return 2;
  }
  const asked: Language | undefined =
    parsed.values.lang === 'en' ? 'en' : parsed.values.lang === 'fr' ? 'fr' : undefined;
  const lang: Language = asked ?? languageFromEnvironment();
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(usage[lang]);
    return parsed.values.help ? 0 : 2;
  }
  if ((command !== 'check' && command !== 'compile') || files.length === 0) {
    console.error(usage[lang]);
    return 2;
  }
  if (command === 'compile' && !parsed.values.out) {
    console.error(
      lang === 'fr'
        ? 'Indiquez le dossier de sortie avec --out <dossier>.'
        : 'Give the output folder with --out <dir>.',
    );
    return 2;
  }

  let failed = 0;
  let problems = 0;
  for (const file of files) {
    const checked = await checkFile(file);
    if (checked.problems.length > 0 || !checked.model) {
      failed++;
      problems += checked.problems.length;
      // Each definition's problems in its own language, as its author wrote it (unless asked otherwise).
      for (const line of formatProblems(checked, asked ?? checked.lang ?? lang)) console.error(line);
      continue;
    }
    if (command === 'check') {
      console.log(`${file}: ${lang === 'fr' ? 'valide' : 'valid'}`);
    } else {
      const written = await compileForm(checked.model, parsed.values.out!);
      console.log(`${file}: ${written.validator}, ${written.types}`);
    }
  }
  if (files.length > 1 && failed > 0) console.error(totalLine(files.length, failed, problems, lang));
  return failed > 0 ? 1 : 0;
}

/** The closing count when several files were checked. */
function totalLine(files: number, failed: number, problems: number, lang: Language): string {
  const count = format('definition.count', { count: problems }, lang);
  return lang === 'fr'
    ? `${failed} fichier${failed > 1 ? 's' : ''} sur ${files} en erreur, ${count} en tout`
    : `${failed} of ${files} files failed, ${count} in all`;
}

process.exitCode = await main(process.argv.slice(2));
