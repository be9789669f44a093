import type { Field } from '@guichet/core';
import type { FormParts } from './form-parts.js';
import { focusFirstControl } from '../shared/focus-controller.js';
import { joinPointer, parentPointer } from './answers.js';
import { addButtonId, itemName } from './fields/group.js';
import { checkFile } from './fields/file.js';
import { characterCount } from './fields/textarea.js';
import { fieldId } from './ids.js';
import { fill, formText, plural } from './messages.js';
import { parseAnswer } from './read-control.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A textarea's count is said once the citizen paused this long. */
const countAnnouncementDelay = 1000;

/**
 * The citizen changing their answers: typing, choosing and removing files, adding and removing
 * items of a repeatable group. Only what changed is drawn again (the field, the fields that
 * depend on it); a field that shows a problem is checked again as the citizen answers or leaves it.
 */
export class AnswerInput {
  constructor(
    private readonly host: { readonly renderRoot: ParentNode },
    private readonly options: FormParts,
  ) {}

  private get text() {
    return formText(this.options.lang());
  }

  private fieldAt(pointer: string): Field | undefined {
    return this.options.definition.index?.fieldAt(pointer);
  }

  readonly onInput = (event: Event): void => {
    const control = event.target as Control;
    const pointer = control.name;
    if (!pointer?.startsWith('/')) return;
    const field = this.fieldAt(pointer);
    if (!field || field.kind === 'file') return;
    const value = parseAnswer(field, control, this.host.renderRoot);
    if (field.kind === 'number' || field.kind === 'integer')
      this.options.answers.setNumber(pointer, control.value, value);
    else this.options.answers.set(pointer, value);
    this.afterAnswer(field, pointer);
  };

  readonly onChange = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    if (control.type !== 'file' || !control.name.startsWith('/')) return;
    const pointer = control.name;
    const field = this.fieldAt(pointer);
    const file = control.files?.[0];
    if (!field || field.kind !== 'file' || !file) return;
    const { answers, errors, fields } = this.options;
    const problem = checkFile(field, file, this.options.lang(), this.text);
    if (problem) {
      answers.removeFile(pointer);
      control.value = '';
      // A wrong file is told at once, before any upload, whatever the attempt state.
      errors.tell(pointer, problem);
      fields.refresh(pointer);
      return;
    }
    // The problem with the previous file is gone with it; the validator speaks for the new one.
    errors.forget(pointer);
    answers.chooseFile(pointer, file);
    this.afterAnswer(field, pointer);
    fields.refresh(pointer);
  };

  readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.options.errors.shown) return;
    const control = event.target as Control;
    const pointer = control.name;
    if (!pointer?.startsWith('/') || control.type === 'file') return;
    if (this.revalidate(pointer)) this.options.fields.refresh(pointer);
  };

  addItem(pointer: string): void {
    const field = this.fieldAt(pointer);
    if (!field) return;
    const index = this.options.answers.addItem(field, pointer);
    if (index === undefined) return;
    this.options.fields.refresh(pointer);
    focusFirstControl(this.host.renderRoot, fieldId(joinPointer(pointer, index)));
    const item = itemName(field, index, this.options.fields.context);
    this.options.announcer.announce(fill(this.text.itemAdded, { item, count: index + 1 }));
    this.options.drafts.schedule();
  }

  removeItem(pointer: string, index: number): void {
    const { answers, errors, fields, definition } = this.options;
    const field = this.fieldAt(pointer);
    if (!field) return;
    const name = itemName(field, index, fields.context);
    const left = answers.removeItem(pointer, index);
    if (left === undefined) return;
    // Items after the removed one moved up: their messages move with them, and go if now fixed.
    errors.itemRemoved(pointer, index);
    fields.redrawInside(pointer);
    if (errors.shown && definition.validator && definition.index) {
      const found = definition.validator.validate(answers.data, { lang: this.options.lang() });
      errors.clearFixedUnder(pointer, found, definition.index);
    }
    fields.refresh(pointer);
    const root = this.host.renderRoot;
    if (index > 0) focusFirstControl(root, fieldId(joinPointer(pointer, index - 1)));
    else if (left > 0) focusFirstControl(root, fieldId(joinPointer(pointer, 0)));
    else root.querySelector<HTMLElement>(`#${CSS.escape(addButtonId(fieldId(pointer)))}`)?.focus();
    this.options.announcer.announce(fill(this.text.itemRemoved, { item: name }));
    this.options.drafts.schedule();
  }

  /** "Retirer le fichier": the field is empty again and takes focus. */
  removeFile(pointer: string): void {
    const field = this.fieldAt(pointer);
    const file = this.options.answers.removeFile(pointer);
    const input = this.host.renderRoot.querySelector<HTMLInputElement>(`#${CSS.escape(fieldId(pointer))}`);
    if (input) input.value = '';
    if (field) this.afterAnswer(field, pointer);
    this.options.fields.refresh(pointer);
    input?.focus();
    if (file) this.options.announcer.announce(fill(this.text.fileRemoved, { name: file.name }));
  }

  private afterAnswer(field: Field, pointer: string): void {
    const { errors, fields, drafts } = this.options;
    let redraw = field.kind === 'textarea' && field.constraints.maxLength !== undefined;
    if (errors.shown && this.revalidate(pointer)) redraw = true;
    if (redraw) fields.refresh(pointer);
    if (fields.hasConditions) fields.updateConditions();
    if (redraw && field.kind === 'textarea') this.announceCountLater(field, pointer);
    // Typing without answering the draft notice means starting again with what is typed now.
    drafts.dismiss();
    drafts.schedule();
  }

  /**
   * Checks one field again, and the fieldsets and groups holding it that show a problem ("add at
   * least one item", "answer at least one of the questions"), which its answer may have fixed:
   * a message goes once fixed, a new kind of problem waits for Continue (see ErrorState.recheck);
   * true when what the field shows changed (the holders that changed are redrawn here).
   */
  private revalidate(pointer: string): boolean {
    const { validator } = this.options.definition;
    if (!validator) return false;
    const { errors, fields } = this.options;
    const found = validator.validateField(pointer, this.options.answers.data, {
      lang: this.options.lang(),
      around: true,
    });
    const wrong = (at: string) => found.some((e) => e.pointer === at);
    for (let holder = parentPointer(pointer); holder; holder = parentPointer(holder))
      if (errors.recheck(holder, wrong(holder))) fields.refresh(holder);
    return errors.recheck(pointer, wrong(pointer));
  }

  private announceCountLater(field: Field, pointer: string): void {
    this.options.announcer.announceAfterPause(() => {
      const lang = this.options.lang();
      const value = this.options.answers.value(pointer);
      const left = (field.constraints.maxLength ?? 0) - characterCount(typeof value === 'string' ? value : '');
      return left < 0 ? plural(lang, this.text.charactersOver, -left) : plural(lang, this.text.charactersLeft, left);
    }, countAnnouncementDelay);
  }
}
