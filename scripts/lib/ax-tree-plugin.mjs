/**
 * A web-test-runner command that reads what assistive technology gets: Chromium's accessibility
 * tree through the DevTools protocol (`Accessibility.getFullAXTree`), not the DOM. The browser
 * side is test/helpers/ax-tree.ts.
 */

/** @param {{ value?: { value?: unknown } } | undefined} field */
const valueOf = (field) => field?.value?.value;

/**
 * The language a reader speaks each node in: the nearest `lang` up the flat tree, crossing shadow
 * roots (the DevTools protocol's tree does not carry it, the platform's accessibility APIs do).
 */
async function languagesOf(cdp, nodes) {
  const languages = new Map();
  for (const node of nodes) {
    if (node.ignored || node.backendDOMNodeId === undefined) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId }).catch(() => ({}));
    if (!object?.objectId) continue;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        for (let at = this; at; at = at.parentNode ?? at.host) {
          if (at.nodeType === 1 && at.hasAttribute('lang')) return at.getAttribute('lang');
        }
        return '';
      }`,
      returnByValue: true,
    });
    languages.set(node.nodeId, result.value);
  }
  return languages;
}

/**
 * The tree as a screen reader walks it: ignored nodes are skipped (their children hoisted), and
 * each node keeps its role, name, description, value and the properties a reader announces.
 */
function readable(nodes, languages) {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const walk = (node) => {
    const children = (node.childIds ?? []).flatMap((id) => {
      const child = byId.get(id);
      return child ? walk(child) : [];
    });
    if (node.ignored) return children;
    const properties = Object.fromEntries(
      (node.properties ?? []).map((property) => [property.name, property.value?.value]),
    );
    const role = valueOf({ value: node.role });
    // Chromium's text leaves (StaticText, InlineTextBox) repeat their parent's text: a reader reads them as one.
    if (role === 'InlineTextBox') return [];
    return [
      {
        role,
        name: valueOf({ value: node.name }) ?? '',
        ...(node.description ? { description: node.description.value } : {}),
        ...(node.value ? { value: node.value.value } : {}),
        ...(languages.has(node.nodeId) ? { lang: languages.get(node.nodeId) } : {}),
        ...(Object.keys(properties).length ? { properties } : {}),
        ...(children.length ? { children } : {}),
      },
    ];
  };
  const root = nodes.find((node) => !node.parentId) ?? nodes[0];
  return root ? walk(root) : [];
}

export function axTreePlugin() {
  return {
    name: 'ax-tree-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ax-tree') return undefined;
      if (session.browser.type !== 'playwright') throw new Error('ax-tree needs the playwright launcher');
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        if (payload?.languages) await cdp.send('DOM.enable');
        return readable(nodes, payload?.languages ? await languagesOf(cdp, nodes) : new Map());
      } finally {
        await cdp.detach();
      }
    },
  };
}
