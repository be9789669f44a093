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

  /** A poller every 10 ms (sub-second periods exist only here: the element clamps `refresh` to 10 s), counting its ticks. */
  function counted(tick: () => Promise<void> = async () => {}) {
    const counter = { ticks: 0, poller: undefined as unknown as PollController };
    counter.poller = new PollController(host, async () => {
      counter.ticks += 1;
      await tick();
    });
    counter.poller.hostConnected();
    counter.poller.set(0.01);
    return counter;
  }

  it('ticks again and again while connected, one tick at a time', async () => {
    let running = 0;
    let overlapped = false;
    const polling = counted(async () => {
      running += 1;
      overlapped ||= running > 1;
      await new Promise((resolve) => setTimeout(resolve, 15));
      running -= 1;
    });
    try {
      await waitUntil(() => polling.ticks >= 3, 'the poller should keep ticking');
      expect(overlapped).to.equal(false);
    } finally {
      polling.poller.hostDisconnected();
    }
  });

  // A second poller with the same period, left connected, is the clock: each of its ticks is one
  // the disconnected poller would have made too (no fixed sleep decides how long "never" is).
  it('stops when disconnected', async () => {
    const stopped = counted();
    const clock = counted();
    try {
      await waitUntil(() => stopped.ticks >= 2, 'the poller should tick before it is disconnected');
      stopped.poller.hostDisconnected();
      const ticksAtStop = stopped.ticks;
      const clockAtStop = clock.ticks;
      await waitUntil(() => clock.ticks >= clockAtStop + 5, 'the connected poller should keep ticking');
      expect(stopped.ticks).to.equal(ticksAtStop);
    } finally {
      clock.poller.hostDisconnected();
    }
  });

  it('does not plan another tick when disconnected during one', async () => {
    let finish: () => void = () => {};
    const stopped = counted(() => new Promise<void>((resolve) => (finish = resolve)));
    const clock = counted();
    try {
      await waitUntil(() => stopped.ticks === 1, 'the poller should start a tick');
      stopped.poller.hostDisconnected();
      finish();
      const clockAtStop = clock.ticks;
      await waitUntil(() => clock.ticks >= clockAtStop + 5, 'the connected poller should keep ticking');
      expect(stopped.ticks).to.equal(1);
    } finally {
      clock.poller.hostDisconnected();
    }
  });

  it('stops when its period is turned off', async () => {
    const stopped = counted();
    const clock = counted();
    try {
      await waitUntil(() => stopped.ticks >= 1, 'the poller should tick');
      stopped.poller.set(undefined);
      const ticksAtStop = stopped.ticks;
      const clockAtStop = clock.ticks;
      await waitUntil(() => clock.ticks >= clockAtStop + 5, 'the connected poller should keep ticking');
      expect(stopped.ticks).to.equal(ticksAtStop);
    } finally {
      stopped.poller.hostDisconnected();
      clock.poller.hostDisconnected();
    }
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
