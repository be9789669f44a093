/**
 * A chunk whose download failed (a citizen's connection dropping for a moment) must download
 * again when the form or the tracker tries again ("Réessayer"). Safari, Firefox and Chromium
 * before its 2026 releases keep a failed module fetch in the page's module map for the page's
 * life: every later `import()` of the same URL fails at once without a request
 * (whatwg/html#6768, fixed in the spec by whatwg/html#10327, not yet everywhere). So each
 * dynamic import of the bundle goes through a helper that asks for the chunk's own URL first (the
 * one `<link rel="modulepreload">` and static imports use, so the module is one instance) and,
 * after a failure, for that URL with `?retry=N`, which the module map has not seen, held to the
 * integrity the page gave the chunk's own URL if it gave one.
 * Goes after the minifier and preload-imports.mjs; rollup puts the final file names in afterwards.
 */
import MagicString from 'magic-string';
import { dynamicImportCalls } from './dynamic-import-calls.mjs';

const helper = '__guichetImport';
// The integrity the page gave the chunk's own URL (a modulepreload link, as dist/snippet.html
// writes, or an import map's "integrity"), so that a retry is held to it too: without it, a host
// that failed the first request could serve anything to the second.
const integrityOf = `${helper}Integrity=(h)=>{for(const l of document.querySelectorAll("link[rel=modulepreload][integrity]"))if(l.href===h)return{integrity:l.integrity,crossOrigin:l.crossOrigin};for(const s of document.querySelectorAll("script[type=importmap]"))try{const m=JSON.parse(s.textContent).integrity??{};for(const k in m)if(new URL(k,document.baseURI).href===h)return{integrity:m[k],crossOrigin:null}}catch{}}`;
// With an integrity, the retry's module comes from a modulepreload link that carries it, and only
// once that link has loaded: an import() started first, or after the link failed its check (a
// browser that does not keep failures would fetch again), would run whatever came unchecked.
const retried = `(h,n)=>{const u=h+"?retry="+n,i=${helper}Integrity(h);return i?new Promise((ok,ko)=>{const l=document.createElement("link");l.rel="modulepreload";l.href=u;l.integrity=i.integrity;if(i.crossOrigin!==null)l.crossOrigin=i.crossOrigin;l.onload=()=>ok(import(u));l.onerror=()=>ko(new TypeError("Failed to fetch dynamically imported module: "+u));document.head.append(l)}):import(u)}`;
const helperCode = `const ${helper}Failed=new Map,${integrityOf},${helper}Retried=${retried},${helper}=(f)=>{const h=new URL(f,import.meta.url).href,n=${helper}Failed.get(h)??0;return(n?${helper}Retried(h,n):import(h)).catch(e=>{${helper}Failed.set(h,n+1);throw e})};`;

export function retryImports() {
  return {
    name: 'retry-imports',
    renderChunk(code, chunk) {
      const s = new MagicString(code);
      let used = false;
      for (const { at } of dynamicImportCalls(code, chunk)) {
        s.overwrite(at, at + 'import'.length, helper);
        used = true;
      }
      if (!used) return null;
      s.prepend(helperCode);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
