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
 */
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
    const options: RenderOptions = { host: part.options?.host };
    if (this.container && key === this.key) {
      this.root = render(content, this.container, options);
      return noChange;
    }
    this.root?.setConnected(false);
    this.key = key;
    this.container = document.createElement('div');
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
