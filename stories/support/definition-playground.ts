/**
 * A designer's tool, not part of Guichet: a text box holding a form definition (JSON) and the
 * form it describes, updated as one types; side by side on a wide screen, one above the other on
 * a narrow one. A list of example forms gives a starting point.
 */
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import '@guichet/elements';

const texts = {
  fr: {
    label: 'Définition du formulaire (JSON)',
    hint: 'Collez ou modifiez la définition : l’aperçu suit.',
    preview: 'Aperçu',
    start: 'Partir d’un exemple',
    load: 'Charger l’exemple',
    loaded: (title: string) => `Exemple chargé : ${title}.`,
  },
  en: {
    label: 'Form definition (JSON)',
    hint: 'Paste or edit the definition: the preview follows.',
    preview: 'Preview',
    start: 'Start from an example',
    load: 'Load the example',
    loaded: (title: string) => `Example loaded: ${title}.`,
  },
};

/** A form to start from: its file name and its definition. */
export interface PlaygroundExample {
  name: string;
  definition: { title?: string } & Record<string, unknown>;
}

export class DefinitionPlayground extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1.5rem;
      padding: 1rem;
      font-family: system-ui, sans-serif;
    }
    /* Side by side when both fit: the editor stays in view while the preview scrolls. */
    @media (min-width: 64rem) {
      :host {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        align-items: start;
      }
      .editor {
        position: sticky;
        top: 1rem;
      }
      .editor textarea {
        min-height: calc(100vh - 14rem);
      }
    }
    .editor,
    .preview {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.75rem;
      min-width: 0;
    }
    .examples {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .examples label {
      display: block;
      width: 100%;
    }
    .examples select {
      flex: 1 1 12rem;
      min-width: 0;
      max-width: 100%;
    }
    select,
    button {
      min-height: 2.75rem;
      font: inherit;
      border: 2px solid #666666;
      background: #ffffff;
      color: #1e1e1e;
      padding: 0.25rem 0.75rem;
    }
    button {
      border-color: #1f4e9c;
      color: #1f4e9c;
      font-weight: 600;
      cursor: pointer;
    }
    select:focus-visible,
    button:focus-visible {
      outline: 3px solid #0a76f6;
      outline-offset: 2px;
    }
    label {
      font-weight: 700;
    }
    .hint {
      margin: 0;
      color: #4d4d4d;
    }
    textarea {
      box-sizing: border-box;
      width: 100%;
      min-height: 16rem;
      font: 0.875rem/1.4 ui-monospace, monospace;
      border: 2px solid #666666;
      padding: 0.5rem;
    }
    textarea:focus-visible {
      outline: 3px solid #0a76f6;
      outline-offset: 2px;
    }
    h2 {
      font-size: 1.25rem;
      margin: 0;
    }
  `;

  static override properties: PropertyDeclarations = {
    value: {},
    endpoint: {},
    examples: { attribute: false },
    definition: { state: true },
    announcement: { state: true },
  };

  /** The definition as text. */
  value = '';
  endpoint = '';
  examples: PlaygroundExample[] = [];
  private announcement = '';
  private definition?: unknown;
  private timer?: ReturnType<typeof setTimeout>;

  private get readerLang(): 'fr' | 'en' {
    return this.closest('[lang]')?.getAttribute('lang') === 'en' ? 'en' : 'fr';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('value')) this.parse();
  }

  private parse(): void {
    try {
      this.definition = JSON.parse(this.value);
    } catch {
      // Handed the text as it is, the form says itself, in its own box and language, where the
      // JSON stops being valid.
      this.definition = this.value;
    }
  }

  private onInput(event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    clearTimeout(this.timer);
    // Parse once the designer pauses, not at every keystroke.
    this.timer = setTimeout(() => (this.value = text), 300);
  }

  /** The id of the definition being edited, when it has one. */
  private currentId(): unknown {
    return typeof this.definition === 'object' && this.definition
      ? (this.definition as { id?: unknown }).id
      : undefined;
  }

  private loadExample(): void {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#example');
    const example = this.examples.find((candidate) => candidate.name === select?.value);
    if (!example) return;
    clearTimeout(this.timer);
    this.value = JSON.stringify(example.definition, null, 2);
    this.announcement = texts[this.readerLang].loaded(example.definition.title ?? example.name);
  }

  protected override render() {
    const t = texts[this.readerLang];
    return html`<section class="editor" aria-labelledby="definition-label">
        ${
          this.examples.length > 0
            ? html`<div class="examples">
              <label for="example">${t.start}</label>
              <select id="example">
                ${this.examples.map(
                  (example) =>
                    html`<option value=${example.name} ?selected=${example.definition.id === this.currentId()}>${example.definition.title ?? example.name}</option>`,
                )}
              </select>
              <button type="button" @click=${this.loadExample}>${t.load}</button>
            </div>`
            : ''
        }
        <label id="definition-label" for="definition">${t.label}</label>
        <p class="hint" id="definition-hint">${t.hint}</p>
        <textarea id="definition" spellcheck="false" aria-describedby="definition-hint" .value=${this.value} @input=${this.onInput}></textarea>
        <p role="status" class="hint">${this.announcement}</p>
      </section>
      <section class="preview" aria-labelledby="preview-title">
        <h2 id="preview-title">${t.preview}</h2>
        <guichet-form .definition=${this.definition} endpoint=${this.endpoint} adapter="storybook" draft="none"></guichet-form>
      </section>`;
  }
}

customElements.define('guichet-definition-playground', DefinitionPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'guichet-definition-playground': DefinitionPlayground;
  }
}
