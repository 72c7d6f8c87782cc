import { Initial1796399722069 } from './1796399722069-Initial';

/** Migrations for the sqlite driver, oldest first. */
export const SQLITE_MIGRATIONS = [Initial1796399722069];
