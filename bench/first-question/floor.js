/* global customElements */
// The floor for the first question: a hand-written Lit element that fetches the definition and
// draws its first step as labelled native inputs — no model, no validator, no messages.
import { LitElement, html } from 'lit';
import { fetchDefinition } from './fetch-definition.js';

class FloorStep extends LitElement {
  static properties = { definition: { attribute: false } };

  render() {
    if (!this.definition) return html``;
    const { schema, ui } = this.definition;
    const widgets = ui.fields ?? {};
    return html`<form novalidate>
      <h2>${ui.steps[0].title}</h2>
      ${ui.steps[0].fields.map((name) => this.field(name, schema.properties[name], widgets[name]?.widget))}
      <button>Continue</button>
    </form>`;
  }

  field(name, property, widget) {
    const label = html`<label for=${name}>${property.title}</label>`;
    if (property.type === 'boolean') return html`<p><input type="checkbox" id=${name} name=${name} />${label}</p>`;
    if (widget === 'radio')
      return html`<fieldset>
        <legend>${property.title}</legend>
        ${property.oneOf.map((o) => html`<label><input type="radio" name=${name} value=${o.const} />${o.title}</label>`)}
      </fieldset>`;
    if (widget === 'select')
      return html`<p>
        ${label}<select id=${name} name=${name}>
          <option value=""></option>
          ${property.oneOf.map((o) => html`<option value=${o.const}>${o.title}</option>`)}
        </select>
      </p>`;
    if (widget === 'textarea') return html`<p>${label}<textarea id=${name} name=${name}></textarea></p>`;
    return html`<p>${label}<input id=${name} name=${name} type=${property.type === 'number' ? 'number' : 'text'} /></p>`;
  }
}
customElements.define('floor-step', FloorStep);

const { definition, container } = await fetchDefinition();
const step = document.createElement('floor-step');
step.definition = definition;
container.replaceChildren(step);
