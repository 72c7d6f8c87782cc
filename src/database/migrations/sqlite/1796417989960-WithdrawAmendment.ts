import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the WITHDRAWN contract status and the columns that record a withdrawal. SQLite cannot
 * change a CHECK constraint in place, so `up` rebuilds the contract table. `down` drops the
 * columns in place instead. TypeORM 1.1 opens the revert transaction before it turns foreign
 * keys off, and SQLite ignores that inside a transaction, so a rebuild there would cascade and
 * delete every clause, signature and evaluation.
 */
export class WithdrawAmendment1796417989960 implements MigrationInterface {
  name = 'WithdrawAmendment1796417989960';

  async up(queryRunner: QueryRunner): Promise<void> {
    await assertForeignKeysOff(queryRunner);
    await queryRunner.query('DROP INDEX "IDX_a38fb39c2ce867bfd8a068d20f"');
    await queryRunner.query('DROP INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25"');
    await queryRunner.query(
      'CREATE TABLE "temporary_contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "plan_id" integer NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "status" varchar CHECK( "status" IN (\'OFFERED\',\'BID\',\'SIGNING\',\'SIGNED\',\'SUPERSEDED\',\'WITHDRAWN\') ) NOT NULL, "content_hash" varchar(64), "amendment_reason" varchar CHECK( "amendment_reason" IN (\'OFFICIAL_CHANGED\',\'STRATEGY_CHANGED\',\'PRIORITY_CHANGED\') ), "amendment_note" text, "previous_version_id" integer, "offered_by_id" integer NOT NULL, "offered_at" datetime(3) NOT NULL, "bid_at" datetime(3), "signed_at" datetime(3), "withdrawn_by_id" integer, "withdrawn_at" datetime(3), "withdrawal_note" text, CONSTRAINT "FK_b9254c75fe0b8c15fe5955cf145" FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8609a510719dc7ea4beb3e8a34d" FOREIGN KEY ("opd_id") REFERENCES "opd" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_contract"("id", "opd_id", "plan_id", "year", "version", "status", "content_hash", "amendment_reason", "amendment_note", "previous_version_id", "offered_by_id", "offered_at", "bid_at", "signed_at") SELECT "id", "opd_id", "plan_id", "year", "version", "status", "content_hash", "amendment_reason", "amendment_note", "previous_version_id", "offered_by_id", "offered_at", "bid_at", "signed_at" FROM "contract"',
    );
    await queryRunner.query('DROP TABLE "contract"');
    await queryRunner.query('ALTER TABLE "temporary_contract" RENAME TO "contract"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a38fb39c2ce867bfd8a068d20f" ON "contract" ("opd_id", "year", "version") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25" ON "contract" ("plan_id", "year", "status") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await assertNoWithdrawnContracts(queryRunner);
    // NOTE: the status CHECK keeps allowing 'WITHDRAWN' after the revert. No row holds it, and
    // narrowing the CHECK needs the table rebuild that this transaction cannot run safely.
    await queryRunner.query('ALTER TABLE "contract" DROP COLUMN "withdrawal_note"');
    await queryRunner.query('ALTER TABLE "contract" DROP COLUMN "withdrawn_at"');
    await queryRunner.query('ALTER TABLE "contract" DROP COLUMN "withdrawn_by_id"');
  }
}

/**
 * Throws unless foreign keys are off, because dropping the old contract table with them on
 * would delete every clause, signature and evaluation. TypeORM 1.1 turns them off before it
 * opens the transaction of a migration run in the "all" or "each" mode, but not in "none".
 */
async function assertForeignKeysOff(queryRunner: QueryRunner): Promise<void> {
  const rows: { foreign_keys: number }[] = await queryRunner.query('PRAGMA foreign_keys');
  if (Number(rows[0].foreign_keys) !== 0) {
    throw new Error(
      'WithdrawAmendment rebuilds the contract table and needs foreign keys off: run the ' +
        'migrations in the "all" or "each" transaction mode',
    );
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
