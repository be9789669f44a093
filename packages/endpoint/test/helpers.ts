/**
 * Test servers over real HTTP on 127.0.0.1 (a free port chosen by the OS), each on its own SQLite
 * file in a temp folder, with the fixture forms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type GuichetServer, type ServerOptions } from '@guichet/endpoint';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const fixtureForms = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'forms');
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ALLOWED_ORIGIN = 'http://allowed.example';
const GENEROUS = { max: 100_000, windowMs: 3_600_000 };

export interface TestServer {
  url: string;
  server: GuichetServer;
  dir: string;
  dbPath: string;
  /** Stops the server; the temp folder stays until `cleanup`. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function startTestServer(options: Partial<ServerOptions> & { dir?: string } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'guichet-endpoint-test-'));
  const dbPath = join(dir, 'guichet.sqlite');
  const server = await createServer({
    dbPath,
    formsDir: fixtureForms,
    adminToken: ADMIN_TOKEN,
    allowedOrigins: [ALLOWED_ORIGIN],
    logLevel: 'silent',
    protocolDir: join(root, 'schemas', 'protocol'),
    ...options,
    // Every test submits and uploads from 127.0.0.1: the tests of the limits set their own.
    limits: { submissions: GENEROUS, uploads: GENEROUS, ...options.limits },
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
  };
  return {
    url,
    server,
    dir,
    dbPath,
    stop,
    async cleanup() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers freely
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** fetch, then the body read as JSON when it is JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers freely
export async function call<T = any>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text };
}

export function submit(
  base: string,
  formId: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return call(`${base}/api/forms/${formId}/submissions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const validSubmission = (data: Record<string, unknown> = {}, lang: 'fr' | 'en' = 'fr') => ({
  formVersion: '1.2.0',
  channel: 'web',
  lang,
  data: { name: 'Camille Martin', email: 'camille@example.fr', ...data },
});

export const admin = (extra: Record<string, string> = {}) => ({ Authorization: `Bearer ${ADMIN_TOKEN}`, ...extra });

/** A port for servers started in a child process (see the shared helper for why not port 0). */
export { freePort } from '../../../scripts/lib/free-port.mjs';

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Uploads one file for demande-test's `photo` field (or the field `query` names). */
export function upload(
  base: string,
  file: Buffer = PNG,
  name = 'trou.png',
  type = 'image/png',
  query = '?field=photo',
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type }), name);
  return call(`${base}/api/forms/demande-test/attachments${query}`, { method: 'POST', body: form, headers });
}
