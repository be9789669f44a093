import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers: every state of <guichet-form>, <guichet-tracker> and <guichet-desk>, without a
 * running endpoint (states come from the elements' public API and registered adapters).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    return {
      ...vite,
      resolve: {
        ...vite.resolve,
        // @guichet/* resolve to their TypeScript sources, as in the tests and type-check.
        conditions: ['source', 'browser', 'module', 'import', 'default'],
      },
      // The Lit elements declare reactive properties in `static properties` and initialise them as
      // class fields assigned in the constructor (useDefineForClassFields: false). Vite 8
      // transforms TypeScript with Oxc and ignores `esbuild` options, so say it to Oxc: otherwise
      // the fields are defined on the instance and shadow Lit's accessors.
      oxc: {
        ...(typeof vite.oxc === 'object' ? vite.oxc : {}),
        assumptions: { setPublicClassFields: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
      },
    };
  },
};

export default config;
