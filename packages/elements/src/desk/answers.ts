/**
 * A request's answers as the citizen's "check your answers" page lays them out: one list per
 * step, each answer under its question's title, options by their label. Read from the form's
 * definition (served by the endpoint); without it, the answers' own names stand in.
 */
import type { Attachment } from '@guichet/core';
import type { DeskText } from './messages.js';

interface SchemaNode {
  title?: string;
  type?: string | string[];
  oneOf?: { const?: unknown; title?: string }[];
  anyOf?: { const?: unknown; title?: string }[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}

interface Definition {
  title?: string;
  schema?: SchemaNode;
  ui?: { steps?: { title?: string; fields?: string[] }[] };
}

export interface AnswerRow {
  question: string;
  /** Text only: rendered as text, never as HTML. */
  answer: string;
  /** Multi-line text keeps its line breaks. */
  long: boolean;
}

export interface AnswerGroup {
  title?: string;
  rows: AnswerRow[];
}

function optionLabel(node: SchemaNode | undefined, value: unknown): string | undefined {
  const options = node?.oneOf ?? node?.anyOf ?? node?.items?.oneOf ?? node?.items?.anyOf;
  return options?.find((option) => option.const === value)?.title;
}

function answerText(value: unknown, node: SchemaNode | undefined, text: DeskText, files: Map<string, string>): string {
  if (value === undefined || value === null || value === '') return text.noAnswer;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return text.noAnswer;
    return value.map((item) => answerText(item, node?.items ?? node, text, files)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([name, inner]) => {
        const child = node?.properties?.[name];
        return text.pair(child?.title ?? name, answerText(inner, child, text, files));
      })
      .join(' ; ');
  }
  if (typeof value === 'string' && files.has(value)) return files.get(value)!;
  return optionLabel(node, value) ?? String(value);
}

export function answerGroups(
  data: Record<string, unknown>,
  definition: unknown,
  attachments: Attachment[],
  text: DeskText,
): AnswerGroup[] {
  const form = (definition ?? {}) as Definition;
  const properties = form.schema?.properties ?? {};
  const files = new Map(attachments.map((attachment) => [attachment.id, attachment.name]));
  const row = (name: string): AnswerRow => {
    const answer = answerText(data[name], properties[name], text, files);
    return { question: properties[name]?.title ?? name, answer, long: answer.includes('\n') };
  };
  const shown = new Set<string>();
  const groups: AnswerGroup[] = [];
  for (const step of form.ui?.steps ?? []) {
    const names = (step.fields ?? []).filter((name) => name in data);
    names.forEach((name) => shown.add(name));
    if (names.length) groups.push({ ...(step.title ? { title: step.title } : {}), rows: names.map(row) });
  }
  const rest = Object.keys(data).filter((name) => !shown.has(name));
  if (rest.length) groups.push({ rows: rest.map(row) });
  return groups;
}
