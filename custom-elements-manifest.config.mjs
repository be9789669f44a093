// The custom-elements manifest (custom-elements.json) documents every public element's
// attributes, properties, events, slots, CSS parts and custom properties from their JSDoc, for
// editors, Storybook's docs pages and web teams.
export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: 'packages/elements',
  litelement: true,
  dev: false,
};
