/**
 * A TCP relay (to PostgreSQL, in the tests of a database out of reach) that can refuse
 * connections as a stopped server does, drop those open as a restart does, or swallow them as a
 * cut network does: connected, never answered.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private mode: 'relay' | 'swallow' = 'relay';
  port = 0;
  /** Connections accepted while swallowing. */
  swallowed = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      this.sockets.add(client);
      client.on('close', () => this.sockets.delete(client));
      client.on('error', () => client.destroy());
      if (this.mode === 'swallow') {
        this.swallowed++;
        return;
      }
      const upstream = connect(this.target);
      this.sockets.add(upstream);
      upstream.on('close', () => {
        this.sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream).pipe(client);
    });
    // Reopened on the port it had: a port taken meanwhile fails the test rather than hanging it.
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (this.server!.address() as { port: number }).port;
  }

  /** Connections refused, those open dropped. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }

  /** Connections accepted and never answered. */
  async swallow(): Promise<void> {
    await this.stop();
    this.mode = 'swallow';
    await this.open();
  }

  async relay(): Promise<void> {
    await this.stop();
    this.mode = 'relay';
    await this.open();
  }
}
