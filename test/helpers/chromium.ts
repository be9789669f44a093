/** Debian's Chromium through playwright-core, headless, loopback only (see scripts/lib/chromium.mjs). */
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** The WCAG 2.1 A and AA rules of axe-core, as in every accessibility check of the project. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
