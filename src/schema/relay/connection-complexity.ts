import type { ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection-args';

/**
 * Estimated cost of a connection field: 1 plus its selection's cost once per item of the page.
 * The page size is `first` or `last`, or the default page size when neither is given. A size
 * outside 1-MAX_PAGE_SIZE counts as MAX_PAGE_SIZE here, because argument validation rejects it
 * with a message naming the argument before any resolver runs.
 */
export function connectionComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  return 1 + pageSizeOf(args) * childComplexity;
}

function pageSizeOf(args: Record<string, unknown>): number {
  const sizes = [args.first, args.last].filter((size) => typeof size === 'number');
  if (sizes.length === 0) {
    return DEFAULT_PAGE_SIZE;
  }
  const largest = Math.max(...sizes);
  return largest >= 1 && largest <= MAX_PAGE_SIZE ? largest : MAX_PAGE_SIZE;
}
