import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for designers: every state of <guichet-form> and <guichet-tracker>, without a
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
      // The Lit elements use legacy decorators (experimentalDecorators, useDefineForClassFields:
      // false). Vite 8 transforms TypeScript with Oxc and ignores `esbuild` options, so say it to
      // Oxc: otherwise `@property()` fields shadow Lit's accessors, or decorators reach Chromium.
      oxc: {
        ...(typeof vite.oxc === 'object' ? vite.oxc : {}),
        decorator: { legacy: true },
        assumptions: { setPublicClassFields: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
      },
    };
  },
};

export default config;
