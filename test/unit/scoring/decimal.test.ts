import {
  Dec,
  decimalForParsing,
  formatForExplanation,
  percentOf,
  round2,
  toDec,
} from '../../../src/scoring';

describe('toDec', () => {
  test.each<{ input: string | number | Dec; parsed: string }>([
    { input: '12.50', parsed: '12.5' },
    { input: '-3', parsed: '-3' },
    { input: 0.1, parsed: '0.1' },
    { input: new Dec('7.25'), parsed: '7.25' },
  ])('parses $input', ({ input, parsed }) => {
    expect(toDec(input).toString()).toBe(parsed);
  });

  test.each<string | number>(['Infinity', '-Infinity', 'NaN', Infinity, NaN])(
    'rejects %p with RangeError',
    (input) => {
      const run = () => toDec(input);

      expect(run).toThrow(RangeError);
      expect(run).toThrow(`Expected a finite decimal number, received ${String(input)}`);
    },
  );

  // toDec documents a RangeError for every value that is not a finite number, but decimal.js
  // throws a plain Error ("[DecimalError] Invalid argument: ...") before toDec can check.
  test.each(['abc', '', '1,5'])('rejects %p with RangeError', (input) => {
    expect(() => toDec(input)).toThrow(RangeError);
  });
});

describe('round2', () => {
  test.each<{ input: string; rounded: string }>([
    { input: '0', rounded: '0.00' },
    { input: '91', rounded: '91.00' },
    { input: '90.995', rounded: '91.00' },
    { input: '90.994999', rounded: '90.99' },
    { input: '66.665', rounded: '66.67' },
    { input: '1.005', rounded: '1.01' },
    { input: '120.5', rounded: '120.50' },
  ])('rounds $input half up', ({ input, rounded }) => {
    expect(round2(new Dec(input))).toBe(rounded);
  });
});

describe('formatForExplanation', () => {
  test.each<{ input: string; text: string }>([
    { input: '10', text: '10' },
    { input: '10.00', text: '10' },
    { input: '-3', text: '-3' },
    { input: '12.5', text: '12.5' },
    { input: '1.23456', text: '1.2346' },
    { input: '0.00005', text: '0.0001' },
  ])('formats $input as $text', ({ input, text }) => {
    expect(formatForExplanation(new Dec(input))).toBe(text);
  });
});

describe('percentOf', () => {
  test.each<{ part: string; whole: string; percent: string }>([
    { part: '1', whole: '4', percent: '25' },
    { part: '0.07', whole: '0.7', percent: '10' },
    { part: '150', whole: '100', percent: '150' },
  ])('$part of $whole is $percent', ({ part, whole, percent }) => {
    expect(percentOf(new Dec(part), new Dec(whole)).toString()).toBe(percent);
  });
});

describe('decimalForParsing', () => {
  test.each<{ input: string | number; text: string }>([
    { input: '12.5000', text: '12.5000' },
    { input: '0.00', text: '0.00' },
    { input: '-0.00', text: '0' },
    { input: '-3.50', text: '-3.5' },
    { input: 2.5, text: '2.5' },
    { input: -0, text: '0' },
  ])('turns $input into $text', ({ input, text }) => {
    expect(decimalForParsing(input)).toBe(text);
  });

  test('negative zero parses as non-negative', () => {
    expect(new Dec(decimalForParsing('-0.00')).isNegative()).toBe(false);
  });
});
