/**
 * A designer's tool, not part of Guichet: a text box holding a form definition (JSON) and the
 * form it describes, updated as one types.
 */
import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import '@guichet/elements';

const texts = {
  fr: {
    label: 'Définition du formulaire (JSON)',
    hint: 'Collez ou modifiez la définition : le formulaire se met à jour en dessous.',
    preview: 'Aperçu',
  },
  en: {
    label: 'Form definition (JSON)',
    hint: 'Paste or edit the definition: the form below follows.',
    preview: 'Preview',
  },
};

export class DefinitionPlayground extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1rem;
      font-family: system-ui, sans-serif;
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
    definition: { state: true },
  };

  /** The definition as text. */
  value = '';
  endpoint = '';
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

  protected override render() {
    const t = texts[this.readerLang];
    return html`<label for="definition">${t.label}</label>
      <p class="hint" id="definition-hint">${t.hint}</p>
      <textarea id="definition" spellcheck="false" aria-describedby="definition-hint" .value=${this.value} @input=${this.onInput}></textarea>
      <h2>${t.preview}</h2>
      <guichet-form .definition=${this.definition} endpoint=${this.endpoint} adapter="storybook" draft="none"></guichet-form>`;
  }
}

customElements.define('guichet-definition-playground', DefinitionPlayground);

declare global {
  interface HTMLElementTagNameMap {
    'guichet-definition-playground': DefinitionPlayground;
  }
}
