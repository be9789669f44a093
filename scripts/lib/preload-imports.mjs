/**
 * A chunk loaded with `import()` fetches the chunks it imports as soon as it is asked for, not once
 * it has arrived and been parsed: rollup writes `import("./guichet-checks-….js")`, and the
 * browser discovers that chunk's own imports (the messages, the full reader) only after
 * downloading it, one more round trip on a slow network before a form with conditions shows its
 * first step. Each dynamic import of the bundle is prefixed with `<link rel="modulepreload">`s for
 * its chunk's static imports (all levels, but not guichet.js, which is running), as Vite does.
 * Goes after the minifier; rollup puts the final file names in afterwards.
 */
import MagicString from 'magic-string';
import { dynamicImportCalls } from './dynamic-import-calls.mjs';

const helper = '__guichetPreload';
// Once per file: the same import() runs at every form's mount (a page's forms, a form drawn
// again), and a link the snippet already wrote needs no twin.
const helperCode = `const ${helper}Done=new Set,${helper}=(n)=>{for(const f of n){const h=new URL(f,import.meta.url).href;if(${helper}Done.has(h))continue;${helper}Done.add(h);if([...document.querySelectorAll("link[rel=modulepreload]")].some(l=>l.href===h))continue;const l=document.createElement("link");l.rel="modulepreload";l.href=h;document.head.append(l)}};`;

export function preloadImports({ entry }) {
  return {
    name: 'preload-imports',
    renderChunk(code, chunk, _options, { chunks }) {
      const importsOf = (fileName, seen = new Set()) => {
        for (const name of chunks[fileName]?.imports ?? []) {
          if (name === entry || seen.has(name)) continue;
          seen.add(name);
          importsOf(name, seen);
        }
        return seen;
      };
      const s = new MagicString(code);
      let used = false;
      for (const { target, at, end } of dynamicImportCalls(code, chunk)) {
        const deps = [...importsOf(target)].filter((name) => name !== chunk.fileName);
        if (deps.length === 0) continue;
        s.prependRight(at, `(${helper}(${JSON.stringify(deps.map((name) => `./${name}`))}),`);
        s.appendLeft(end, ')');
        used = true;
      }
      if (!used) return null;
      s.prepend(helperCode);
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
