/** Finds the field an answer's JSON pointer belongs to, with lookups built once per model. */
import type { Field } from '../model/types.js';
import { escapeSegment, splitPointer } from '../util/pointer.js';

export interface Located {
  /** The field the pointer falls in (a checkbox group for "/interests/2"), if any. */
  field?: Field;
  /** The pointer of that field in the data (with item indexes of repeatable groups), else the pointer given. */
  pointer: string;
}

export class FieldIndex {
  private readonly levels = new WeakMap<Field[], Map<string, Field>>();
  private readonly byPath = new Map<string, Field>();
  private readonly order = new Map<Field, number>();
  private readonly siblings = new Map<Field, Field[]>();

  constructor(readonly fields: Field[]) {
    const visit = (list: Field[]) => {
      for (const field of list) {
        this.byPath.set(field.path, field);
        this.siblings.set(field, list);
        this.order.set(field, this.order.size);
        if (field.fields) visit(field.fields);
      }
    };
    visit(fields);
  }

  /** A field by its path as in `ui.fields` ("applicant/lastName"). */
  byFieldPath(path: string): Field | undefined {
    return this.byPath.get(path);
  }

  /** The fields of the object holding `field` (itself included). */
  siblingsOf(field: Field): Field[] {
    return this.siblings.get(field) ?? [field];
  }

  private level(fields: Field[]): Map<string, Field> {
    let map = this.levels.get(fields);
    if (!map) {
      map = new Map(fields.map((f) => [f.name, f]));
      this.levels.set(fields, map);
    }
    return map;
  }

  locate(pointer: string): Located {
    const segments = splitPointer(pointer) ?? [];
    let fields: Field[] | undefined = this.fields;
    let found: Field | undefined;
    let at = '';
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i] as string;
      const field: Field | undefined = fields ? this.level(fields).get(segment) : undefined;
      if (!field) return found && !fields ? { field: found, pointer: at } : { pointer };
      found = field;
      at += `/${escapeSegment(segment)}`;
      if (field.kind === 'group' && field.fields) {
        const index = segments[i + 1];
        if (index === undefined || !/^\d+$/.test(index)) return { field, pointer: at };
        at += `/${index}`;
        i++;
        fields = field.fields;
      } else if (field.kind === 'fieldset' && field.fields) {
        fields = field.fields;
      } else {
        return { field, pointer: at };
      }
    }
    return found ? { field: found, pointer: at } : { pointer };
  }

  /** Orders pointers as the fields appear in the form (items by index), unknown ones last. */
  compare(a: string, b: string): number {
    const ka = this.sortKey(a);
    const kb = this.sortKey(b);
    for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
      const x = ka[i] ?? -1;
      const y = kb[i] ?? -1;
      if (x !== y) return x - y;
    }
    return 0;
  }

  private sortKey(pointer: string): number[] {
    const key: number[] = [];
    let fields: Field[] | undefined = this.fields;
    for (const segment of splitPointer(pointer) ?? []) {
      const field: Field | undefined = fields ? this.level(fields).get(segment) : undefined;
      if (field) {
        key.push(this.order.get(field) ?? 0);
        fields = field.fields;
      } else if (/^\d+$/.test(segment)) {
        key.push(Number(segment));
      } else {
        key.push(Number.MAX_SAFE_INTEGER);
        fields = undefined;
      }
    }
    return key;
  }
}
