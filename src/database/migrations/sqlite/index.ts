import { Initial1796399722069 } from './1796399722069-Initial';
import { WithdrawAmendment1796417989960 } from './1796417989960-WithdrawAmendment';

/** Migrations for the sqlite driver, oldest first. */
export const SQLITE_MIGRATIONS = [Initial1796399722069, WithdrawAmendment1796417989960];
