import { readFile } from 'node:fs/promises';
import { loadDefinition, localize, type DefinitionProblem, type FormModel, type Language } from '@guichet/core';

export interface CheckedFile {
  file: string;
  model?: FormModel;
  problems: DefinitionProblem[];
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
  return result.ok ? { file, model: result.model, problems: [] } : { file, problems: result.error.problems };
}

/** One line per problem: `file:/pointer: message [code]`. */
export function formatProblems(checked: CheckedFile, lang: Language): string[] {
  return checked.problems.map(
    (problem) => `${checked.file}:${problem.pointer || '/'}: ${localize(problem.message, lang)} [${problem.code}]`,
  );
}
