import { readFile } from 'node:fs/promises';
import {
  autocompleteWarnings,
  format,
  isRecord,
  isLanguage,
  loadDefinition,
  localize,
  type DefinitionProblem,
  type FormModel,
  type Language,
} from '@guichet/core';

export interface CheckedFile {
  file: string;
  model?: FormModel;
  problems: DefinitionProblem[];
  /** The language the definition is written in, when it says (`lang`); its problems read best in it. */
  lang?: Language;
}

/** Reads and validates one definition file with the same code the browser and the server use. */
export async function checkFile(file: string): Promise<CheckedFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      file,
      problems: [
        {
          pointer: '',
          code: 'unreadable-file',
          message: { fr: `Le fichier ne peut pas être lu (${reason}).`, en: `The file cannot be read (${reason}).` },
        },
      ],
    };
  }
  const result = loadDefinition(text);
  if (result.ok) return { file, model: result.model, problems: [], lang: result.model.lang };
  const lang = languageOf(text);
  return { file, problems: result.error.problems, ...(lang ? { lang } : {}) };
}

/** The `lang` a definition declares, read from a text that may be broken in every other way. */
function languageOf(text: string): Language | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isRecord(parsed)) return undefined;
    if (parsed.lang === undefined) return 'fr';
    return isLanguage(parsed.lang) ? parsed.lang : undefined;
  } catch {
    return undefined;
  }
}

/** One line per problem, `file:/pointer: message [code]`, then their count: `file: 3 problems`. */
export function formatProblems(checked: CheckedFile, lang: Language): string[] {
  const count = checked.problems.length;
  return [
    ...checked.problems.map(
      (problem) => `${checked.file}:${problem.pointer || '/'}: ${localize(problem.message, lang)} [${problem.code}]`,
    ),
    `${checked.file}: ${format('definition.count', { count }, lang)}`,
  ];
}

/**
 * What a valid definition could do better, one line each (`file:/pointer: warning: message
 * [code]`): they do not fail the check, the form works, but some citizens lose a help.
 */
export function formatWarnings(file: string, model: FormModel, lang: Language): string[] {
  const word = lang === 'fr' ? 'avertissement\u00a0:' : 'warning:';
  return autocompleteWarnings(model).map(
    (warning) => `${file}:${warning.pointer}: ${word} ${localize(warning.message, lang)} [${warning.code}]`,
  );
}
