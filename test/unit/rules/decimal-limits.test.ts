import { decimalLimitProblem } from '../../../src/rules/decimal-limits';

describe('decimal limits', () => {
  test.each(['0', '-0.0001', '123456789012345', '12345678901.2345', '100.50000000', '000123.4'])(
    '%s is stored exactly',
    (text) => {
      expect(decimalLimitProblem(text)).toBeNull();
    },
  );

  test.each([
    ['1234567890123456', 'has 16 significant digits'],
    ['1000000000000000000', 'has 19 significant digits'],
    ['0.00001', 'has 5 digits after the point'],
    ['1.23456', 'has 5 digits after the point'],
    ['1e5', 'is not a plain decimal number'],
    ['1,5', 'is not a plain decimal number'],
    ['', 'is not a plain decimal number'],
  ])('%s is rejected', (text, problem) => {
    expect(decimalLimitProblem(text)).toContain(problem);
  });
});
