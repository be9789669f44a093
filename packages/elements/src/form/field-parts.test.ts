import { expect, waitUntil } from '@open-wc/testing';
import { mountWithConditions } from '../../../../test/helpers/form-parts-host.js';

const host = mountWithConditions;

describe('FieldParts', () => {
  // Choices are drawn with their index as value: "phone" is the second.
  it('asks a conditional question only when its condition holds, and marks it required then', async () => {
    const el = await host();
    const root = el.shadowRoot!;
    const phone = el.parts.definition.model!.fields.find((field) => field.name === 'phone')!;
    expect(el.parts.fields.isActive(phone, '/phone')).to.equal(false);
    expect(root.querySelector('#guichet-phone')).to.equal(null);
    root.querySelector<HTMLInputElement>('input[name="/reachBy"][value="1"]')!.click();
    await waitUntil(() => root.querySelector('#guichet-phone'), 'the phone is asked');
    expect(el.parts.fields.isActive(phone, '/phone')).to.equal(true);
    expect(el.parts.fields.isRequired(phone, '/phone')).to.equal(true);
    root.querySelector<HTMLInputElement>('input[name="/reachBy"][value="0"]')!.click();
    await waitUntil(() => !root.querySelector('#guichet-phone'), 'the phone is no longer asked');
  });

  it('draws the fields in the form’s language, and again when it changes', async () => {
    const el = await host();
    const label = () => el.shadowRoot!.querySelector('label[for="guichet-name"]')!.textContent!.replace(/\s+/g, ' ');
    expect(label()).to.not.contain('(optional)');
    el.parts.fields.setLanguage('en');
    el.parts.fields.redrawAll();
    el.requestUpdate();
    await el.updateComplete;
    const phoneOrComment = el.shadowRoot!.querySelector('#guichet-reachBy, fieldset');
    expect(phoneOrComment?.textContent).to.contain('(optional)');
  });
});
