/** Debian's Chromium, or CHROME_PATH when set. */
export const chromiumPath: string;
/** Flags that keep headless Chromium quiet on a machine with no network but loopback, as root. */
export const chromiumArgs: string[];
/** Throws with the command to run when Chromium is not installed. */
export function assertChromium(): void;
