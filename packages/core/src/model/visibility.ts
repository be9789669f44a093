/**
 * When a field is shown and when it must be answered, from every place its object level names
 * it. The rule, the same on the page and on the endpoint: a field shows exactly when some branch
 * that applies requires or allows it (DESIGN.md: a field declared once and "switched on by a
 * branch"), as a GOV.UK conditional question.
 * - Named by no branch (declared where no condition applies — the level's own `properties`, an
 *   `allOf` item without `if` — and required, allowed or declared nowhere else): always shown.
 * - Required, allowed (`"properties": {"name": true}`) or declared in branches (`then`, `else`,
 *   `dependentSchemas`, `dependentRequired`), wherever its shape is written (the level, `$defs`,
 *   a branch): shown when one of those branches applies. A branch that only tightens a field's
 *   rule (`"then": {"properties": {"age": {"minimum": 18}}}`) switches it as well.
 * - Required where no condition applies: always shown, whatever branches say.
 * - Forbidden (`"properties": {"name": false}`) in a branch that applies: hidden, whatever else.
 * Required where no condition applies, or in a branch that applies: it must be answered when shown.
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

/**
 * `coRequired`: triggers whose presence does not switch this field on, because they are switched
 * on by its own presence (`"dependentRequired": {"latitude": ["longitude"], "longitude":
 * ["latitude"]}`, "both or neither"): read literally, each would wait for the other and neither
 * could ever be answered. There the requirement only says when both must be answered.
 */
export function visibilityOf(
  { declarations, allowed, forbidden, requirements }: NameMentions,
  coRequired: ReadonlySet<string> = new Set(),
): Visibility {
  // Most fields of most forms: no condition anywhere. What the general case below works out then,
  // without its arrays (read for every field at every load).
  if (
    !declarations.some(conditional) &&
    !allowed.some(conditional) &&
    !forbidden.some(conditional) &&
    !requirements.some(conditional)
  )
    return { required: requirements.length > 0, requiredWhen: [], activeWhen: [], never: forbidden.length > 0 };
  const required = requirements.some((m) => !conditional(m));
  const switches = [...declarations, ...allowed, ...requirements]
    .filter(conditional)
    .filter((m) => !m.branch.some((c) => c.kind === 'present' && coRequired.has(c.trigger)));
  // Shown when a switching branch applies and no forbidding one does: "not all of a forbidding
  // branch's conditions" is "one of them negated", so each forbid multiplies the branches.
  let shown: Branch[] = required || switches.length === 0 ? [[]] : distinct(switches.map((m) => m.branch));
  for (const { branch } of forbidden)
    shown = distinct(
      shown.flatMap((switched) => branch.map((condition) => withCondition(switched, negation(condition)))),
    );
  return {
    required,
    requiredWhen: distinct(requirements.filter(conditional).map((m) => m.branch)),
    activeWhen: shown.length === 1 && shown[0]?.length === 0 ? [] : shown,
    never: forbidden.some((m) => !conditional(m)),
  };
}

/**
 * For each name, the triggers it is co-required with: the names it can only show after (their
 * presence is in every branch that switches it on) and that, through such waits, can only show
 * after it.
 */
export function coRequirements(mentions: Map<string, NameMentions>): Map<string, Set<string>> {
  const waitsFor = new Map<string, string[]>();
  for (const [name, said] of mentions) {
    const { activeWhen } = visibilityOf(said);
    const present = activeWhen.map(
      (branch) => new Set(branch.flatMap((c) => (c.kind === 'present' ? [c.trigger] : []))),
    );
    waitsFor.set(name, present.length ? [...present[0]!].filter((t) => present.every((p) => p.has(t))) : []);
  }
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const queue = [from];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(waitsFor.get(next) ?? []));
    }
    return false;
  };
  const found = new Map<string, Set<string>>();
  for (const [name, triggers] of waitsFor) {
    const mutual = triggers.filter((trigger) => reaches(trigger, name));
    if (mutual.length) found.set(name, new Set(mutual));
  }
  return found;
}

function negation(condition: Condition): Condition {
  if (condition.kind === 'if') return { ...condition, branch: condition.branch === 'then' ? 'else' : 'then' };
  return { kind: condition.kind === 'present' ? 'absent' : 'present', trigger: condition.trigger };
}

const keyOf = (condition: Condition) => JSON.stringify(condition);

/** `branch` and `condition` at once (the branch itself when it already asks for it). */
function withCondition(branch: Branch, condition: Condition): Branch {
  const key = keyOf(condition);
  return branch.some((c) => keyOf(c) === key) ? branch : [...branch, condition];
}

/**
 * The branches once each, none that asks for a condition and its negation at once, and none that
 * asks for more than another (where it applies, so does the other): in the order written.
 */
function distinct(branches: Branch[]): Branch[] {
  const possible = branches
    .map((branch) => ({ branch, keys: new Set(branch.map(keyOf)) }))
    .filter(({ branch, keys }) => !branch.some((c) => keys.has(keyOf(negation(c)))));
  const kept = new Set<(typeof possible)[number]>();
  for (const candidate of [...possible].sort((a, b) => a.keys.size - b.keys.size)) {
    const implied = [...kept].some(({ keys }) => [...keys].every((key) => candidate.keys.has(key)));
    if (!implied) kept.add(candidate);
  }
  return possible.filter((p) => kept.has(p)).map(({ branch }) => branch);
}
