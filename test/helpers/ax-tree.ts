/**
 * What assistive technology gets, read from Chromium's accessibility tree through the DevTools
 * protocol (scripts/lib/ax-tree-plugin.mjs) rather than from the DOM.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface AXNode {
  role: string;
  name: string;
  description?: string;
  value?: unknown;
  /** The language it is read in (the nearest `lang`), when asked for with `axTree({ languages: true })`. */
  lang?: string;
  /** What a reader announces besides the name: invalid, required, level, focused, live, atomic, … */
  properties?: Record<string, unknown>;
  children?: AXNode[];
}

export async function axTree(options: { languages?: boolean } = {}): Promise<AXNode[]> {
  return executeServerCommand<AXNode[], { languages?: boolean }>('ax-tree', options);
}

/** Every node of the tree, depth first, each with its ancestors (nearest last). */
export function* walk(nodes: AXNode[], ancestors: AXNode[] = []): Generator<[AXNode, AXNode[]]> {
  for (const node of nodes) {
    yield [node, ancestors];
    yield* walk(node.children ?? [], [...ancestors, node]);
  }
}

export function findAll(nodes: AXNode[], test: (node: AXNode) => boolean): AXNode[] {
  return [...walk(nodes)].filter(([node]) => test(node)).map(([node]) => node);
}

export function find(nodes: AXNode[], test: (node: AXNode) => boolean): AXNode | undefined {
  return findAll(nodes, test)[0];
}

/** The node that has the keyboard focus, and its ancestors. */
export function focused(nodes: AXNode[]): [AXNode, AXNode[]] | undefined {
  return [...walk(nodes)].find(([node]) => node.properties?.focused === true);
}

/** The text a reader reads inside a node (its text leaves, in order), whitespace collapsed. */
export function textOf(node: AXNode): string {
  const parts = [...walk(node.children ?? [])]
    .filter(([inner]) => inner.role === 'StaticText')
    .map(([inner]) => inner.name);
  return parts
    .join(' ')
    .replace(/[ \t\n]+/g, ' ')
    .trim();
}

/** The page's headings in reading order, with the level a reader announces. */
export async function headings(): Promise<{ name: string; level: number }[]> {
  return findAll(await axTree(), (node) => node.role === 'heading').map((node) => ({
    name: node.name,
    level: Number(node.properties?.level ?? 0),
  }));
}
