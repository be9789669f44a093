import { expect } from '@open-wc/testing';
import { MIN_REFRESH_SECONDS, refreshSeconds } from './poll-controller.js';

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
