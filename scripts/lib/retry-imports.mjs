/**
 * A chunk whose download failed (a citizen's connection dropping for a moment) must download
 * again when the form or the tracker tries again ("Réessayer"). Safari, Firefox and Chromium
 * before its 2026 releases keep a failed module fetch in the page's module map for the page's
 * life: every later `import()` of the same URL fails at once without a request
 * (whatwg/html#6768, fixed in the spec by whatwg/html#10327, not yet everywhere). So each
 * dynamic import of the bundle goes through a helper that asks for the chunk's own URL first (the
 * one `<link rel="modulepreload">` and static imports use, so the module is one instance) and,
 * after a failure, for that URL with `?retry=N`, which the module map has not seen.
 * Goes after the minifier and preload-imports.mjs; rollup puts the final file names in afterwards.
 */
import MagicString from 'magic-string';

const helper = '__guichetImport';
const helperCode = `const ${helper}Failed=new Map,${helper}=(f)=>{const h=new URL(f,import.meta.url).href,n=${helper}Failed.get(h)??0;return import(n?h+"?retry="+n:h).catch(e=>{${helper}Failed.set(h,n+1);throw e})};`;

export function retryImports() {
  return {
    name: 'retry-imports',
    renderChunk(code, chunk) {
      const s = new MagicString(code);
      let used = false;
      for (const target of chunk.dynamicImports) {
        const call = `import("./${target}")`;
        for (let at = code.indexOf(call); at >= 0; at = code.indexOf(call, at + call.length)) {
          s.overwrite(at, at + 'import'.length, helper);
          used = true;
        }
      }
      if (!used) return null;
      s.prepend(helperCode);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
