import type { IncomingMessage } from 'node:http';
import { clientAddressOf } from '../../../src/server/client-address';

function requestFrom(peer: string, forwardedFor?: string | string[]): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return { socket: { remoteAddress: peer }, headers } as unknown as IncomingMessage;
}

describe('clientAddressOf', () => {
  test('peer address without proxy trust', () => {
    const request = requestFrom('10.0.0.7', '203.0.113.9');
    expect(clientAddressOf(request, false)).toBe('10.0.0.7');
  });

  test('last forwarded entry behind proxy', () => {
    const request = requestFrom('10.0.0.7', '198.51.100.1, 203.0.113.9');
    expect(clientAddressOf(request, true)).toBe('203.0.113.9');
  });

  test('repeated headers read as one list', () => {
    const request = requestFrom('10.0.0.7', ['198.51.100.1', '203.0.113.9 ']);
    expect(clientAddressOf(request, true)).toBe('203.0.113.9');
  });

  test('missing header falls back to peer', () => {
    expect(clientAddressOf(requestFrom('10.0.0.7'), true)).toBe('10.0.0.7');
    expect(clientAddressOf(requestFrom('10.0.0.7', ' , '), true)).toBe('10.0.0.7');
  });
});
