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

describe('<guichet-form> that cannot show its definition', () => {
  const shown = async (src: string) => {
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" src=${src}></guichet-form>`);
    const root = el.shadowRoot!;
    for (let i = 0; i < 100 && !root.querySelector('[part~="definition-error"]'); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    return root.querySelector<HTMLElement>('[part~="definition-error"]')!;
  };

  it('offers to try again when the connection failed', async () => {
    // Nothing listens on port 9 (discard) on the test machine: the fetch fails as offline.
    const box = await shown('http://127.0.0.1:9/api/forms/contact-service');
    expect(box.textContent).to.include('la connexion a échoué');
    expect(box.querySelector('button')?.textContent).to.equal('Réessayer');
  });

  it('does not when the definition is not there', async () => {
    const box = await shown('/schemas/forms/no-such-form.json');
    expect(box.textContent).to.include('erreur 404');
    expect(box.querySelector('button')).to.equal(null);
  });
});
