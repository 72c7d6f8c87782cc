import type { IncomingMessage } from 'node:http';

/**
 * Returns the client's network address. With `trustProxy` the last X-Forwarded-For entry is
 * used: the one the single trusted proxy in front of the server appended; entries before it
 * come from the client and could be forged. Without a proxy header, or without `trustProxy`,
 * it is the TCP peer address.
 */
export function clientAddressOf(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) {
    return peer;
  }
  const header = request.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return entries.at(-1) ?? peer;
}
