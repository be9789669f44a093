/**
 * Starts downloading the module at `url` without running it (`<link rel="modulepreload">`), once
 * per page: its `import()` later finds it in the module map instead of waiting a round trip.
 */
export function hintModule(document: Document, url: string): void {
  for (const link of document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'))
    if (link.href === url) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = url;
  document.head.append(link);
}
