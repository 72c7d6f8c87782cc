import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Adds the time of a user's last password change, which ends the tokens issued before it. */
export class UserPasswordChangedAt1796421710411 implements MigrationInterface {
  name = 'UserPasswordChangedAt1796421710411';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `app_user` ADD `password_changed_at` datetime(3) NULL');
  }

  // NOTE: the revert forgets when passwords changed, so until they expire the tokens issued
  // before a user's last password change work again.
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `app_user` DROP COLUMN `password_changed_at`');
  }
}
