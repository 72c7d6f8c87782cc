import type { AddressInfo } from 'node:net';

/** Listening socket of the server, as the start-up log reports it. */
export interface ListenDescription {
  /** Address the socket is bound to, as the operating system reports it, such as "::". */
  address: string;
  port: number;
  /** "every interface" for a wildcard address, otherwise the address itself. */
  interfaces: string;
  /** GraphQL endpoint that a client on this machine can open. */
  url: string;
}

/** Checks whether the address accepts connections on every network interface. */
export function isWildcardAddress(address: string): boolean {
  return address === '::' || address === '0.0.0.0';
}

/** Host part of a URL to a bound address: a wildcard address is reached through `wildcardHost`. */
export function urlHost(address: string, wildcardHost = '127.0.0.1'): string {
  if (isWildcardAddress(address)) {
    return wildcardHost;
  }
  return address.includes(':') ? `[${address}]` : address;
}

/**
 * Describes the listening socket for the start-up log. A server bound to every interface is
 * shown with a localhost URL, which works whether localhost resolves to IPv4 or IPv6, and with a
 * hint to restrict it.
 */
export function describeListenAddress({ address, port }: AddressInfo): ListenDescription {
  const wildcard = isWildcardAddress(address);
  return {
    address,
    port,
    interfaces: wildcard
      ? 'every interface (set HOST=127.0.0.1 to accept local clients only)'
      : address,
    url: `http://${urlHost(address, 'localhost')}:${port}/graphql`,
  };
}
