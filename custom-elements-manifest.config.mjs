// The custom-elements manifest (custom-elements.json) documents every public element's
// attributes, properties, events, slots, CSS parts and custom properties from their JSDoc, for
// editors, Storybook's docs pages and web teams.
export default {
  // The public surface only: the elements, their definitions and their events. Internal modules
  // would churn the manifest (and its staleness test) with every refactoring.
  globs: [
    'packages/elements/src/index.ts',
    'packages/elements/src/guichet-form.ts',
    'packages/elements/src/guichet-tracker.ts',
    'packages/elements/src/guichet-desk.ts',
    'packages/elements/src/events.ts',
    'packages/elements/src/form/guichet-form.ts',
    'packages/elements/src/tracker/guichet-tracker.ts',
    'packages/elements/src/desk/guichet-desk.ts',
  ],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: 'packages/elements',
  litelement: true,
  dev: false,
  // The manifest is named by packages/elements/package.json; the analyzer must not write the root one
  // (it would, with the output path of every run, including the stale-manifest test's temp dir).
  packagejson: false,
  plugins: [
    {
      // Private and protected members are not the contract: listing them would make the manifest
      // (and its staleness test) churn with every internal refactoring.
      name: 'guichet-public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules ?? []) {
          for (const declaration of mod.declarations ?? []) {
            const hidden = new Set(
              (declaration.members ?? [])
                .filter((member) => member.privacy && member.privacy !== 'public')
                .map((member) => member.name),
            );
            if (declaration.members)
              declaration.members = declaration.members.filter((member) => !hidden.has(member.name));
            // Internal reactive state (`static properties` entries with `state: true`) is no attribute.
            if (declaration.attributes)
              declaration.attributes = declaration.attributes.filter((attribute) => !hidden.has(attribute.fieldName));
          }
        }
      },
    },
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
