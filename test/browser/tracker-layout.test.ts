import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../packages/elements/src/guichet-tracker.js';
import type { GuichetTracker } from '../../packages/elements/src/tracker/guichet-tracker.js';
import { apiUrl } from '../helpers/admin.js';
import { changePhase, createRequest, part, settled } from './tracker-fixtures.js';

/** One tracker on a request waiting for the citizen, with a long unbroken note: the widest state. */
async function actionRequiredTracker(): Promise<GuichetTracker> {
  const receipt = await createRequest();
  await changePhase(receipt.reference, {
    phase: 'action_required',
    label: 'Complément demandé',
    note: `Merci d’envoyer la photo à https://www.montfleury.example/${'tres-long-chemin-'.repeat(8)} avant vendredi.`,
  });
  // Appended by hand, not with fixture(): open-wc removes fixtures after each test, and these
  // tests share one tracker (one look-up; the endpoint rate-limits look-ups).
  const el = document.createElement('guichet-tracker');
  el.endpoint = apiUrl();
  el.reference = receipt.reference;
  el.code = receipt.trackingCode;
  document.body.append(el);
  await settled(el);
  return el;
}

describe('<guichet-tracker> layout', () => {
  let el: GuichetTracker;

  before(async () => {
    el = await actionRequiredTracker();
  });

  after(async () => {
    el.remove();
    await emulateMedia({ media: 'screen', forcedColors: 'none' });
    await setViewport({ width: 800, height: 600 });
  });

  it('reflows at 320 CSS pixels: nothing scrolls sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    await el.updateComplete;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const name of ['status', 'action-required', 'timeline', 'contact']) {
      const box = part(el, name)!;
      expect(box.scrollWidth, name).to.be.at.most(box.clientWidth);
      expect(box.getBoundingClientRect().right, name).to.be.at.most(320);
    }
  });

  it('keeps the phase and the action box outlined in forced-colors mode', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const phase = getComputedStyle(part(el, 'phase')!);
    const box = getComputedStyle(part(el, 'action-required')!);
    expect(phase.borderTopStyle).to.equal('solid');
    expect(box.borderTopStyle).to.equal('solid');
    expect(phase.borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
    // The icon is drawn in the text colour, never hidden by the system palette.
    const icon = part(el, 'phase')!.querySelector('svg')!;
    expect(getComputedStyle(icon).stroke).to.equal(getComputedStyle(part(el, 'phase')!).color);
  });

  it('prints the status without buttons or the look-up form', async () => {
    await emulateMedia({ media: 'print', forcedColors: 'none' });
    expect(getComputedStyle(part(el, 'status')!).display).not.to.equal('none');
    expect(getComputedStyle(part(el, 'timeline')!).display).not.to.equal('none');
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      expect(getComputedStyle(button).display).to.equal('none');
    }
  });
});
