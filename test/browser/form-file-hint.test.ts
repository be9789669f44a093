import { expect, fixture, html } from '@open-wc/testing';
import '../../packages/elements/src/guichet-form.js';
import type { GuichetForm } from '../../packages/elements/src/form/guichet-form.js';
import { exampleDefinition, shadow, whenReady } from './form-helpers.js';

/** The text a citizen reads around a file input: its label, hint, rules and help, whitespace collapsed. */
function fieldText(el: GuichetForm, name: string): string {
  const input = shadow(el).querySelector<HTMLInputElement>(`input[type=file][name="/${name}"]`);
  if (!input)
    throw new Error(`no file input /${name} in: ${shadow(el).textContent?.replace(/\s+/g, ' ').slice(0, 400)}`);
  return (input.closest('.field')?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('<guichet-form> file fields', () => {
  for (const [id, name, size] of [
    ['signalement-voirie', 'photo', ['5 Mo', '5 MB']],
    ['occupation-domaine-public', 'plan', ['10 Mo', '10 MB']],
  ] as const) {
    it(`${id}: the ${name} field says its formats and largest size once, in French and English`, async () => {
      for (const [lang, words] of [
        ['fr', size[0]],
        ['en', size[1]],
      ] as const) {
        const definition = await exampleDefinition(id);
        // The file field on the first step, so it shows without filling the others.
        const ui = definition.ui as { steps: { fields: string[] }[] };
        for (const step of ui.steps) step.fields = step.fields.filter((field) => field !== name);
        ui.steps[0]!.fields.unshift(name);
        const el = await fixture<GuichetForm>(
          html`<guichet-form draft="none" lang=${lang} .definition=${definition}></guichet-form>`,
        );
        await whenReady(el);
        const text = fieldText(el, name);
        expect(text.split(words).length - 1, `"${words}" in: ${text}`).to.equal(1);
      }
    });
  }
});
