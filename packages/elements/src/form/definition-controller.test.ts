import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { TestFormPartsHost, twoSteps } from '../../../../test/helpers/form-parts-host.js';
import type { GuichetErrorEvent } from '../events.js';

const { endpoint } = (window as unknown as { __GUICHET_TEST__: { endpoint: string } }).__GUICHET_TEST__;

async function host(lang = 'fr'): Promise<TestFormPartsHost> {
  return fixture<TestFormPartsHost>(html`<test-form-parts-host lang=${lang}></test-form-parts-host>`);
}

describe('DefinitionController', () => {
  it('reads a definition handed over as an object: the form starts with its model', async () => {
    const el = await host();
    await el.parts.definition.load(structuredClone(twoSteps), undefined);
    expect(el.parts.definition.status).to.equal('ready');
    expect(el.started.map((model) => model.id)).to.deep.equal(['essai-etapes']);
    expect(el.parts.definition.index?.stepFields(1).map((field) => field.name)).to.deep.equal(['comment']);
  });

  it('fetches a definition from the endpoint (src)', async () => {
    const el = await host();
    await el.parts.definition.load(undefined, `${endpoint}/api/forms/contact-service`);
    expect(el.parts.definition.status).to.equal('ready');
    expect(el.parts.definition.model?.id).to.equal('contact-service');
  });

  it('refuses a broken definition with problems in the form’s language, and tells the page', async () => {
    const el = await host('en');
    const errors: GuichetErrorEvent[] = [];
    el.addEventListener('guichet-error', (event) => errors.push(event as GuichetErrorEvent));
    await el.parts.definition.load({ id: 'x', version: '1.0.0', title: 'X', schema: { type: 'strin' } }, undefined);
    expect(el.parts.definition.status).to.equal('broken');
    expect(el.parts.definition.problems.length).to.be.greaterThan(0);
    expect(el.started).to.deep.equal([]);
    expect(errors.map((event) => event.detail.kind)).to.deep.equal(['definition']);
  });

  it('a form with conditions starts once its compiled rules are there: the rest of its checks follows the painted step', async () => {
    const el = await host();
    const src = `${endpoint}/api/forms/contact-service`;
    await el.parts.definition.load(undefined, src);
    const { definition } = el.parts;
    expect(definition.status).to.equal('ready');
    // What its conditions decide is known: "phone" is required once the citizen asks to be called.
    const phone = definition.model?.fields.find((field) => field.name === 'phone');
    expect(phone?.requiredWhen.length).to.be.greaterThan(0);
    expect(definition.conditions?.isRequired(phone!, { preferredContact: 'telephone' })).to.equal(true);
    expect(definition.conditions?.isRequired(phone!, { preferredContact: 'email' })).to.equal(false);
    // The validator's messages and the full reader were not waited for…
    expect(definition.validator).to.equal(undefined);
    // …and its compiled rules were asked for as soon as the definition said where they are.
    const hints = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(hints.filter((link) => link.href === `${src}/validator.js`)).to.have.length(1);
    await waitUntil(() => definition.validator, 'the checks, once the step is painted');
    expect(definition.validator?.isRequired(phone!, { preferredContact: 'telephone' })).to.equal(true);
  });

  it('a form without conditions leaves its validator for after the painted step', async () => {
    const el = await host();
    const src = `${endpoint}/api/forms/signalement-voirie`;
    await el.parts.definition.load(undefined, src);
    expect(el.parts.definition.status).to.equal('ready');
    expect(el.parts.definition.conditions).to.equal(undefined);
    // Nothing competes with the first step's drawing: no download of its rules has started yet.
    const hints = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
    expect(hints.filter((link) => link.href === `${src}/validator.js`)).to.have.length(0);
    await waitUntil(() => el.parts.definition.validator, 'the checks, once the step is painted');
  });

  it('a form not found at src is a problem, not a form that loads forever', async () => {
    const el = await host();
    await el.parts.definition.load(undefined, `${endpoint}/api/forms/nothing-here`);
    expect(el.parts.definition.status).to.equal('broken');
    expect(el.started).to.deep.equal([]);
  });

  it('when a second definition comes before the first is read, only the second starts', async () => {
    const el = await host();
    const first = el.parts.definition.load(undefined, `${endpoint}/api/forms/contact-service`);
    const second = el.parts.definition.load(structuredClone(twoSteps), undefined);
    await Promise.all([first, second]);
    expect(el.started.map((model) => model.id)).to.deep.equal(['essai-etapes']);
    expect(el.parts.definition.model?.id).to.equal('essai-etapes');
  });

  it('has the checking rules when Continue needs them, compiling them on the spot if they are not there yet', async () => {
    const el = await host();
    await el.parts.definition.load(structuredClone(twoSteps), undefined);
    const validator = await el.parts.definition.validatorNow(() => undefined);
    expect(validator?.validate({}, { lang: 'fr' }).map((e) => e.pointer)).to.deep.equal(['/name']);
    await waitUntil(() => el.parts.definition.validator === validator, 'kept for the next check');
  });
});
