import { Initial1796399722343 } from './1796399722343-Initial';
import { WithdrawAmendment1796417990823 } from './1796417990823-WithdrawAmendment';
import { WidenRawAttainment1796419739484 } from './1796419739484-WidenRawAttainment';
import { UserPasswordChangedAt1796421710411 } from './1796421710411-UserPasswordChangedAt';

/** Migrations for the mysql driver, oldest first. */
export const MYSQL_MIGRATIONS = [
  Initial1796399722343,
  WithdrawAmendment1796417990823,
  WidenRawAttainment1796419739484,
  UserPasswordChangedAt1796421710411,
];
