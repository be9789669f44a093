/**
 * Where a rendered chunk calls `import("./<chunk>")` for each chunk rollup lists as its dynamic
 * imports (after the minifier, which writes double quotes; rollup puts the final file names in
 * afterwards), for the plugins that rewrite those calls (preload-imports.mjs, retry-imports.mjs).
 */
export function* dynamicImportCalls(code, chunk) {
  for (const target of chunk.dynamicImports) {
    const call = `import("./${target}")`;
    for (let at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + call.length))
      yield { target, at, end: at + call.length };
  }
}
