import { nothing } from 'lit';
import { AsyncDirective, directive, type PartInfo } from 'lit/async-directive.js';
import { noChange } from 'lit';
import type { Field } from '@guichet/core';

/**
 * What a field part needs from its form: the field's template, and a version number that moves
 * whenever the field must be drawn again.
 */
export interface FieldHost {
  /** Bumped for changes that touch every field (language, a new round of errors, new answers). */
  readonly epoch: number;
  fieldVersion(pointer: string): number;
  renderFieldNow(field: Field, pointer: string): unknown;
  registerFieldPart(pointer: string, part: FieldPart): void;
  unregisterFieldPart(pointer: string, part: FieldPart): void;
}

/**
 * One field as its own Lit part: the form redraws a single field when the citizen types in it
 * (its error, its character count, a condition it controls) without re-rendering the others, which
 * keeps input latency flat at 1000 fields; a full render skips fields whose version did not move.
 */
export class FieldPart extends AsyncDirective {
  private host?: FieldHost;
  private field?: Field;
  private pointer?: string;
  private drawn = '';

  constructor(partInfo: PartInfo) {
    super(partInfo);
  }

  render(_host: FieldHost, _field: Field, _pointer: string): unknown {
    return nothing;
  }

  override update(_part: unknown, [host, field, pointer]: [FieldHost, Field, string]): unknown {
    if (this.pointer !== pointer || this.host !== host) {
      if (this.host && this.pointer !== undefined) this.host.unregisterFieldPart(this.pointer, this);
      host.registerFieldPart(pointer, this);
    }
    this.host = host;
    this.pointer = pointer;
    const stamp = `${host.epoch}:${host.fieldVersion(pointer)}`;
    if (this.field === field && this.drawn === stamp) return noChange;
    this.field = field;
    this.drawn = stamp;
    return host.renderFieldNow(field, pointer);
  }

  /** Draws the field again now, outside the form's render. */
  refresh(): void {
    if (!this.host || !this.field || this.pointer === undefined || !this.isConnected) return;
    this.drawn = `${this.host.epoch}:${this.host.fieldVersion(this.pointer)}`;
    this.setValue(this.host.renderFieldNow(this.field, this.pointer));
  }

  protected override disconnected(): void {
    if (this.host && this.pointer !== undefined) this.host.unregisterFieldPart(this.pointer, this);
  }

  protected override reconnected(): void {
    if (this.host && this.pointer !== undefined) this.host.registerFieldPart(this.pointer, this);
  }
}

export const fieldPart = directive(FieldPart);
