/**
 * A precompiled validator is code the page runs: the element loads one only from the origin its
 * definition came from, whatever a response header names.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { loadStandaloneValidators } from '@guichet/core';
import { fetchDefinition } from './definition-source.js';
import '../guichet-form.js';
import type { GuichetForm } from './guichet-form.js';
import { apiUrl } from '../../../../test/helpers/admin.js';

const validatorRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.endsWith('/validator.js'));

describe('the precompiled validator a definition names', () => {
  it("is taken from the definition's own origin (the endpoint names it relative to the definition)", async () => {
    const fetched = await fetchDefinition(`${apiUrl()}/forms/contact-service`, location.href);
    expect(fetched.ok).to.equal(true);
    if (!fetched.ok) return;
    expect(fetched.validatorUrl).to.equal(`${apiUrl()}/forms/contact-service/validator.js`);
    expect(fetched.origin).to.equal(new URL(apiUrl()).origin);
  });

  it('is refused from another origin: the form works, checking answers with its own compiled rules', async () => {
    const fetched = await fetchDefinition('/test/fixtures/validator-elsewhere.json', location.href);
    expect(fetched.ok).to.equal(true);
    if (fetched.ok) expect(fetched.validatorUrl).to.equal(undefined);

    performance.clearResourceTimings();
    const form = await fixture<GuichetForm>(
      html`<guichet-form src="/test/fixtures/validator-elsewhere.json" endpoint=${apiUrl()}></guichet-form>`,
    );
    await waitUntil(() => form.shadowRoot?.querySelector('input, select, textarea'), 'the form renders', {
      timeout: 10_000,
    });
    expect(validatorRequests()).to.deep.equal([]);
  });

  it('is refused by core too when it is not on the origin given', async () => {
    const elsewhere = `${apiUrl()}/forms/contact-service/validator.js`;
    let refused: unknown;
    try {
      await loadStandaloneValidators(elsewhere, { origin: location.origin });
    } catch (error) {
      refused = error;
    }
    expect(String(refused)).to.match(/not on the definition's origin/);
    const loaded = await loadStandaloneValidators(elsewhere, { origin: new URL(apiUrl()).origin });
    expect(loaded.validate).to.be.a('function');
  });
});
