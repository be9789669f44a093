/**
 * The page's ajv is built with Guichet's ajv options as constants (scripts/lib/ajv-for-pages.mjs):
 * each constant must be what a live instance really runs with, or pages and the endpoint would
 * disagree (the verdict test would catch some cases; this names the option that moved).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAjv } from '../../packages/core/src/validation/ajv-instance.js';
import { fixedOptions } from '../../scripts/lib/ajv-for-pages.mjs';

describe("the page's ajv", () => {
  for (const checked of ['answers', 'definition'] as const) {
    it(`runs with the options its build takes for constants (${checked} validators)`, () => {
      const { opts } = createAjv({}, undefined, checked) as unknown as { opts: Record<string, unknown> };
      for (const [name, value] of Object.entries(fixedOptions)) {
        // ajv reads an option it was not given as `undefined`, which every check treats as false.
        assert.equal(opts[name] ?? false, value, `opts.${name}`);
      }
    });
  }
});
