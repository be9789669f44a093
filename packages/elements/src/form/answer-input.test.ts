import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mountWithConditions, type TestFormPartsHost } from '../../../../test/helpers/form-parts-host.js';

const host = mountWithConditions;

const $ = <T extends Element>(el: TestFormPartsHost, selector: string) => el.shadowRoot!.querySelector<T>(selector);

describe('AnswerInput', () => {
  it('keeps what the citizen types as the answer', async () => {
    const el = await host();
    $<HTMLInputElement>(el, '#guichet-name')!.focus();
    await sendKeys({ type: 'Camille' });
    expect(el.parts.answers.data).to.deep.include({ name: 'Camille' });
  });

  it('checks again a question that shows a problem when the citizen leaves it, and clears it once fixed', async () => {
    const el = await host();
    await el.steps.check();
    await el.updateComplete;
    expect(el.parts.errors.summary.map((e) => e.pointer)).to.deep.equal(['/name']);
    $<HTMLInputElement>(el, '#guichet-name')!.focus();
    await sendKeys({ type: 'C' });
    $<HTMLInputElement>(el, '#guichet-name')!.blur();
    await el.updateComplete;
    expect(
      el.parts.errors.summary.map((e) => e.pointer),
      'one letter is still too short',
    ).to.deep.equal(['/name']);
    $<HTMLInputElement>(el, '#guichet-name')!.focus();
    await sendKeys({ type: 'amille' });
    $<HTMLInputElement>(el, '#guichet-name')!.blur();
    await waitUntil(() => el.parts.errors.message('/name') === undefined, 'the problem is gone');
    await waitUntil(() => !el.shadowRoot!.querySelector('#guichet-name__error'), 'and its message with it');
  });

  it('adds and removes the items of a repeatable group', async () => {
    const el = await host();
    el.input.addItem('/children');
    el.input.addItem('/children');
    await waitUntil(() => $(el, '#guichet-children-1-firstName'), 'two children to name');
    expect((el.parts.answers.data.children as unknown[]).length).to.equal(2);
    $<HTMLInputElement>(el, '#guichet-children-1-firstName')!.focus();
    await sendKeys({ type: 'Lina' });
    el.input.removeItem('/children', 0);
    await waitUntil(() => !$(el, '#guichet-children-1-firstName'), 'one child left');
    expect(el.parts.answers.data.children).to.deep.equal([{ firstName: 'Lina' }]);
  });
});
