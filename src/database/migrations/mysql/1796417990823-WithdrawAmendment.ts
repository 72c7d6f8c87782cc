import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the WITHDRAWN contract status and the columns that record a withdrawal. The generator
 * also dropped and re-created the (plan_id, year, status) index around the status change.
 * Those statements are left out: MariaDB refuses to drop an index that the plan foreign key
 * uses, and changing the enum keeps the index as it is.
 */
export class WithdrawAmendment1796417990823 implements MigrationInterface {
  name = 'WithdrawAmendment1796417990823';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `contract` ADD `withdrawn_by_id` int NULL');
    await queryRunner.query('ALTER TABLE `contract` ADD `withdrawn_at` datetime(3) NULL');
    await queryRunner.query('ALTER TABLE `contract` ADD `withdrawal_note` text NULL');
    await queryRunner.query(
      "ALTER TABLE `contract` CHANGE `status` `status` enum ('OFFERED', 'BID', 'SIGNING', 'SIGNED', 'SUPERSEDED', 'WITHDRAWN') NOT NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await assertNoWithdrawnContracts(queryRunner);
    await queryRunner.query(
      "ALTER TABLE `contract` CHANGE `status` `status` enum ('OFFERED', 'BID', 'SIGNING', 'SIGNED', 'SUPERSEDED') NOT NULL",
    );
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `withdrawal_note`');
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `withdrawn_at`');
    await queryRunner.query('ALTER TABLE `contract` DROP COLUMN `withdrawn_by_id`');
  }
}

/**
 * Throws before the revert changes anything when a contract version is WITHDRAWN, because the
 * earlier status column cannot hold that value and no earlier status means the same.
 */
async function assertNoWithdrawnContracts(queryRunner: QueryRunner): Promise<void> {
  const rows: { count: number | string }[] = await queryRunner.query(
    "SELECT COUNT(*) AS count FROM contract WHERE status = 'WITHDRAWN'",
  );
  const count = Number(rows[0].count);
  if (count > 0) {
    throw new Error(
      `Cannot revert WithdrawAmendment: ${count} contract version(s) are WITHDRAWN, a status ` +
        'the earlier schema lacks. Delete those versions with their clauses and signatures ' +
        'first, or keep this migration.',
    );
  }
}
