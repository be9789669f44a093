import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo, type PropertyPart } from 'lit/directive.js';
import { setCommittedValue } from 'lit/directive-helpers.js';

/**
 * What a control shows (`.value`, `.checked`, `.selected`), checked against the control itself as
 * Lit's `live` does, so an answer the citizen typed is never overwritten by a stale one, with one
 * difference: a control fresh from its template already holds its default (an empty value, not
 * checked, not selected), so its first draw leaves it alone when that is what it should show.
 *
 * Why: `live` reads every control's state on its first draw, and a control that has been read
 * costs more to insert and to draw, even in a chunk of fields that waits off screen. In a step of
 * 1000 questions, leaving fresh controls alone cut the mount's main-thread time by 7–20 % (the
 * same form mounted 40 times by each build, interleaved); at 200 questions the difference is
 * within the noise.
 */
class ControlValue extends Directive {
  private drawn = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.PROPERTY) throw new Error('controlValue() binds a property');
  }

  render(value: unknown, _default: unknown): unknown {
    return value;
  }

  override update(part: PropertyPart, [value, fresh]: [unknown, unknown]): unknown {
    if (!this.drawn) {
      this.drawn = true;
      if (value === fresh) return noChange;
    } else if ((part.element as unknown as Record<string, unknown>)[part.name] === value) {
      return noChange;
    }
    // Lit skips a value equal to the one it committed last; the control may have moved since.
    setCommittedValue(part);
    return value;
  }
}

export const controlValue = directive(ControlValue);
