// `guichet check <definition.json…>` and `guichet compile <definition.json…> --out <dir>`.
import { parseArgs } from 'node:util';
import { toLanguage, type Language } from '@guichet/core';
import { checkFile, formatProblems } from './check.js';
import { compileForm } from './compile.js';

/** What the CLI says itself, one catalogue per language (the definitions' problems come from core). */
const texts: Record<Language, { usage: string; outMissing: string; valid: string }> = {
  fr: {
    usage: `Utilisation :
  guichet check <definition.json…>                 vérifie des définitions de formulaires
  guichet compile <definition.json…> --out <dossier>  écrit le validateur autonome et le type TypeScript de chacune
Options : --lang fr|en (langue des messages), --help`,
    outMissing: 'Indiquez le dossier de sortie avec --out <dossier>.',
    valid: 'valide',
  },
  en: {
    usage: `Usage:
  guichet check <definition.json…>                 checks form definitions
  guichet compile <definition.json…> --out <dir>   writes each one's standalone validator and TypeScript type
Options: --lang fr|en (language of the messages), --help`,
    outMissing: 'Give the output folder with --out <dir>.',
    valid: 'valid',
  },
};

function languageFromEnvironment(): Language {
  return toLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) ?? 'fr';
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
    console.error(texts[languageFromEnvironment()].usage);
    return 2;
  }
  const lang: Language = toLanguage(parsed.values.lang) ?? languageFromEnvironment();
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(texts[lang].usage);
    return parsed.values.help ? 0 : 2;
  }
  if ((command !== 'check' && command !== 'compile') || files.length === 0) {
    console.error(texts[lang].usage);
    return 2;
  }
  if (command === 'compile' && !parsed.values.out) {
    console.error(texts[lang].outMissing);
    return 2;
  }

  let failed = 0;
  for (const file of files) {
    const checked = await checkFile(file);
    if (checked.problems.length > 0 || !checked.model) {
      failed++;
      for (const line of formatProblems(checked, lang)) console.error(line);
      continue;
    }
    if (command === 'check') {
      console.log(`${file}: ${texts[lang].valid}`);
    } else {
      const written = await compileForm(checked.model, parsed.values.out!);
      console.log(`${file}: ${written.validator}, ${written.types}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
