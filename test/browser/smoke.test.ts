import { expect } from '@open-wc/testing';
import { testEnv } from '../helpers/env.js';

describe('the browser test harness', () => {
  it('hands the tests the run environment', () => {
    expect(testEnv()).to.have.property('endpoint');
  });
});
