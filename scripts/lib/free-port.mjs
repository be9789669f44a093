import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports are picked below the kernel's ephemeral range: a server often binds its port seconds after
 * it was picked (an endpoint compiled through tsx, the test runner after its endpoints), and in
 * between the suite's own outgoing connections take ephemeral ports as their source. A port from
 * that range (what listening on port 0 gives) was seen taken in that window.
 */
function pickRange() {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low > 11_024) return { from: low - 10_000, to: low };
  } catch {
    // Not Linux: the kernel's own pick below.
  }
  return undefined;
}

const range = pickRange();
/** Never the same port twice from one process, even before the first is bound. */
const handedOut = new Set();

function listenOn(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort() {
  for (let attempt = 0; range && attempt < 100; attempt++) {
    const port = range.from + Math.floor(Math.random() * (range.to - range.from));
    if (handedOut.has(port)) continue;
    if ((await listenOn(port)) === port) {
      handedOut.add(port);
      return port;
    }
  }
  const port = await listenOn(0);
  if (port === undefined) throw new Error('no free port on 127.0.0.1');
  handedOut.add(port);
  return port;
}
