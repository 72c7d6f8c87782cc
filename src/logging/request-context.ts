import { AsyncLocalStorage } from 'node:async_hooks';

/** Facts about the request being served, readable anywhere below its handler. */
export interface RequestContextStore {
  requestId: string;
  /** SQL statements sent so far for this request, on every pool. */
  queryCount: number;
  /** The part of `queryCount` sent to read replicas; 0 without replicas. */
  replicaQueryCount: number;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/** Runs `fn` with a fresh request context. */
export function runWithRequestContext<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId, queryCount: 0, replicaQueryCount: 0 }, fn);
}

/** Returns the current request's context, or undefined outside a request. */
export function currentRequestContext(): RequestContextStore | undefined {
  return storage.getStore();
}
