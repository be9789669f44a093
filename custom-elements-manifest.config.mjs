// The custom-elements manifest (custom-elements.json) documents every public element's
// attributes, properties, events, slots, CSS parts and custom properties from their JSDoc, for
// editors, Storybook's docs pages and web teams.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: 'packages/elements',
  litelement: true,
  dev: false,
  // The manifest is named by packages/elements/package.json; the analyzer must not write the root one
  // (it would, with the output path of every run, including the stale-manifest test's temp dir).
  packagejson: false,
  plugins: [
    {
      // `dispatchEvent(new GuichetErrorEvent(…))` is seen as an event without a name; the JSDoc
      // `@event` tags already name every event, so drop the nameless copies.
      name: 'guichet-named-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
