import { DecimalScalar } from '../../../src/schema/scalars/decimal.scalar';

describe('Decimal scalar values', () => {
  test.each([
    ['7.50', '7.5'],
    ['-0', '0'],
    [12, '12'],
    [12.5, '12.5'],
  ])('reads %p as %p', (given, expected) => {
    expect(DecimalScalar.parseValue(given)).toBe(expected);
  });

  test.each([
    [[100], 'Decimal [100] is not a decimal number'],
    [{ a: 1 }, 'Decimal {"a":1} is not a decimal number'],
    [true, 'Decimal true is not a decimal number'],
    [null, 'Decimal null is not a decimal number'],
  ])('rejects %p naming it', (given, message) => {
    expect(() => DecimalScalar.parseValue(given)).toThrow(message);
  });

  test('shortens a long value in the message', () => {
    const long = Array.from({ length: 30 }, (_, index) => index);
    expect(() => DecimalScalar.parseValue(long)).toThrow(
      `Decimal ${JSON.stringify(long).slice(0, 40)}... is not a decimal number`,
    );
  });
});
