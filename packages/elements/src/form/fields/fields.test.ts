import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as lit } from 'lit';
import '../../guichet-form.js';
import { GuichetForm } from '../guichet-form.js';
import { rankWith, type FieldRenderer } from './registry.js';

const tidy = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** What a file chooser does (the chooser itself is the system's, out of the page's reach). */
async function choose(input: HTMLInputElement, file: File): Promise<void> {
  // A person cannot pick two files in one task.
  await aTimeout(0);
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function ready(el: GuichetForm): Promise<ShadowRoot> {
  await waitUntil(() => el.shadowRoot?.querySelector('form'), 'rendered');
  await el.updateComplete;
  return el.shadowRoot as ShadowRoot;
}

const fileForm = {
  id: 'fichier',
  version: '1.0.0',
  title: 'Pièce jointe',
  schema: {
    type: 'object',
    properties: { proof: { type: 'string', title: 'Justificatif', contentMediaType: 'application/pdf' } },
  },
  ui: { fields: { proof: { widget: 'file', accept: ['application/pdf', 'image/jpeg'], maxSize: 1024 } } },
};

describe('file field', () => {
  it('says which files it takes, refuses a wrong type or size at once, shows name and size, and removes', async () => {
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${fileForm}></guichet-form>`);
    const root = await ready(el);
    const input = root.querySelector<HTMLInputElement>('#guichet-proof');
    expect(input?.accept).to.equal('application/pdf,image/jpeg');
    expect(tidy(root.querySelector('#guichet-proof__rules')?.textContent)).to.equal(
      'Formats acceptés : PDF ou JPEG. Taille maximale : 1 ko.',
    );
    expect(input?.getAttribute('aria-describedby')).to.contain('guichet-proof__rules');

    await choose(input as HTMLInputElement, new File(['x'], 'notes.txt', { type: 'text/plain' }));
    expect(tidy(root.querySelector('#guichet-proof__error')?.textContent)).to.equal(
      'Erreur : Le fichier notes.txt n’est pas dans un format accepté (PDF ou JPEG).',
    );
    expect(el.answersSnapshot).to.not.have.property('proof');

    await choose(input as HTMLInputElement, new File([new Uint8Array(4096)], 'gros.pdf', { type: 'application/pdf' }));
    expect(tidy(root.querySelector('#guichet-proof__error')?.textContent)).to.contain('trop lourd');

    await choose(input as HTMLInputElement, new File([new Uint8Array(512)], 'acte.pdf', { type: 'application/pdf' }));
    expect(root.querySelector('#guichet-proof__error')).to.equal(null);
    expect(tidy(root.querySelector('.file__name')?.textContent)).to.equal(
      'Fichier choisi : acte.pdf (512 octet)'.replace('octet', 'o'),
    );
    const key = el.answersSnapshot.proof as string;
    expect(el.chosenFiles.get(key)?.name).to.equal('acte.pdf');

    const remove = root.querySelector<HTMLButtonElement>('[data-action="remove-file"]');
    expect(tidy(remove?.textContent)).to.equal('Retirer le fichier acte.pdf');
    remove?.click();
    expect(el.answersSnapshot).to.not.have.property('proof');
    expect(el.chosenFiles.size).to.equal(0);
    expect(root.activeElement?.id).to.equal('guichet-proof');
  });
});

describe('contact block', () => {
  it('"Besoin d’aide ?" is on every step and on the summary', async () => {
    const definition = {
      id: 'aide',
      version: '1.0.0',
      title: 'Aide',
      schema: { type: 'object', properties: { a: { type: 'string', title: 'A' }, b: { type: 'string', title: 'B' } } },
      ui: {
        steps: [
          { title: 'Un', fields: ['a'] },
          { title: 'Deux', fields: ['b'] },
        ],
      },
      contact: { phone: '01 23 45 67 89', openingHours: 'Du lundi au vendredi' },
    };
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
    const root = await ready(el);
    for (const title of ['Deux', 'Vérifiez vos réponses']) {
      expect(tidy(root.querySelector('.contact h3')?.textContent)).to.equal('Besoin d’aide ?');
      expect(root.querySelector('.contact a[href="tel:0123456789"]')).to.not.equal(null);
      root.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
      await waitUntil(() => tidy(root.querySelector('#guichet-step-title')?.textContent) === title, title, {
        timeout: 10000,
      });
    }
    expect(tidy(root.querySelector('.contact h3')?.textContent)).to.equal('Besoin d’aide ?');
  });
});

describe('field renderer registry', () => {
  it('a renderer registered with a higher rank replaces the built-in one for the fields it picks, until unregistered', async () => {
    const postalCode: FieldRenderer = {
      name: 'postal-code',
      tester: rankWith(5, (field) => field.name === 'postalCode'),
      render: (field, pointer) => lit`<p class="custom" data-pointer=${pointer}>${field.name}</p>`,
    };
    const definition = {
      id: 'registre',
      version: '1.0.0',
      title: 'Registre',
      schema: {
        type: 'object',
        properties: { postalCode: { type: 'string', title: 'Code postal' }, city: { type: 'string', title: 'Ville' } },
      },
    };
    GuichetForm.renderers.register(postalCode);
    try {
      const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
      const root = await ready(el);
      expect(root.querySelector('.custom')?.getAttribute('data-pointer')).to.equal('/postalCode');
      expect(root.querySelector('#guichet-postalCode')?.tagName).to.equal(undefined);
      expect(root.querySelector('#guichet-city')).to.not.equal(null);
    } finally {
      GuichetForm.renderers.unregister(postalCode);
    }
    // Nothing left behind for later forms (and later tests): the built-in text input is back.
    const el = await fixture<GuichetForm>(html`<guichet-form draft="none" .definition=${definition}></guichet-form>`);
    const root = await ready(el);
    expect(root.querySelector<HTMLInputElement>('#guichet-postalCode')?.type).to.equal('text');
    expect(root.querySelector('.custom')?.textContent).to.equal(undefined);
  });
});
