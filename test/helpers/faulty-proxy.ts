/**
 * A proxy on 127.0.0.1 that spoils 3 requests in 10 (preflights included) the ways real networks
 * and overloaded servers do, in a fixed rotation so every run injects the same faults:
 * the connection dropped before an answer, a reset after the endpoint stored the request (the
 * answer is lost), a 500, a 429 with Retry-After, and a 2 s delay before an honest forward.
 */
import { createServer, request as forwardRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'drop' | 'reset-after-store' | '500' | '429' | 'delay';
const rotation: Array<Fault | null> = [
  'drop',
  null,
  null,
  '500',
  null,
  'reset-after-store',
  null,
  '429',
  null,
  'delay',
];
/** Over 20 requests: 6 spoiled (30 %), each kind at least once. */
const spoiled: Array<Fault | null> = [
  ...rotation,
  'delay',
  null,
  'drop',
  null,
  null,
  '429',
  null,
  null,
  null,
  'reset-after-store',
];

export interface FaultyProxy {
  url: string;
  faults: Record<Fault, number>;
  requests: () => number;
  close(): Promise<void>;
}

export function faultyProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  const faults: Record<Fault, number> = { drop: 0, 'reset-after-store': 0, '500': 0, '429': 0, delay: 0 };
  let turn = 0;
  const server: Server = createServer((req, res) => {
    const forward = (onAnswer: (answer: IncomingMessage) => void) => {
      const outgoing = forwardRequest(
        { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers },
        onAnswer,
      );
      outgoing.on('error', () => req.socket.destroy());
      req.pipe(outgoing);
    };
    const pass = () =>
      forward((answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
    const fault = spoiled[turn++ % spoiled.length] ?? null;
    if (fault) faults[fault]++;
    switch (fault) {
      case 'drop':
        // Read the request, then hang up without a word.
        req.resume();
        return void req.on('end', () => req.socket.destroy());
      case 'reset-after-store':
        return forward((answer) => {
          answer.resume();
          req.socket.destroy();
        });
      case '500':
        req.resume();
        res.writeHead(500, { 'Content-Type': 'text/html', 'Access-Control-Allow-Origin': req.headers.origin ?? '*' });
        return void res.end('<h1>Internal Server Error</h1>');
      case '429':
        req.resume();
        res.writeHead(429, { 'Retry-After': '1', 'Access-Control-Allow-Origin': req.headers.origin ?? '*' });
        return void res.end();
      case 'delay':
        return void setTimeout(pass, 2000);
      default:
        return pass();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        faults,
        requests: () => turn,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
