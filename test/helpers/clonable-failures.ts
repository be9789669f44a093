/**
 * A failed assertion about a DOM node must fail as itself. web-test-runner sends each failure's
 * `actual` and `expected` to Node through `structuredClone`, which throws on a node: the file then
 * reports nothing and the run hangs until its timeout (modernweb-dev/web#2967). Loaded by every
 * test page (web-test-runner.config.mjs) before the tests, this turns such values into chai's own
 * description of them (`<input id="guichet-city" …>`), which is also what a reader needs.
 */
// The side-effect-free entry: this file runs before mocha defines `afterEach`, and the main entry
// registers its fixture cleanup only when `afterEach` exists at its first import. Imported from
// here, it never did, and every test's elements stayed in the page for the next ones.
import * as pure from '@open-wc/testing/pure';

// The entry exports chai, but its declarations leave it out.
const { chai } = pure as unknown as { chai: Chai.ChaiStatic };

function clonable(value: unknown): unknown {
  try {
    structuredClone(value);
    return value;
  } catch {
    return chai.util.inspect(value);
  }
}

const assert = chai.Assertion.prototype.assert;
chai.Assertion.prototype.assert = function (this: Chai.AssertionStatic, ...args: Parameters<typeof assert>) {
  try {
    assert.apply(this, args);
  } catch (error) {
    if (error instanceof chai.AssertionError) {
      const failure = error as Chai.AssertionError & { actual?: unknown; expected?: unknown };
      failure.actual = clonable(failure.actual);
      failure.expected = clonable(failure.expected);
    }
    throw error;
  }
};
