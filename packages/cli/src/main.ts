// `guichet check <definition.json…>`, `guichet compile <definition.json…> --out <dir>` and
// `guichet compile --open311 <url> --service <code> --out <dir>`.
import { parseArgs } from 'node:util';
import { format, plural, toLanguage, type Language } from '@guichet/core';
import { checkFile, formatProblems, formatWarnings } from './check.js';
import { compileForm } from './compile.js';
import { texts } from './texts.js';
import { writeServiceForm } from './open311.js';

function languageFromEnvironment(): Language {
  return toLanguage(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG) ?? 'fr';
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean' },
        open311: { type: 'string' },
        service: { type: 'string' },
        jurisdiction: { type: 'string' },
      },
    });
  } catch (error) {
    console.error((error as Error).message);
    console.error(texts[languageFromEnvironment()].usage);
    return 2;
  }
  const asked: Language | undefined = toLanguage(parsed.values.lang);
  const lang: Language = asked ?? languageFromEnvironment();
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(texts[lang].usage);
    return parsed.values.help ? 0 : 2;
  }
  const { open311, service } = parsed.values;
  if (command === 'compile' && (open311 !== undefined || service !== undefined)) {
    if (!open311 || !service || files.length > 0) {
      console.error(texts[lang].usage);
      return 2;
    }
    return compileService(open311, service, parsed.values.jurisdiction, parsed.values.out, lang);
  }
  if ((command !== 'check' && command !== 'compile') || files.length === 0) {
    console.error(texts[lang].usage);
    return 2;
  }
  if (command === 'compile' && !parsed.values.out) return missingOut(lang);

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
      console.log(`${file}: ${texts[lang].valid}`);
      for (const line of formatWarnings(file, checked.model, asked ?? checked.lang ?? lang)) console.error(line);
    } else {
      const written = await compileForm(checked.model, parsed.values.out!);
      console.log(`${file}: ${written.validator}, ${written.types}`);
    }
  }
  if (files.length > 1 && failed > 0) console.error(totalLine(files.length, failed, problems, lang));
  return failed > 0 ? 1 : 0;
}

function missingOut(lang: Language): number {
  console.error(texts[lang].outMissing);
  return 2;
}

/** `compile --open311`: the service's form definition, then its validator and type as for any definition. */
async function compileService(
  endpoint: string,
  serviceCode: string,
  jurisdictionId: string | undefined,
  out: string | undefined,
  lang: Language,
): Promise<number> {
  if (!out) return missingOut(lang);
  let written;
  try {
    written = await writeServiceForm(
      { endpoint, serviceCode, lang, ...(jurisdictionId ? { jurisdictionId } : {}) },
      out,
    );
  } catch (error) {
    console.error(`${endpoint} ${serviceCode}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const compiled = await compileForm(written.model, out);
  console.log(`${endpoint} ${serviceCode}: ${written.file}, ${compiled.validator}, ${compiled.types}`);
  return 0;
}

/** The closing count when several files were checked. */
function totalLine(files: number, failed: number, problems: number, lang: Language): string {
  return plural(lang, texts[lang].failedOf, failed, {
    files,
    problems: format('definition.count', { count: problems }, lang),
  });
}

process.exitCode = await main(process.argv.slice(2));
