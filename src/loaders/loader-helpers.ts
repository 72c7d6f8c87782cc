import DataLoader from 'dataloader';
import { type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { type ReadSource } from '../database/read-source';

/**
 * Loader of rows by primary key. The batch function sends one statement per batch and returns
 * one result per key, in key order; a missing row is null.
 */
export function createByIdLoader<T extends ObjectLiteral & { id: number }>(
  reads: ReadSource,
  entity: EntityTarget<T>,
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await reads.find(entity, { where: { id: In([...ids]) } as never });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Loader of child lists by parent key. `fetch` sends one statement for all keys; the batch
 * function returns one list per key, in key order, empty when a parent has no children.
 * Rows keep the order `fetch` returns them in.
 */
export function createGroupLoader<T>(
  fetch: (keys: readonly number[]) => Promise<T[]>,
  keyOf: (row: T) => number,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const row of await fetch(keys)) {
      groups.get(keyOf(row))?.push(row);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Loader of at most one child per parent key, in key order; null when a parent has none.
 * When `fetch` returns several rows for a key, the last one wins.
 */
export function createSingleLoader<T>(
  fetch: (keys: readonly number[]) => Promise<T[]>,
  keyOf: (row: T) => number,
): DataLoader<number, T | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<number, T>();
    for (const row of await fetch(keys)) {
      byKey.set(keyOf(row), row);
    }
    return keys.map((key) => byKey.get(key) ?? null);
  });
}
