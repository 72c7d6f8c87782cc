import { Initial1796399722343 } from './1796399722343-Initial';
import { WidenRawAttainment1796419739484 } from './1796419739484-WidenRawAttainment';

/** Migrations for the mysql driver, oldest first. */
export const MYSQL_MIGRATIONS = [Initial1796399722343, WidenRawAttainment1796419739484];
