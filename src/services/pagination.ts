import { type SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from '../errors/app-errors';

/** Relay pagination request; at most one of `first` and `last`. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of a list ordered by id, shaped as a Relay connection. */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const DEFAULT_PAGE_SIZE = 20;
const CURSOR_PREFIX = 'cursor:';

/** Encodes a cursor for an item id; opaque to clients. */
export function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string, field: string): number {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  const digits = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  const id = /^[1-9]\d{0,15}$/.test(digits) ? Number(digits) : NaN;
  if (!Number.isSafeInteger(id) || encodeCursor(id) !== cursor) {
    throw new InvalidInputError(
      `${field} "${cursor.slice(0, 60)}" is not a valid cursor: pass a cursor or endCursor ` +
        'returned by a connection',
      field,
    );
  }
  return id;
}

interface Window {
  afterId: number | null;
  beforeId: number | null;
  size: number;
  fromEnd: boolean;
}

function readWindow(request: PageRequest): Window {
  if (request.first != null && request.last != null) {
    throw new InvalidInputError(
      `first = ${request.first} and last = ${request.last}: give either first or last, not both`,
      'first',
    );
  }
  return {
    afterId: request.after != null ? decodeCursor(request.after, 'after') : null,
    beforeId: request.before != null ? decodeCursor(request.before, 'before') : null,
    size: request.last ?? request.first ?? DEFAULT_PAGE_SIZE,
    fromEnd: request.last != null,
  };
}

/**
 * Builds the connection. `hasMore` tells whether items follow the page in the paging direction;
 * `beyondCursor` whether items lie on the far side of the `after` or `before` cursor.
 */
function buildConnection<T extends { id: number }>(
  page: T[],
  hasMore: boolean,
  beyondCursor: boolean,
  window: Window,
  totalCount: number,
): ConnectionResult<T> {
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.fromEnd ? beyondCursor : hasMore,
      hasPreviousPage: window.fromEnd ? hasMore : beyondCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * Pages an in-memory list. The list must be sorted by ascending id, which is the order of every
 * connection in this API. `totalCount` is the length of the whole list.
 */
export function paginateArray<T extends { id: number }>(
  items: readonly T[],
  request: PageRequest,
): ConnectionResult<T> {
  const window = readWindow(request);
  const inRange = items.filter(
    (item) =>
      (window.afterId === null || item.id > window.afterId) &&
      (window.beforeId === null || item.id < window.beforeId),
  );
  const page = window.fromEnd ? inRange.slice(-window.size) : inRange.slice(0, window.size);
  const beyondCursor = window.fromEnd
    ? window.beforeId !== null && items.some((item) => item.id >= (window.beforeId as number))
    : window.afterId !== null && items.some((item) => item.id <= (window.afterId as number));
  return buildConnection(page, inRange.length > window.size, beyondCursor, window, items.length);
}

/**
 * Pages a query by ascending `alias.id` with keyset conditions, fetching one extra row to know
 * whether more follow. Sends the page and the total count of the unpaged query, plus one
 * existence check when a cursor is given, so pageInfo is exact in both directions.
 */
export async function paginateQuery<T extends { id: number }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  request: PageRequest,
): Promise<ConnectionResult<T>> {
  const window = readWindow(request);
  const totalCount = await query.clone().getCount();

  const pageQuery = query.clone();
  if (window.afterId !== null) {
    pageQuery.andWhere(`${alias}.id > :afterId`, { afterId: window.afterId });
  }
  if (window.beforeId !== null) {
    pageQuery.andWhere(`${alias}.id < :beforeId`, { beforeId: window.beforeId });
  }
  pageQuery.orderBy(`${alias}.id`, window.fromEnd ? 'DESC' : 'ASC').take(window.size + 1);

  const rows = await pageQuery.getMany();
  const hasMore = rows.length > window.size;
  const page = rows.slice(0, window.size);
  if (window.fromEnd) {
    page.reverse();
  }
  const beyondCursor = await existsBeyondCursor(query, alias, window);
  return buildConnection(page, hasMore, beyondCursor, window, totalCount);
}

async function existsBeyondCursor<T extends { id: number }>(
  query: SelectQueryBuilder<T>,
  alias: string,
  window: Window,
): Promise<boolean> {
  const cursorId = window.fromEnd ? window.beforeId : window.afterId;
  if (cursorId === null) {
    return false;
  }
  const condition = window.fromEnd ? `${alias}.id >= :cursorId` : `${alias}.id <= :cursorId`;
  return query.clone().andWhere(condition, { cursorId }).getExists();
}
