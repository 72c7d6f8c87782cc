import { Initial1796399722069 } from './1796399722069-Initial';
import { WidenRawAttainment1796419739030 } from './1796419739030-WidenRawAttainment';

/** Migrations for the sqlite driver, oldest first. */
export const SQLITE_MIGRATIONS = [Initial1796399722069, WidenRawAttainment1796419739030];
