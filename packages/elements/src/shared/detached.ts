import { noChange, render, type RootPart, type RenderOptions } from 'lit';
import { AsyncDirective, directive, type ChildPart, type PartInfo } from 'lit/async-directive.js';

/**
 * Renders `content` into an element of its own, built while that element is out of the page,
 * then hands the element to the template that uses it, which inserts it in one go.
 *
 * Why: Chromium re-associates every control with its form owner as each one joins a `<form>`,
 * connected or not, so a template that puts 1000 fields straight inside a `<form>` costs O(N²)
 * (about 500 ms at 1000 fields, against about 15 ms for the same controls inserted at once).
 * A new `key` (a new step, a new definition) starts a new element; the same key updates the
 * element in place, where changes touch a few controls at a time.
 *
 * The element and what is drawn in it are created in a document of their own, with no window
 * (`creationScope`), and join the page when inserted. Each `<option>` Lit adds to a `<select>` of
 * the page's document changes the select's selection, even out of the page, and Chrome's autofill
 * answers the first such change by reading every control of the form again just after it appears,
 * with a style and layout pass for each: one task of about 3 ms at 50 questions and 40 ms at 200
 * on this machine (traced; bench/README.md), four times that on a cheap phone, while the citizen
 * starts reading. Built in a windowless document, the selects tell nobody; autofill still reads
 * the form when it is added and when the citizen focuses a control.
 */
let windowless: Document | undefined;
const creationScope = () => (windowless ??= document.implementation.createHTMLDocument(''));

class DetachedDirective extends AsyncDirective {
  private key: unknown = undefined;
  private container?: HTMLElement;
  private root?: RootPart;

  constructor(partInfo: PartInfo) {
    super(partInfo);
  }

  render(_key: unknown, _className: string, _content: unknown): unknown {
    return noChange;
  }

  override update(part: ChildPart, [key, className, content]: [unknown, string, unknown]): unknown {
    // Event listeners in the content are bound to the same host as the template's own.
    const scope = creationScope();
    const options: RenderOptions = { host: part.options?.host, creationScope: scope };
    if (this.container && key === this.key) {
      this.root = render(content, this.container, options);
      return noChange;
    }
    this.root?.setConnected(false);
    this.key = key;
    this.container = scope.createElement('div');
    this.container.className = className;
    this.root = render(content, this.container, options);
    return this.container;
  }

  // The element's own tree does not reach the parts rendered here: pass its connection on, so
  // async directives inside (field parts) let go of the form when it leaves the page.
  protected override disconnected(): void {
    this.root?.setConnected(false);
  }

  protected override reconnected(): void {
    this.root?.setConnected(true);
  }
}

export const detached = directive(DetachedDirective);
