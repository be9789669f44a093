export interface Open311TestServer {
  url: string;
  requests: Map<string, Record<string, unknown>>;
  received: URLSearchParams[];
  update(id: string, changes: Record<string, unknown>): Record<string, unknown>;
  stop(): Promise<void>;
}
export function startOpen311Server(options?: {
  services?: object[];
  apiKey?: string;
  tokens?: boolean;
}): Promise<Open311TestServer>;
