import { type ColumnOptions, type ValueTransformer } from 'typeorm';
import { canonicalDecimal, Dec } from '../scoring/decimal';

/**
 * Maps DECIMAL columns to canonical decimal strings. mysql2 returns DECIMAL as a string with
 * trailing zeros ("12.5000") and better-sqlite3 as a JS number (12.5); both become "12.5".
 */
const decimalTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => (value == null ? value : new Dec(value).toString()),
  from: (value: string | number | null) => (value == null ? null : canonicalDecimal(value)),
};

/** DECIMAL(20, 4): indicator values, targets, weights and attainments as decimal strings. */
export function decimalColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  return {
    type: 'decimal',
    precision: 20,
    scale: 4,
    transformer: decimalTransformer,
    ...options,
  };
}

/**
 * Maps a DECIMAL column to a fixed-point string with exactly `scale` decimals, for values shown
 * as stored, such as a score: "91.50" on both drivers, never "91.5".
 */
export function fixedDecimalColumn(precision: number, scale: number): ColumnOptions {
  return {
    type: 'decimal',
    precision,
    scale,
    transformer: {
      to: (value: string | null | undefined) =>
        value == null ? value : new Dec(value).toFixed(scale),
      from: (value: string | number | null) =>
        value == null ? null : new Dec(value).toFixed(scale),
    },
  };
}

/** Millisecond timestamp stored in UTC; the data source sets the time zone to Z. */
export function timestampColumn(options: Partial<ColumnOptions> = {}): ColumnOptions {
  return { type: 'datetime', precision: 3, ...options };
}
