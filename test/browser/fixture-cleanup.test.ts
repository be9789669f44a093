import { expect, fixture, html } from '@open-wc/testing';

// Elements left from an earlier test take focus, answer global events (pagehide) and fill the
// accessibility tree: every test must start from an empty page.
describe('test isolation', () => {
  it('a test puts an element in the page', async () => {
    const el = await fixture(html`<p id="left-behind">Bonjour</p>`);
    expect(el.isConnected).to.equal(true);
  });

  it('the next test no longer finds it', () => {
    expect(document.getElementById('left-behind')).to.equal(null);
  });
});
