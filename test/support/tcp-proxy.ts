import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy on 127.0.0.1 that a test can cut, freeze and restore. */
export interface TcpProxy {
  port: number;
  /**
   * Breaks every open connection and stops forwarding: new connections are accepted but get
   * no reply, as when the database host goes away.
   */
  cut(): void;
  /**
   * Stops moving bytes on open connections without closing them, and keeps new connections
   * waiting without a reply, as when a network path goes dark while both ends think it is up.
   */
  freeze(): void;
  /** Forwards again: frozen connections resume, held ones are dropped, new ones connect. */
  restore(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

/** Starts a proxy from a free local port to `targetHost:targetPort`. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  const held = new Set<Socket>();
  let forwarding = true;

  const server: Server = createServer((client) => {
    client.on('error', () => client.destroy());
    if (!forwarding) {
      held.add(client);
      client.on('close', () => held.delete(client));
      return;
    }
    const pair = connectPair(client, targetHost, targetPort);
    pairs.add(pair);
    client.on('close', () => pairs.delete(pair));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      forwarding = false;
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
    },
    freeze() {
      forwarding = false;
      for (const pair of pairs) {
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.client.pause();
        pair.upstream.pause();
      }
    },
    restore() {
      forwarding = true;
      for (const socket of held) {
        socket.destroy();
      }
      for (const pair of pairs) {
        pair.client.pipe(pair.upstream);
        pair.upstream.pipe(pair.client);
      }
    },
    async close() {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      for (const socket of held) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Connects a client to the target; closing either side closes the other. */
function connectPair(client: Socket, host: string, port: number): Pair {
  const upstream = createConnection({ host, port });
  upstream.on('error', () => client.destroy());
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
  client.pipe(upstream);
  upstream.pipe(client);
  return { client, upstream };
}
