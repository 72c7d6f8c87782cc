import type { AddressInfo } from 'node:net';
import { describeListenAddress, urlHost } from '../../../src/server/listen-address';

function bound(address: string, family: string, port = 4000): AddressInfo {
  return { address, family, port };
}

describe('describeListenAddress', () => {
  test('IPv6 wildcard is every interface', () => {
    expect(describeListenAddress(bound('::', 'IPv6'))).toEqual({
      address: '::',
      port: 4000,
      interfaces: 'every interface (set HOST=127.0.0.1 to accept local clients only)',
      url: 'http://localhost:4000/graphql',
    });
  });

  test('IPv4 wildcard is every interface', () => {
    const description = describeListenAddress(bound('0.0.0.0', 'IPv4', 4510));
    expect(description.address).toBe('0.0.0.0');
    expect(description.interfaces).toContain('every interface');
    expect(description.url).toBe('http://localhost:4510/graphql');
  });

  test('loopback address stated as is', () => {
    expect(describeListenAddress(bound('127.0.0.1', 'IPv4'))).toEqual({
      address: '127.0.0.1',
      port: 4000,
      interfaces: '127.0.0.1',
      url: 'http://127.0.0.1:4000/graphql',
    });
  });

  test('IPv6 address bracketed in URL', () => {
    const description = describeListenAddress(bound('::1', 'IPv6'));
    expect(description.interfaces).toBe('::1');
    expect(description.url).toBe('http://[::1]:4000/graphql');
  });
});

describe('urlHost', () => {
  test('wildcard reached through loopback', () => {
    expect(urlHost('::')).toBe('127.0.0.1');
    expect(urlHost('0.0.0.0')).toBe('127.0.0.1');
  });

  test('specific address kept', () => {
    expect(urlHost('10.1.2.3')).toBe('10.1.2.3');
    expect(urlHost('fe80::1')).toBe('[fe80::1]');
  });
});
