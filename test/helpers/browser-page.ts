/**
 * For reliability tests that drive the real elements in Chromium from Node: the elements bundled
 * from their sources (esbuild), served with an empty page on 127.0.0.1, and a headless Chromium.
 */
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function bundleElements(): Promise<string> {
  const result = await build({
    entryPoints: [`${root}packages/elements/src/index.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    tsconfig: `${root}tsconfig.json`,
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `/` (a page that loads the elements) and `/guichet.js`. */
export function servePage(script: string): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/guichet.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return void res.end(script);
    }
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      return void res.end(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Guichet</title><script type="module" src="/guichet.js"></script></head><body><main></main></body></html>',
      );
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/**
 * What a citizen does with a prefilled form on the page: the real <guichet-form> mounted in
 * `<main>`, Continue through every step to the summary, then Send. Resolves once Send is pressed;
 * `receipt` then waits for the reference of `guichet-submitted`.
 */
export async function sendPrefilled(
  tab: Page,
  form: { definition: unknown; endpoint: string; data: Record<string, unknown> },
): Promise<{ receipt(): Promise<string> }> {
  await tab.evaluate(async ({ definition, endpoint, data }) => {
    const element = document.createElement('guichet-form') as HTMLElement & {
      definition: unknown;
      data: unknown;
      updateComplete: Promise<boolean>;
    };
    element.setAttribute('draft', 'none');
    element.setAttribute('endpoint', endpoint);
    element.definition = definition;
    element.data = data;
    (window as unknown as { receipt: Promise<string> }).receipt = new Promise<string>((resolve) =>
      element.addEventListener('guichet-submitted', (event) =>
        resolve((event as CustomEvent<{ reference: string }>).detail.reference),
      ),
    );
    document.querySelector('main')!.replaceChildren(element);
    await element.updateComplete;
    const root = element.shadowRoot!;
    for (let step = 0; step < 10 && !root.querySelector('.summary'); step++) {
      root.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await element.updateComplete;
    }
    if (!root.querySelector('.summary')) throw new Error('the summary was never reached');
    root.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  }, form);
  return { receipt: () => tab.evaluate(() => (window as unknown as { receipt: Promise<string> }).receipt) };
}
