/**
 * The CDN bundle exports its public API and nothing else. Rollup shares what the entry
 * (dist/guichet.js) and its lazily loaded chunks both need by exporting it from the entry under
 * minified names (`A`, `E`, `a`…), which a page could import and which change with every build.
 * A separate shared chunk would cost every page a second request before the elements work. So,
 * once the chunks are written and minified: the entry exports only the names its source exports,
 * and hands what its chunks need to them in one object, kept under a registered symbol on one of
 * its public exports (`anchor`); each chunk imports that export and reads its bindings from it.
 *
 * The chunks read the bindings once, when they run (after the entry has run to its end): a
 * binding the entry could still reassign (`var`, or a `let` assigned anywhere) would be read
 * stale, so the build stops on one.
 */
import MagicString from 'magic-string';

export const internalsKey = 'guichet.internals';
const read = `[Symbol.for(${JSON.stringify(internalsKey)})]`;

/**
 * @param {{ entry: string, input: string, anchor: string }} options The entry chunk's file name,
 * its source module (whose exports are the public API), and the public export that carries the
 * internals. Goes after the minifier: it rewrites the final export and import statements.
 */
export function publicEntry({ entry, input, anchor }) {
  return {
    name: 'public-entry',
    renderChunk(code, chunk) {
      const publicNames = new Set(this.getModuleInfo(input)?.exports ?? []);
      if (publicNames.has('*')) this.error(`public-entry: ${input} re-exports a module whole: name what it exports`);
      if (!publicNames.has(anchor)) this.error(`public-entry: ${input} does not export ${anchor}`);
      if (chunk.fileName === entry) return rewriteEntry(this, code, publicNames, anchor);
      if (chunk.imports.includes(entry)) return rewriteImports(this, code, `./${entry}`, publicNames, anchor);
      return null;
    },
  };
}

function rewriteEntry(context, code, publicNames, anchor) {
  const ast = context.parse(code);
  const declared = topLevelKinds(ast);
  const exports = ast.body.filter((node) => node.type === 'ExportNamedDeclaration' && !node.source);
  if (exports.some((node) => node.declaration))
    context.error('public-entry: the entry declares in an export statement');
  const specifiers = exports.flatMap((node) => node.specifiers);
  const kept = specifiers.filter((spec) => publicNames.has(spec.exported.name));
  const internal = specifiers.filter((spec) => !publicNames.has(spec.exported.name));
  const missing = [...publicNames].filter((name) => !kept.some((spec) => spec.exported.name === name));
  if (missing.length > 0) context.error(`public-entry: the entry lost its exports ${missing.join(', ')}`);
  const assigned = assignedNames(ast);
  for (const spec of internal) {
    const kind = declared.get(spec.local.name);
    // The minifier writes some classes as `let X=class{…}`: as good as const if nothing assigns X.
    const fixed = kind === 'let' && !assigned.has(spec.local.name);
    if (kind !== 'const' && kind !== 'function' && kind !== 'class' && !fixed)
      context.error(
        `public-entry: the chunks need ${spec.local.name} (${kind ?? 'not declared at top level'}); only const, function and class bindings can be handed over`,
      );
  }
  const s = new MagicString(code);
  for (const node of exports) s.remove(node.start, node.end);
  const anchorLocal = kept.find((spec) => spec.exported.name === anchor).local.name;
  const handOver = internal.length
    ? `Object.defineProperty(${anchorLocal},Symbol.for(${JSON.stringify(internalsKey)}),{value:Object.freeze({${internal.map((spec) => `${spec.exported.name}:${spec.local.name}`).join(',')}})});`
    : '';
  const exported = kept.map((spec) =>
    spec.local.name === spec.exported.name ? spec.local.name : `${spec.local.name} as ${spec.exported.name}`,
  );
  s.appendLeft(exports.at(-1).end, `${handOver}export{${exported.join(',')}};`);
  return { code: s.toString(), map: s.generateMap({ hires: true }) };
}

function rewriteImports(context, code, source, publicNames, anchor) {
  const ast = context.parse(code);
  const s = new MagicString(code);
  let changed = false;
  for (const node of ast.body) {
    if (node.type !== 'ImportDeclaration' || node.source.value !== source) continue;
    if (node.specifiers.some((spec) => spec.type !== 'ImportSpecifier'))
      context.error('public-entry: a chunk imports the entry as a whole');
    const kept = node.specifiers.filter((spec) => publicNames.has(spec.imported.name));
    const internal = node.specifiers.filter((spec) => !publicNames.has(spec.imported.name));
    if (internal.length === 0) continue;
    const imports = kept.map((spec) =>
      spec.imported.name === spec.local.name ? spec.local.name : `${spec.imported.name} as ${spec.local.name}`,
    );
    let anchorLocal = kept.find((spec) => spec.imported.name === anchor)?.local.name;
    if (!anchorLocal) {
      anchorLocal = freeName(code);
      imports.push(`${anchor} as ${anchorLocal}`);
    }
    const bindings = internal.map((spec) => `${spec.imported.name}:${spec.local.name}`).join(',');
    s.overwrite(
      node.start,
      node.end,
      `import{${imports.join(',')}}from${JSON.stringify(source)};const{${bindings}}=${anchorLocal}${read};`,
    );
    changed = true;
  }
  return changed ? { code: s.toString(), map: s.generateMap({ hires: true }) } : null;
}

/** The kind of each top-level binding: const, let, var, function or class. */
function topLevelKinds(ast) {
  const kinds = new Map();
  for (const node of ast.body) {
    if (node.type === 'VariableDeclaration')
      for (const declaration of node.declarations) for (const name of names(declaration.id)) kinds.set(name, node.kind);
    else if (node.type === 'FunctionDeclaration') kinds.set(node.id.name, 'function');
    else if (node.type === 'ClassDeclaration') kinds.set(node.id.name, 'class');
  }
  return kinds;
}

/** Every name assigned to anywhere in the file (in any scope: a shadowing local counts too). */
function assignedNames(ast) {
  const assigned = new Set();
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'AssignmentExpression') for (const name of names(node.left)) assigned.add(name);
    if (node.type === 'UpdateExpression') for (const name of names(node.argument)) assigned.add(name);
    if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && node.left.type !== 'VariableDeclaration')
      for (const name of names(node.left)) assigned.add(name);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return assigned;
}

function names(pattern) {
  if (pattern.type === 'Identifier') return [pattern.name];
  if (pattern.type === 'ObjectPattern')
    return pattern.properties.flatMap((p) => names(p.type === 'RestElement' ? p.argument : p.value));
  if (pattern.type === 'ArrayPattern')
    return pattern.elements.filter(Boolean).flatMap((e) => names(e.type === 'RestElement' ? e.argument : e));
  if (pattern.type === 'AssignmentPattern') return names(pattern.left);
  return [];
}

function freeName(code) {
  for (let i = 0; ; i++) {
    const name = `$guichet${i}`;
    if (!code.includes(name)) return name;
  }
}
