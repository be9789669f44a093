import type { AnswerInput } from './answer-input.js';
import type { StepsController } from './steps-controller.js';

/**
 * The buttons and links inside the form, by their `data-action`: one listener on the `<form>`
 * rather than one per button, as a long form has hundreds.
 */
export function formClicks(input: AnswerInput, steps: StepsController): (event: MouseEvent) => void {
  return (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    const pointer = target?.dataset.pointer ?? '';
    switch (target?.dataset.action) {
      case 'add-item':
        return input.addItem(pointer);
      case 'remove-item':
        return input.removeItem(pointer, Number(target.dataset.index));
      case 'remove-file':
        return input.removeFile(pointer);
      case 'go-to-error':
      case 'change':
        event.preventDefault();
        // From the summary, fixing a problem or changing an answer leads back to the summary.
        return void steps.goToField(pointer, target.dataset.action === 'change' || steps.onSummary);
      case 'back':
        return steps.back();
    }
  };
}
