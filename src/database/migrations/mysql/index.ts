import { Initial1796399722343 } from './1796399722343-Initial';

/** Migrations for the mysql driver, oldest first. */
export const MYSQL_MIGRATIONS = [Initial1796399722343];
