/* global customElements */
// The floor: a hand-written Lit element that renders the same N labelled native inputs as the
// others, with a required check on submit and nothing else (no schema, no messages, no model).
// Careful where it counts: the fields are rendered into a <div> that is not yet inside the
// <form>, which then takes the whole <div> at once. Chromium re-associates every control with its
// form owner as each joins a <form> (connected or not), so N controls added one by one inside a
// <form> cost O(N²): at 1000 fields ~350 ms instead of ~15 ms.
import { LitElement, css, html, nothing, render } from 'lit';
import { choiceOptions } from '../lib/definition.mjs';

export class FloorForm extends LitElement {
  static properties = { specs: { attribute: false } };
  static styles = css`
    .field {
      margin-block-end: 1rem;
    }
    .error {
      color: #b00020;
    }
  `;

  constructor() {
    super();
    this.specs = [];
    this.values = new Map();
    this.errors = new Set();
    this.fieldsHost = document.createElement('div');
  }

  update(changed) {
    // New fields: a new <div>, filled while detached, swapped into the form by the render below.
    if (changed.has('specs')) this.fieldsHost = document.createElement('div');
    render(this.fields(), this.fieldsHost, { host: this });
    super.update(changed);
  }

  onInput(event) {
    const { name, type, checked, value } = event.target;
    this.values.set(name, type === 'checkbox' ? checked : value);
    if (this.errors.has(name) && value !== '') {
      this.errors.delete(name);
      this.requestUpdate();
    }
  }

  onSubmit(event) {
    event.preventDefault();
    this.errors = new Set(this.specs.filter((s) => s.required && !this.values.get(s.name)).map((s) => s.name));
    this.requestUpdate();
  }

  control(spec) {
    const id = spec.name;
    switch (spec.kind) {
      case 'textarea':
        return html`<textarea id=${id} name=${id}></textarea>`;
      case 'select':
        return html`<select id=${id} name=${id}>
          <option value=""></option>
          ${choiceOptions.map(([value, title]) => html`<option value=${value}>${title}</option>`)}
        </select>`;
      case 'radio':
        return choiceOptions.map(
          ([value, title]) => html`<label><input type="radio" name=${id} value=${value} /> ${title}</label>`,
        );
      case 'number':
        return html`<input id=${id} name=${id} type="number" />`;
      case 'boolean':
        return html`<input id=${id} name=${id} type="checkbox" />`;
      default:
        return html`<input id=${id} name=${id} type="text" />`;
    }
  }

  fields() {
    return this.specs.map(
      (spec) => html`<div class="field">
        <label for=${spec.name}>${spec.label}${spec.required ? ' *' : ''}</label>
        ${this.errors.has(spec.name) ? html`<p class="error" id=${`${spec.name}__error`}>Required</p>` : nothing}
        ${this.control(spec)}
      </div>`,
    );
  }

  render() {
    return html`<form novalidate @input=${this.onInput} @submit=${this.onSubmit}>
      ${this.fieldsHost}
      <button type="submit">Send</button>
    </form>`;
  }
}

customElements.define('floor-form', FloorForm);
