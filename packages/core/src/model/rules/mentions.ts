/** Rules on what an object level says of its properties: names that lead nowhere, requirements that contradict visibility. */
import type { Branch } from '../types.js';
import type { DefinitionRule, Finding } from './rule.js';
import { inSchema } from './rule.js';

/** `required`, `dependentRequired` (a name or a trigger) or `dependentSchemas` names a property the level never declares. */
export const unknownRequired: DefinitionRule = {
  code: 'unknown-required',
  *check({ levels }) {
    for (const { level, mentions } of levels) {
      const known = (name: string) => {
        const said = mentions.get(name);
        return !!said && (said.declarations.length > 0 || said.allowed.length > 0);
      };
      for (const mention of [...level.requirements, ...level.triggers]) {
        if (!known(mention.name)) yield { pointer: inSchema(mention.pointer), params: { property: mention.name } };
      }
    }
  },
};

/**
 * Required where no condition applies, but declared only in branches (it would be required while
 * its shape is unknown) or forbidden by one (required and refused at once).
 */
export const requiredConditionalField: DefinitionRule = {
  code: 'required-conditional-field',
  *check({ levels }) {
    for (const { mentions } of levels) {
      for (const [name, said] of mentions) {
        const always = said.requirements.find((r) => r.branch.length === 0);
        if (!always || said.declarations.length === 0) continue;
        const shapeAlways = [...said.declarations, ...said.allowed].some((m) => m.branch.length === 0);
        if (!shapeAlways || said.forbidden.length > 0)
          yield { pointer: inSchema(always.pointer), params: { property: name } } satisfies Finding;
      }
    }
  },
};

/** `"properties": {"name": true}` for a name the level never describes: there is no question to ask. */
export const undescribedField: DefinitionRule = {
  code: 'undescribed-field',
  *check({ levels }) {
    for (const { mentions } of levels) {
      for (const [name, said] of mentions) {
        const first = said.allowed[0];
        if (first && said.declarations.length === 0)
          yield { pointer: inSchema(first.pointer), params: { field: name } };
      }
    }
  },
};

/**
 * Required in a branch where the schema does not describe it: declared only in other branches,
 * its answer would be required there and refused there at once (no schema there evaluates it).
 */
export const requiredWhereUndeclared: DefinitionRule = {
  code: 'required-where-undeclared',
  *check({ levels }) {
    for (const { mentions } of levels) {
      for (const [name, said] of mentions) {
        const allowing = [...said.declarations, ...said.allowed];
        if (!allowing.length || allowing.some((m) => m.branch.length === 0)) continue;
        for (const requirement of said.requirements) {
          if (requirement.branch.length === 0) continue;
          const within = allowing.some((m) => startsWith(requirement.branch, m.branch));
          if (!within) yield { pointer: inSchema(requirement.pointer), params: { property: name } };
        }
      }
    }
  },
};

/** Whether `branch` begins with every condition of `prefix`: where `branch` applies, so does `prefix`. */
function startsWith(branch: Branch, prefix: Branch): boolean {
  return prefix.length <= branch.length && prefix.every((c, i) => JSON.stringify(c) === JSON.stringify(branch[i]));
}
