/**
 * What only the web team can fix (an attribute, the server's CORS settings) is written to the
 * console, where the person who embedded the element looks, with the element's tag so a page
 * with several knows which one speaks.
 */
export function tellWebTeam(element: HTMLElement, message: string): void {
  console.error(`<${element.localName}>: ${message}`);
}
