// A web-test-runner command, `ax-headings`: the headings of the test page as Chromium exposes them
// to assistive technology (role, name, level), shadow roots included, through the DevTools
// protocol's accessibility tree. (@web/test-runner-commands' a11ySnapshot relies on
// page.accessibility, which Playwright no longer has.)
export function axHeadingsPlugin() {
  return {
    name: 'ax-headings',
    async executeCommand({ command, session }) {
      if (command !== 'ax-headings') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes
          .filter((node) => !node.ignored && node.role?.value === 'heading')
          .map((node) => ({
            name: String(node.name?.value ?? ''),
            level: Number(node.properties?.find((property) => property.name === 'level')?.value?.value ?? 0),
          }));
      } finally {
        await cdp.detach();
      }
    },
  };
}
