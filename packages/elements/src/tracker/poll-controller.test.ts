import { expect, waitUntil } from '@open-wc/testing';
import { MIN_REFRESH_SECONDS, PollController, refreshSeconds } from './poll-controller.js';

describe('refresh attribute', () => {
  it('polls at the given period, but never more often than every 10 seconds', () => {
    expect(MIN_REFRESH_SECONDS).to.equal(10);
    expect(refreshSeconds(60)).to.equal(60);
    expect(refreshSeconds('30')).to.equal(30);
    expect(refreshSeconds(1)).to.equal(10);
    expect(refreshSeconds('0.5')).to.equal(10);
  });

  it('does not poll without a usable value', () => {
    for (const value of [undefined, null, '', 'soon', 0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(refreshSeconds(value as number | string | null | undefined), String(value)).to.equal(undefined);
    }
  });
});

describe('PollController', () => {
  const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };

  it('ticks again and again while connected, one tick at a time, and stops when disconnected', async () => {
    let ticks = 0;
    let running = 0;
    let overlapped = false;
    const poller = new PollController(host, async () => {
      running += 1;
      overlapped ||= running > 1;
      ticks += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    });
    poller.hostConnected();
    // Sub-second periods exist only here: the element clamps `refresh` to 10 s.
    poller.set(0.01);
    await waitUntil(() => ticks >= 3, 'the poller should keep ticking');
    poller.hostDisconnected();
    expect(overlapped).to.equal(false);
    expect(poller.period).to.equal(0.01);
  });

  it('ticks at once when the page becomes visible again', async () => {
    let ticks = 0;
    const poller = new PollController(host, async () => {
      ticks += 1;
    });
    poller.hostConnected();
    poller.set(3600);
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => ticks === 1, 'a visible page should be refreshed at once');
    } finally {
      poller.hostDisconnected();
    }
  });
});
