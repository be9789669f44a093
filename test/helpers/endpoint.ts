/** The reference endpoint in a child process (scripts/lib/endpoint-process.mjs), typed. */
export interface RunningEndpoint {
  url: string;
  port: number;
  adminToken: string;
  dbPath: string;
  pid: number;
  output(): string;
  /** Sends a signal (SIGKILL: a crash) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

// A computed specifier: the helper is plain JavaScript without declarations.
const helper = '../../scripts/lib/endpoint-process.mjs';
const { startEndpoint: start } = (await import(helper)) as {
  startEndpoint: (options?: {
    formsDir?: string;
    allowedOrigins?: string[];
    adminToken?: string;
    env?: Record<string, string>;
  }) => Promise<RunningEndpoint>;
};

export const startEndpoint = start;

/** Every stored request of a form (agent API, all pages). */
export async function storedRequests(
  endpoint: RunningEndpoint,
  formId: string,
): Promise<Array<{ reference: string; data: Record<string, unknown> }>> {
  const all: Array<{ reference: string; data: Record<string, unknown> }> = [];
  for (let offset = 0; ; offset += 500) {
    const response = await fetch(`${endpoint.url}/api/admin/requests?formId=${formId}&limit=500&offset=${offset}`, {
      headers: { Authorization: `Bearer ${endpoint.adminToken}` },
    });
    if (!response.ok) throw new Error(`admin list: HTTP ${response.status}`);
    const page = (await response.json()) as Array<{ reference: string; data: Record<string, unknown> }>;
    all.push(...page);
    if (page.length < 500) return all;
  }
}
