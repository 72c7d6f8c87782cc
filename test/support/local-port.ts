import { createServer } from 'node:net';

/** Ports that tests may listen on or connect to on 127.0.0.1. */
const TEST_PORTS = { first: 4800, last: 4899 } as const;

/**
 * Returns a port of 127.0.0.1 in TEST_PORTS that nothing listens on, found by listening on it
 * and closing again, so that a connection to it is refused. Another process may take the port
 * in between, so use it at once.
 */
export async function freeLocalPort(): Promise<number> {
  for (let port = TEST_PORTS.first; port <= TEST_PORTS.last; port++) {
    if (await canListen(port)) {
      return port;
    }
  }
  throw new Error(`no free port on 127.0.0.1 from ${TEST_PORTS.first} to ${TEST_PORTS.last}`);
}

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
