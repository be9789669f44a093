import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';
import '../packages/elements/src/index.js';
import '../stories/support/adapters.js';
import dsfrTheme from '../packages/elements/themes/dsfr.css?url';
import highContrastTheme from '../packages/elements/themes/high-contrast.css?url';

setCustomElementsManifest(manifest);

/** The WCAG 2.1 A/AA rules, as in the browser tests and the Storybook test. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The themes shipped in packages/elements/themes/, linked as a host page links them. */
const themes: Record<string, string | undefined> = {
  default: undefined,
  dsfr: dsfrTheme,
  'high-contrast': highContrastTheme,
};

function useTheme(name: string): void {
  const href = themes[name];
  let link = document.querySelector<HTMLLinkElement>('link#guichet-theme');
  if (!href) return link?.remove();
  if (!link) {
    link = document.createElement('link');
    link.id = 'guichet-theme';
    link.rel = 'stylesheet';
    document.head.append(link);
  }
  if (link.getAttribute('href') !== href) link.href = href;
}

/**
 * Language and theme come from the toolbar: the elements take the closest `lang` in the page, and
 * a theme is a host-page stylesheet setting `--guichet-*` custom properties and `::part()` rules.
 */
const withLanguageAndTheme: Decorator = (story, context) => {
  const lang = context.globals['lang'] === 'en' ? 'en' : 'fr';
  document.documentElement.lang = lang;
  useTheme(String(context.globals['theme'] ?? 'default'));
  return html`<div lang=${lang}>${story()}</div>`;
};

const preview: Preview = {
  decorators: [withLanguageAndTheme],
  // Drafts and waiting submissions live in localStorage: one story must not inherit another's.
  beforeEach() {
    for (const key of Object.keys(localStorage)) if (key.startsWith('guichet:')) localStorage.removeItem(key);
    // The desk keeps an agent's token for the tab: each story starts signed out.
    sessionStorage.removeItem('guichet-desk-token');
  },
  globalTypes: {
    lang: {
      description: 'Language of the elements',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme (custom properties)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default' },
          { value: 'dsfr', title: 'DSFR colours' },
          { value: 'high-contrast', title: 'High contrast' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'fr', theme: 'default' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: {
      options: { runOnly: { type: 'tag', values: wcagTags } },
      test: 'error',
    },
    viewport: {
      options: {
        phone320: { name: 'Phone 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        phone375: { name: 'Phone 375 px', styles: { width: '375px', height: '740px' }, type: 'mobile' },
        tablet: { name: 'Tablet 768 px', styles: { width: '768px', height: '1024px' }, type: 'tablet' },
      },
    },
  },
};

export default preview;
