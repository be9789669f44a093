/**
 * The page's outline does not reach into a shadow root: the host says at which level the element's
 * top headings sit (`heading-level`, 2 by default) and every heading inside follows, through
 * `aria-level` on the native headings (their look does not change). Called after each render, so
 * headings drawn later follow too.
 */
export function shiftHeadings(root: ParentNode, level: number | undefined): void {
  const shift = typeof level === 'number' && level >= 1 && level <= 6 ? Math.round(level) - 2 : 0;
  for (const heading of root.querySelectorAll('h2, h3, h4, h5, h6')) {
    if (shift) heading.setAttribute('aria-level', String(Number(heading.tagName[1]) + shift));
    else heading.removeAttribute('aria-level');
  }
}
