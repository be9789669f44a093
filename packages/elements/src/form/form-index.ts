import type { Field, FormModel } from '@guichet/core';
import { parentPointer, pathOf, splitPointer } from './answers.js';
import { indexFields } from './field-tree.js';

/** Where things are in a form: the field a pointer names, the step that shows it, its place in reading order. */
export class FormIndex {
  private readonly byPath: Map<string, Field>;
  private readonly byName: Map<string, Field>;
  /** Reading order of the top-level fields: step by step, then as listed in the step. */
  private readonly order = new Map<string, number>();
  /** Whether any question, nested ones included, must or may have to be answered. */
  readonly asksRequired: boolean;

  constructor(readonly model: FormModel) {
    this.byPath = indexFields(model.fields);
    this.byName = new Map(model.fields.map((field) => [field.name, field]));
    this.asksRequired = [...this.byPath.values()].some((field) => field.required || field.requiredWhen.length > 0);
    model.steps.forEach((step, stepIndex) =>
      step.fields.forEach((name, index) => this.order.set(name, stepIndex * 10_000 + index)),
    );
  }

  /** The field a data pointer names ("/children/0/firstName"), array items left out. */
  fieldAt(pointer: string): Field | undefined {
    return this.byPath.get(pathOf(pointer));
  }

  /** The pointer of the field a problem belongs to: its own, or its closest ancestor's ("" for none). */
  nearestField(pointer: string): string {
    let current = pointer;
    while (current && !this.fieldAt(current)) current = parentPointer(current);
    return current;
  }

  /** The fields a step shows, in order. */
  stepFields(step: number): Field[] {
    return (this.model.steps[step]?.fields ?? [])
      .map((name) => this.byName.get(name))
      .filter((field): field is Field => field !== undefined);
  }

  /** The step that shows the question a pointer names, or -1. */
  stepOf(pointer: string): number {
    const name = topName(pointer);
    return this.model.steps.findIndex((step) => step.fields.includes(name));
  }

  /** Whether a step shows the question a pointer names. */
  inStep(pointer: string, step: number): boolean {
    const name = splitPointer(pointer)[0];
    return name !== undefined && (this.model.steps[step]?.fields.includes(name) ?? false);
  }

  /** Where a pointer's question comes as the citizen reads the form (last when nowhere). */
  rank(pointer: string): number {
    return this.order.get(topName(pointer)) ?? Number.MAX_SAFE_INTEGER;
  }
}

const topName = (pointer: string): string => splitPointer(pointer)[0] ?? '';
