import Decimal from 'decimal.js';

/**
 * Decimal constructor used by every score. Precision 40 keeps ratios such as 200 / 3 exact far
 * beyond the two decimals shown, and ROUND_HALF_UP is the rounding the rules prescribe. The
 * exponent limits keep toString() in plain notation for every value a DECIMAL column can hold.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

const HUNDRED = new Dec(100);

/**
 * Parses a decimal string; throws a RangeError naming the value when it is not a finite number.
 * A finite Dec is returned as it is, because Dec values are immutable.
 */
export function toDec(value: string | number | Dec): Dec {
  if (value instanceof Dec && value.isFinite()) {
    return value;
  }
  let parsed: Dec;
  try {
    parsed = new Dec(value);
  } catch {
    throw new RangeError(`Expected a decimal number, received ${String(value)}`);
  }
  if (!parsed.isFinite()) {
    throw new RangeError(`Expected a finite decimal number, received ${String(value)}`);
  }
  return parsed;
}

/** A plain decimal without exponent or superfluous leading zeros, as MySQL sends DECIMAL values. */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Returns the shortest plain text of a decimal number, the same as `new Dec(value).toString()`:
 * "12.5000" becomes "12.5" and "-0.00" becomes "0". Plain decimal strings are trimmed as text,
 * which avoids building a Dec for every DECIMAL value a query reads. Throws a RangeError for a
 * value that is not a finite number.
 */
export function canonicalDecimal(value: string | number): string {
  if (typeof value !== 'string' || !PLAIN_DECIMAL.test(value)) {
    return toDec(value).toString();
  }
  let text = value;
  if (text.includes('.')) {
    text = text.replace(/\.?0+$/, '');
  }
  return text === '-0' ? '0' : text;
}

/**
 * Returns DECIMAL text that parses to the same Dec as its canonicalDecimal form, skipping the
 * trimming where parsing gives the same value anyway. Strings that do not start with "-" are
 * returned unchanged. Numbers and negative strings go through canonicalDecimal, so that "-0.00"
 * becomes "0" and never a negative zero, which isNegative() would report as negative.
 */
export function decimalForParsing(value: string | number): string {
  if (typeof value === 'string' && !value.startsWith('-')) {
    return value;
  }
  return canonicalDecimal(value);
}

/** Rounds half up to two decimals and returns the fixed-point string, for example "90.50". */
export function round2(value: Dec): string {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2);
}

/** Formats a number for an explanation: integers as they are, others with up to four decimals. */
export function formatForExplanation(value: Dec): string {
  if (value.isInteger()) {
    return value.toFixed(0);
  }
  return value.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toString();
}

/** Returns `part / whole x 100`. The caller guarantees `whole` is not zero. */
export function percentOf(part: Dec, whole: Dec): Dec {
  return part.div(whole).mul(HUNDRED);
}
