import { Initial1796399722069 } from './1796399722069-Initial';
import { WithdrawAmendment1796417989960 } from './1796417989960-WithdrawAmendment';
import { WidenRawAttainment1796419739030 } from './1796419739030-WidenRawAttainment';
import { UserPasswordChangedAt1796421709547 } from './1796421709547-UserPasswordChangedAt';

/** Migrations for the sqlite driver, oldest first. */
export const SQLITE_MIGRATIONS = [
  Initial1796399722069,
  WithdrawAmendment1796417989960,
  WidenRawAttainment1796419739030,
  UserPasswordChangedAt1796421709547,
];
