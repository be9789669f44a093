/**
 * When a field is shown and when it must be answered, from every place its object level names
 * it. The rule, the same on the page and on the endpoint, is JSON Schema's own: a field is shown
 * exactly when the schema lets it be answered.
 * - Declared (or allowed with `"properties": {"name": true}`) where no condition applies — the
 *   level's own `properties`, an `allOf` item — it can always be answered; declared or allowed
 *   only inside branches (`then`, `else`, `dependentSchemas`), only when one of them applies.
 * - Forbidden (`"properties": {"name": false}`) in a branch that applies, it is hidden.
 * - Required (`required`, `dependentRequired`) where no condition applies, or in a branch that
 *   applies: it must be answered when shown. A requirement makes no field appear: rules/
 *   refuses one that names a field the schema does not let be answered there.
 */
import type { Branch, Condition } from './types.js';
import type { Declaration, Level, Mention } from './schema-walk.js';

/** Everything a level says about one name, in the order it says it. */
export interface NameMentions {
  declarations: Declaration[];
  allowed: Mention[];
  forbidden: Mention[];
  requirements: Mention[];
}

export interface Visibility {
  /** The schema requires it where no condition applies. */
  required: boolean;
  /** The branches that require it. */
  requiredWhen: Branch[];
  /** Shown when one of these applies (empty: always); forbids are folded in as negated conditions. */
  activeWhen: Branch[];
  /** Forbidden where no condition applies: never shown. */
  never: boolean;
}

/** The level's mentions by name, names in the order of their first declaration (the form's order). */
export function mentionsByName(level: Level): Map<string, NameMentions> {
  const byName = new Map<string, NameMentions>();
  const entry = (name: string) => {
    let found = byName.get(name);
    if (!found) byName.set(name, (found = { declarations: [], allowed: [], forbidden: [], requirements: [] }));
    return found;
  };
  for (const d of level.declarations) entry(d.name).declarations.push(d);
  for (const m of level.allowed) entry(m.name).allowed.push(m);
  for (const m of level.forbidden) entry(m.name).forbidden.push(m);
  for (const m of level.requirements) entry(m.name).requirements.push(m);
  return byName;
}

const conditional = (m: Mention) => m.branch.length > 0;

export function visibilityOf({ declarations, allowed, forbidden, requirements }: NameMentions): Visibility {
  const allowing = [...declarations, ...allowed];
  // Shown when an allowing branch applies and no forbidding one does: "not all of a forbidding
  // branch's conditions" is "one of them negated", so each forbid multiplies the branches.
  let shown: Branch[] = allowing.some((m) => !conditional(m)) ? [[]] : distinct(allowing.map((m) => m.branch));
  for (const { branch } of forbidden)
    shown = distinct(shown.flatMap((allowed) => branch.map((condition) => [...allowed, negation(condition)])));
  return {
    required: requirements.some((m) => !conditional(m)),
    requiredWhen: distinct(requirements.filter(conditional).map((m) => m.branch)),
    activeWhen: shown.length === 1 && shown[0]?.length === 0 ? [] : shown,
    never: forbidden.some((m) => !conditional(m)),
  };
}

function negation(condition: Condition): Condition {
  if (condition.kind === 'if') return { ...condition, branch: condition.branch === 'then' ? 'else' : 'then' };
  return { kind: condition.kind === 'present' ? 'absent' : 'present', trigger: condition.trigger };
}

/** The branches once each, and none that asks for a condition and its negation at once. */
function distinct(branches: Branch[]): Branch[] {
  const seen = new Map<string, Branch>();
  for (const branch of branches) {
    const keys = branch.map((c) => JSON.stringify(c));
    if (branch.some((c) => keys.includes(JSON.stringify(negation(c))))) continue;
    seen.set(keys.join(), branch);
  }
  return [...seen.values()];
}
