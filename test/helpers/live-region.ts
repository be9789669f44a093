/**
 * What a screen reader would hear from a live region while `during` runs: its text at each of
 * its changes (none when nothing was said).
 */
export async function heardDuring(region: Element, during: () => Promise<unknown>): Promise<string[]> {
  const heard: string[] = [];
  const listener = new MutationObserver(() => heard.push(region.textContent!.replace(/\s+/g, ' ').trim()));
  listener.observe(region, { subtree: true, childList: true, characterData: true });
  try {
    await during();
  } finally {
    listener.disconnect();
  }
  return heard;
}
