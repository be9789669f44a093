/**
 * The endpoint's log as a person reads it in a terminal: one short line per event
 * ("14:02:11 warn  form skipped: … file=x.json"), and no line per successful request, so what
 * `npm start` printed (the URL, the admin token) stays on screen. Production keeps pino's JSON
 * lines, one per request, for a log collector.
 */

const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
/** pino's own fields, shown another way or not at all. */
const framing = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId']);

export interface TerminalLogOptions {
  /** Also show successful requests (a debugging session: GUICHET_LOG_LEVEL=debug). */
  requests?: boolean;
}

/** A pino destination that writes readable lines to `out`. */
export function terminalLog(
  out: { write(text: string): unknown },
  options: TerminalLogOptions = {},
): { write(line: string): void } {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const quietRequest = entry.msg === 'request' && typeof entry.status === 'number' && entry.status < 400;
      if (quietRequest && !options.requests) return;
      out.write(`${formatEntry(entry)}\n`);
    },
  };
}

export function formatEntry(entry: Record<string, unknown>): string {
  const time = typeof entry.time === 'number' ? new Date(entry.time).toTimeString().slice(0, 8) : '';
  const level = (levelNames[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const details = Object.entries(entry)
    .filter(([key]) => !framing.has(key))
    .map(([key, value]) => `${key}=${show(key, value)}`);
  return [time, level, String(entry.msg ?? ''), ...details].filter(Boolean).join(' ');
}

function show(key: string, value: unknown): string {
  if (key === 'err' && value && typeof value === 'object' && 'message' in value) return quote(String(value.message));
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  if (typeof value === 'string') return quote(value);
  return JSON.stringify(value);
}

function quote(text: string): string {
  return /[\s"]/.test(text) ? JSON.stringify(text) : text;
}
