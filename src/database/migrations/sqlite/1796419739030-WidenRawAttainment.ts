import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WidenRawAttainment1796419739030 implements MigrationInterface {
  name = 'WidenRawAttainment1796419739030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_f42612db7eb190564dae4c127c"');
    await queryRunner.query(
      'CREATE TABLE "temporary_clause_score" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "evaluation_id" integer NOT NULL, "clause_id" integer NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "weight" decimal(7,4) NOT NULL, "target_value" decimal(20,4), "target_lower" decimal(20,4), "target_upper" decimal(20,4), "realization_value" decimal(20,4), "raw_attainment" decimal(32,8), "scored_attainment" decimal(24,8) NOT NULL, "flags" text NOT NULL, "explanation" text NOT NULL, "realization_ids" text NOT NULL, CONSTRAINT "FK_64644677ff1cecb128d3ac1acee" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_clause_score"("id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids") SELECT "id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids" FROM "clause_score"',
    );
    await queryRunner.query('DROP TABLE "clause_score"');
    await queryRunner.query('ALTER TABLE "temporary_clause_score" RENAME TO "clause_score"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f42612db7eb190564dae4c127c" ON "clause_score" ("evaluation_id", "clause_id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_f42612db7eb190564dae4c127c"');
    await queryRunner.query('ALTER TABLE "clause_score" RENAME TO "temporary_clause_score"');
    await queryRunner.query(
      'CREATE TABLE "clause_score" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "evaluation_id" integer NOT NULL, "clause_id" integer NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "weight" decimal(7,4) NOT NULL, "target_value" decimal(20,4), "target_lower" decimal(20,4), "target_upper" decimal(20,4), "realization_value" decimal(20,4), "raw_attainment" decimal(24,8), "scored_attainment" decimal(24,8) NOT NULL, "flags" text NOT NULL, "explanation" text NOT NULL, "realization_ids" text NOT NULL, CONSTRAINT "FK_64644677ff1cecb128d3ac1acee" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "clause_score"("id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids") SELECT "id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids" FROM "temporary_clause_score"',
    );
    await queryRunner.query('DROP TABLE "temporary_clause_score"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f42612db7eb190564dae4c127c" ON "clause_score" ("evaluation_id", "clause_id") ',
    );
  }
}
