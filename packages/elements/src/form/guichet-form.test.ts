import { expect, fixture, html } from '@open-wc/testing';
import '../guichet-form.js';
import type { GuichetForm } from './guichet-form.js';

async function definition(id: string): Promise<unknown> {
  const response = await fetch(`/schemas/forms/${id}.json`);
  return response.json();
}

describe('<guichet-form> rendering', () => {
  it('renders a definition given as a property', async () => {
    const el = await fixture<GuichetForm>(
      html`<guichet-form draft="none" .definition=${await definition('signalement-voirie')}></guichet-form>`,
    );
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).to.equal('Signaler un problème dans la rue');
    expect(root.querySelector('.progress')?.textContent).to.equal('Étape 1 sur 3');
    expect(root.querySelectorAll('input[type=radio]').length).to.equal(6);
  });
});
