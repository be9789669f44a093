/**
 * The question an answer's error is about, worded so a citizen tells it apart from every other:
 * its label, then the fieldsets and group items that hold it, innermost first ("Prénom
 * (Enfant 2)", "Ville (Adresse, Enfant 2)"). An error summary is a list of links: a list of
 * identical "Ce champ est obligatoire" says nothing about where to go.
 */
import type { Field, Language } from '../model/types.js';
import { localize } from '../model/localize.js';
import { format } from '../messages/format.js';
import { locales } from '../messages/locales.js';
import type { FieldIndex } from './field-index.js';
import { splitPointer } from '../util/pointer.js';

export function questionOf(index: FieldIndex, pointer: string, lang: Language): string | undefined {
  const names: string[] = [];
  let fields: Field[] | undefined = index.fields;
  const segments = splitPointer(pointer) ?? [];
  for (let i = 0; i < segments.length; i++) {
    const field: Field | undefined = fields?.find((f) => f.name === segments[i]);
    if (!field) return undefined;
    fields = field.fields;
    const item = segments[i + 1];
    // An item is named by its own label ("Enfant 2"), which says which group it is in.
    if (field.kind === 'group' && item !== undefined && /^\d+$/.test(item)) {
      names.unshift(`${localize(field.itemLabel, lang) || format('item', {}, lang)} ${Number(item) + 1}`);
      i++;
    } else {
      names.unshift(localize(field.label, lang));
    }
  }
  const [question, ...within] = names;
  return within.length ? `${question} (${within.join(', ')})` : question;
}

/** "Prénom (Enfant 2) : saisissez au moins 2 caractères". */
export function namingTheQuestion(question: string, problem: string, lang: Language): string {
  const lowered = problem.charAt(0).toLocaleLowerCase(locales[lang]) + problem.slice(1);
  return format('question', { question, problem: lowered }, lang);
}
