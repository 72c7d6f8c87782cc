import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the time of a user's last password change, which ends the tokens issued before it. Both
 * directions change the app_user table in place instead of the rebuild the generator wrote. A
 * rebuild drops the table inside the migration's transaction, where SQLite ignores
 * `PRAGMA foreign_keys=OFF`, so it would delete every row that references app_user with ON DELETE
 * CASCADE. No table does today, but the in-place change stays safe if one does later. DROP COLUMN
 * needs SQLite 3.35 or later; better-sqlite3 12.11 bundles SQLite 3.53.
 */
export class UserPasswordChangedAt1796421709547 implements MigrationInterface {
  name = 'UserPasswordChangedAt1796421709547';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD COLUMN "password_changed_at" datetime(3)');
  }

  // NOTE: the revert forgets when passwords changed, so until they expire the tokens issued
  // before a user's last password change work again.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "password_changed_at"');
  }
}
