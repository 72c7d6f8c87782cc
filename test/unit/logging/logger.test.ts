import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../../../src/logging/logger';

function captureLogger() {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  return { log: createLogger({ level: 'info', pretty: false }, sink), lines };
}

describe('createLogger', () => {
  test('redacts secret fields', () => {
    const { log, lines } = captureLogger();
    log.info({ input: { password: 'hunter22', token: 'abc' }, authorization: 'Bearer x' }, 'x');
    expect(lines[0].input).toEqual({ password: '[redacted]', token: '[redacted]' });
    expect(lines[0].authorization).toBe('[redacted]');
  });

  test('drops statement values from errors', () => {
    const { log, lines } = captureLogger();
    const driverError = Object.assign(new Error("Duplicate entry 'a' for key 'username'"), {
      code: 'ER_DUP_ENTRY',
      sql: "INSERT INTO user VALUES ('a', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==')",
    });
    const error = new QueryFailedError(
      'INSERT INTO user VALUES (?, ?)',
      ['a', 'scrypt$x'],
      driverError,
    );
    log.error({ err: error }, 'failed');

    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('scrypt$');
    expect(lines[0].err.query).toBe('INSERT INTO user VALUES (?, ?)');
    expect(lines[0].err.code).toBe('ER_DUP_ENTRY');
    expect(lines[0].err.message).toContain('Duplicate entry');
  });
});
