/**
 * Limits on decimal numbers the server stores. Columns are DECIMAL(20, 4) on MySQL, and SQLite
 * keeps them as 8-byte floating point, which holds 15 significant digits exactly. A value within
 * these limits is stored and read back unchanged on both; anything longer would be rounded
 * silently, so it is rejected instead.
 */
export const DECIMAL_LIMITS = {
  /** Digits from the first non-zero digit to the last digit that matters. */
  significantDigits: 15,
  /** Digits after the point, trailing zeros not counted. */
  fractionDigits: 4,
} as const;

const PLAIN_DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

/**
 * Checks a decimal written in plain notation ("-12.5"). Returns null when it is within
 * DECIMAL_LIMITS, otherwise the rule it breaks, worded to follow the value in a message.
 */
export function decimalLimitProblem(text: string): string | null {
  const match = PLAIN_DECIMAL.exec(text);
  if (!match) {
    return 'is not a plain decimal number such as "12.5" (no exponent, no comma)';
  }
  const integer = match[1].replace(/^0+/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > DECIMAL_LIMITS.fractionDigits) {
    return `has ${fraction.length} digits after the point; at most ${DECIMAL_LIMITS.fractionDigits} are stored`;
  }
  const digits = integer === '' ? fraction.replace(/^0+/, '') : integer + fraction;
  if (digits.length > DECIMAL_LIMITS.significantDigits) {
    return (
      `has ${digits.length} significant digits; at most ${DECIMAL_LIMITS.significantDigits} ` +
      'are stored exactly'
    );
  }
  return null;
}
