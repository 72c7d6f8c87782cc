import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796399722069 implements MigrationInterface {
  name = 'Initial1796399722069';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "actor_id" integer, "actor_role" varchar CHECK( "actor_role" IN (\'ADMIN\',\'MAYOR\',\'OPD_HEAD\',\'OPD_STAFF\',\'EVALUATOR\',\'ANALYST\') ), "action" varchar(60) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" integer NOT NULL, "occurred_at" datetime(3) NOT NULL, "input_digest" varchar(64) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c0ea392536b5c4cba7012b6f7b" ON "audit_event" ("entity_type", "entity_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "opd" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(40) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN (\'DINAS\',\'BADAN\',\'SEKRETARIAT\',\'INSPEKTORAT\',\'KECAMATAN\',\'OTHER\') ) NOT NULL, "head_name" varchar(200) NOT NULL, CONSTRAINT "UQ_55a160a7e2981c19ca9b6cebfb1" UNIQUE ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "plan" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "code" varchar(40) NOT NULL, "title" varchar(300) NOT NULL, "government_name" varchar(200) NOT NULL, "start_year" integer NOT NULL, "end_year" integer NOT NULL, "vision" text NOT NULL, "scoring_policy" text NOT NULL, "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_e405cbb23fb08931a48ad8c2bdb" UNIQUE ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "plan_id" integer NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "status" varchar CHECK( "status" IN (\'OFFERED\',\'BID\',\'SIGNING\',\'SIGNED\',\'SUPERSEDED\') ) NOT NULL, "content_hash" varchar(64), "amendment_reason" varchar CHECK( "amendment_reason" IN (\'OFFICIAL_CHANGED\',\'STRATEGY_CHANGED\',\'PRIORITY_CHANGED\') ), "amendment_note" text, "previous_version_id" integer, "offered_by_id" integer NOT NULL, "offered_at" datetime(3) NOT NULL, "bid_at" datetime(3), "signed_at" datetime(3))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25" ON "contract" ("plan_id", "year", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a38fb39c2ce867bfd8a068d20f" ON "contract" ("opd_id", "year", "version") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mission" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "number" integer NOT NULL, "title" varchar(500) NOT NULL, "description" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_705bb6dda3c6fc7d713a6ad24e" ON "mission" ("plan_id", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "mission_id" integer NOT NULL, "description" text NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_cc6e77c551498ea81e7dc3965a" ON "task" ("opd_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_5a78341f7a9adead20bec521cd" ON "task" ("mission_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "indicator" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "name" varchar(300) NOT NULL, "unit" varchar(60) NOT NULL, "definition" text NOT NULL, "data_source" varchar(500) NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "accumulation" varchar CHECK( "accumulation" IN (\'SUM\',\'LAST\',\'AVERAGE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "baseline_year" integer NOT NULL, "baseline_value" decimal(20,4) NOT NULL, "end_target_value" decimal(20,4), "end_target_lower" decimal(20,4), "end_target_upper" decimal(20,4))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bd409acfe408cbf472a230731c" ON "indicator" ("task_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "clause" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "indicator_id" integer NOT NULL, "weight" decimal(7,4) NOT NULL, "offered_value" decimal(20,4), "offered_lower" decimal(20,4), "offered_upper" decimal(20,4), "committed_value" decimal(20,4), "committed_lower" decimal(20,4), "committed_upper" decimal(20,4), "justification" text, "quarterly_targets" text, "budget" decimal(18,2))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d987757d22d616ccd40a8d2daa" ON "clause" ("indicator_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_3f0e55e1a6eb7a9023475f9129" ON "clause" ("contract_id", "indicator_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evaluation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "status" varchar CHECK( "status" IN (\'DRAFT\',\'FINAL\') ) NOT NULL, "score" decimal(7,2) NOT NULL, "rating" varchar CHECK( "rating" IN (\'SANGAT_TINGGI\',\'TINGGI\',\'SEDANG\',\'RENDAH\',\'SANGAT_RENDAH\') ) NOT NULL, "outcome" varchar CHECK( "outcome" IN (\'REWARD\',\'PUNISHMENT\',\'NONE\') ) NOT NULL, "recommendation" varchar(60), "scored_by_id" integer NOT NULL, "scored_at" datetime(3) NOT NULL, "finalized_by_id" integer, "finalized_at" datetime(3), "decision" varchar(60), "decision_note" text, "decided_by_id" integer, "decided_at" datetime(3), CONSTRAINT "UQ_523c7e657bc470c3ff54c337521" UNIQUE ("contract_id"), CONSTRAINT "REL_523c7e657bc470c3ff54c33752" UNIQUE ("contract_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "clause_score" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "evaluation_id" integer NOT NULL, "clause_id" integer NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "weight" decimal(7,4) NOT NULL, "target_value" decimal(20,4), "target_lower" decimal(20,4), "target_upper" decimal(20,4), "realization_value" decimal(20,4), "raw_attainment" decimal(24,8), "scored_attainment" decimal(24,8) NOT NULL, "flags" text NOT NULL, "explanation" text NOT NULL, "realization_ids" text NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f42612db7eb190564dae4c127c" ON "clause_score" ("evaluation_id", "clause_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "indicator_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "indicator_id" integer NOT NULL, "year" integer NOT NULL, "value" decimal(20,4), "lower" decimal(20,4), "upper" decimal(20,4))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1740e90fed0c0a2b2d1e67f83e" ON "indicator_target" ("indicator_id", "year") ',
    );
    await queryRunner.query(
      'CREATE TABLE "mission_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mission_id" integer NOT NULL, "opd_id" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_56e92b399b98322acdc4aadf24" ON "mission_assignment" ("opd_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_2f77eaf522a9a96815a96358ce" ON "mission_assignment" ("mission_id", "opd_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "realization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clause_id" integer NOT NULL, "quarter" integer NOT NULL, "value" decimal(20,4) NOT NULL, "data_source" varchar(500) NOT NULL, "document_url" varchar(2000), "note" text, "status" varchar CHECK( "status" IN (\'SUBMITTED\',\'VERIFIED\',\'RETURNED\') ) NOT NULL, "active_key" integer, "submitted_by_id" integer NOT NULL, "submitted_at" datetime(3) NOT NULL, "reviewed_by_id" integer, "reviewed_at" datetime(3), "review_note" text)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_50ff2b5d48837bf4ad9d1f81f4" ON "realization" ("clause_id", "quarter", "active_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "role" varchar CHECK( "role" IN (\'MAYOR\',\'OPD_HEAD\') ) NOT NULL, "user_id" integer NOT NULL, "signed_at" datetime(3) NOT NULL, "content_hash" varchar(64) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0ea6c892a3773cde784f00adac" ON "signature" ("contract_id", "role") ',
    );
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(80) NOT NULL, "display_name" varchar(200) NOT NULL, "password_hash" varchar(300) NOT NULL, "role" varchar CHECK( "role" IN (\'ADMIN\',\'MAYOR\',\'OPD_HEAD\',\'OPD_STAFF\',\'EVALUATOR\',\'ANALYST\') ) NOT NULL, "opd_id" integer, "disabled" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"))',
    );
    await queryRunner.query('DROP INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25"');
    await queryRunner.query('DROP INDEX "IDX_a38fb39c2ce867bfd8a068d20f"');
    await queryRunner.query(
      'CREATE TABLE "temporary_contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "plan_id" integer NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "status" varchar CHECK( "status" IN (\'OFFERED\',\'BID\',\'SIGNING\',\'SIGNED\',\'SUPERSEDED\') ) NOT NULL, "content_hash" varchar(64), "amendment_reason" varchar CHECK( "amendment_reason" IN (\'OFFICIAL_CHANGED\',\'STRATEGY_CHANGED\',\'PRIORITY_CHANGED\') ), "amendment_note" text, "previous_version_id" integer, "offered_by_id" integer NOT NULL, "offered_at" datetime(3) NOT NULL, "bid_at" datetime(3), "signed_at" datetime(3), CONSTRAINT "FK_8609a510719dc7ea4beb3e8a34d" FOREIGN KEY ("opd_id") REFERENCES "opd" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_b9254c75fe0b8c15fe5955cf145" FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_contract"("id", "opd_id", "plan_id", "year", "version", "status", "content_hash", "amendment_reason", "amendment_note", "previous_version_id", "offered_by_id", "offered_at", "bid_at", "signed_at") SELECT "id", "opd_id", "plan_id", "year", "version", "status", "content_hash", "amendment_reason", "amendment_note", "previous_version_id", "offered_by_id", "offered_at", "bid_at", "signed_at" FROM "contract"',
    );
    await queryRunner.query('DROP TABLE "contract"');
    await queryRunner.query('ALTER TABLE "temporary_contract" RENAME TO "contract"');
    await queryRunner.query(
      'CREATE INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25" ON "contract" ("plan_id", "year", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a38fb39c2ce867bfd8a068d20f" ON "contract" ("opd_id", "year", "version") ',
    );
    await queryRunner.query('DROP INDEX "IDX_705bb6dda3c6fc7d713a6ad24e"');
    await queryRunner.query(
      'CREATE TABLE "temporary_mission" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "number" integer NOT NULL, "title" varchar(500) NOT NULL, "description" text NOT NULL, CONSTRAINT "FK_26e1ebfe5a47bd0482c541038df" FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_mission"("id", "plan_id", "number", "title", "description") SELECT "id", "plan_id", "number", "title", "description" FROM "mission"',
    );
    await queryRunner.query('DROP TABLE "mission"');
    await queryRunner.query('ALTER TABLE "temporary_mission" RENAME TO "mission"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_705bb6dda3c6fc7d713a6ad24e" ON "mission" ("plan_id", "number") ',
    );
    await queryRunner.query('DROP INDEX "IDX_cc6e77c551498ea81e7dc3965a"');
    await queryRunner.query('DROP INDEX "IDX_5a78341f7a9adead20bec521cd"');
    await queryRunner.query(
      'CREATE TABLE "temporary_task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "mission_id" integer NOT NULL, "description" text NOT NULL, CONSTRAINT "FK_cc6e77c551498ea81e7dc3965ab" FOREIGN KEY ("opd_id") REFERENCES "opd" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_5a78341f7a9adead20bec521cda" FOREIGN KEY ("mission_id") REFERENCES "mission" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_task"("id", "opd_id", "mission_id", "description") SELECT "id", "opd_id", "mission_id", "description" FROM "task"',
    );
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('ALTER TABLE "temporary_task" RENAME TO "task"');
    await queryRunner.query('CREATE INDEX "IDX_cc6e77c551498ea81e7dc3965a" ON "task" ("opd_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_5a78341f7a9adead20bec521cd" ON "task" ("mission_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bd409acfe408cbf472a230731c"');
    await queryRunner.query(
      'CREATE TABLE "temporary_indicator" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "name" varchar(300) NOT NULL, "unit" varchar(60) NOT NULL, "definition" text NOT NULL, "data_source" varchar(500) NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "accumulation" varchar CHECK( "accumulation" IN (\'SUM\',\'LAST\',\'AVERAGE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "baseline_year" integer NOT NULL, "baseline_value" decimal(20,4) NOT NULL, "end_target_value" decimal(20,4), "end_target_lower" decimal(20,4), "end_target_upper" decimal(20,4), CONSTRAINT "FK_bd409acfe408cbf472a230731c9" FOREIGN KEY ("task_id") REFERENCES "task" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_indicator"("id", "task_id", "name", "unit", "definition", "data_source", "polarity", "accumulation", "minimize_formula", "baseline_year", "baseline_value", "end_target_value", "end_target_lower", "end_target_upper") SELECT "id", "task_id", "name", "unit", "definition", "data_source", "polarity", "accumulation", "minimize_formula", "baseline_year", "baseline_value", "end_target_value", "end_target_lower", "end_target_upper" FROM "indicator"',
    );
    await queryRunner.query('DROP TABLE "indicator"');
    await queryRunner.query('ALTER TABLE "temporary_indicator" RENAME TO "indicator"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bd409acfe408cbf472a230731c" ON "indicator" ("task_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_d987757d22d616ccd40a8d2daa"');
    await queryRunner.query('DROP INDEX "IDX_3f0e55e1a6eb7a9023475f9129"');
    await queryRunner.query(
      'CREATE TABLE "temporary_clause" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "indicator_id" integer NOT NULL, "weight" decimal(7,4) NOT NULL, "offered_value" decimal(20,4), "offered_lower" decimal(20,4), "offered_upper" decimal(20,4), "committed_value" decimal(20,4), "committed_lower" decimal(20,4), "committed_upper" decimal(20,4), "justification" text, "quarterly_targets" text, "budget" decimal(18,2), CONSTRAINT "FK_799ee0ebcb4ad06b48252e6b62a" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_d987757d22d616ccd40a8d2daad" FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_clause"("id", "contract_id", "indicator_id", "weight", "offered_value", "offered_lower", "offered_upper", "committed_value", "committed_lower", "committed_upper", "justification", "quarterly_targets", "budget") SELECT "id", "contract_id", "indicator_id", "weight", "offered_value", "offered_lower", "offered_upper", "committed_value", "committed_lower", "committed_upper", "justification", "quarterly_targets", "budget" FROM "clause"',
    );
    await queryRunner.query('DROP TABLE "clause"');
    await queryRunner.query('ALTER TABLE "temporary_clause" RENAME TO "clause"');
    await queryRunner.query(
      'CREATE INDEX "IDX_d987757d22d616ccd40a8d2daa" ON "clause" ("indicator_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_3f0e55e1a6eb7a9023475f9129" ON "clause" ("contract_id", "indicator_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_evaluation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "status" varchar CHECK( "status" IN (\'DRAFT\',\'FINAL\') ) NOT NULL, "score" decimal(7,2) NOT NULL, "rating" varchar CHECK( "rating" IN (\'SANGAT_TINGGI\',\'TINGGI\',\'SEDANG\',\'RENDAH\',\'SANGAT_RENDAH\') ) NOT NULL, "outcome" varchar CHECK( "outcome" IN (\'REWARD\',\'PUNISHMENT\',\'NONE\') ) NOT NULL, "recommendation" varchar(60), "scored_by_id" integer NOT NULL, "scored_at" datetime(3) NOT NULL, "finalized_by_id" integer, "finalized_at" datetime(3), "decision" varchar(60), "decision_note" text, "decided_by_id" integer, "decided_at" datetime(3), CONSTRAINT "UQ_523c7e657bc470c3ff54c337521" UNIQUE ("contract_id"), CONSTRAINT "REL_523c7e657bc470c3ff54c33752" UNIQUE ("contract_id"), CONSTRAINT "FK_523c7e657bc470c3ff54c337521" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_evaluation"("id", "contract_id", "status", "score", "rating", "outcome", "recommendation", "scored_by_id", "scored_at", "finalized_by_id", "finalized_at", "decision", "decision_note", "decided_by_id", "decided_at") SELECT "id", "contract_id", "status", "score", "rating", "outcome", "recommendation", "scored_by_id", "scored_at", "finalized_by_id", "finalized_at", "decision", "decision_note", "decided_by_id", "decided_at" FROM "evaluation"',
    );
    await queryRunner.query('DROP TABLE "evaluation"');
    await queryRunner.query('ALTER TABLE "temporary_evaluation" RENAME TO "evaluation"');
    await queryRunner.query('DROP INDEX "IDX_f42612db7eb190564dae4c127c"');
    await queryRunner.query(
      'CREATE TABLE "temporary_clause_score" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "evaluation_id" integer NOT NULL, "clause_id" integer NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "weight" decimal(7,4) NOT NULL, "target_value" decimal(20,4), "target_lower" decimal(20,4), "target_upper" decimal(20,4), "realization_value" decimal(20,4), "raw_attainment" decimal(24,8), "scored_attainment" decimal(24,8) NOT NULL, "flags" text NOT NULL, "explanation" text NOT NULL, "realization_ids" text NOT NULL, CONSTRAINT "FK_64644677ff1cecb128d3ac1acee" FOREIGN KEY ("evaluation_id") REFERENCES "evaluation" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_clause_score"("id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids") SELECT "id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids" FROM "clause_score"',
    );
    await queryRunner.query('DROP TABLE "clause_score"');
    await queryRunner.query('ALTER TABLE "temporary_clause_score" RENAME TO "clause_score"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f42612db7eb190564dae4c127c" ON "clause_score" ("evaluation_id", "clause_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_1740e90fed0c0a2b2d1e67f83e"');
    await queryRunner.query(
      'CREATE TABLE "temporary_indicator_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "indicator_id" integer NOT NULL, "year" integer NOT NULL, "value" decimal(20,4), "lower" decimal(20,4), "upper" decimal(20,4), CONSTRAINT "FK_aee24e10c440f5e7e44f95ce3bd" FOREIGN KEY ("indicator_id") REFERENCES "indicator" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_indicator_target"("id", "indicator_id", "year", "value", "lower", "upper") SELECT "id", "indicator_id", "year", "value", "lower", "upper" FROM "indicator_target"',
    );
    await queryRunner.query('DROP TABLE "indicator_target"');
    await queryRunner.query(
      'ALTER TABLE "temporary_indicator_target" RENAME TO "indicator_target"',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1740e90fed0c0a2b2d1e67f83e" ON "indicator_target" ("indicator_id", "year") ',
    );
    await queryRunner.query('DROP INDEX "IDX_56e92b399b98322acdc4aadf24"');
    await queryRunner.query('DROP INDEX "IDX_2f77eaf522a9a96815a96358ce"');
    await queryRunner.query(
      'CREATE TABLE "temporary_mission_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mission_id" integer NOT NULL, "opd_id" integer NOT NULL, CONSTRAINT "FK_9c8333acc51fd112fb44ed1a932" FOREIGN KEY ("mission_id") REFERENCES "mission" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_56e92b399b98322acdc4aadf246" FOREIGN KEY ("opd_id") REFERENCES "opd" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_mission_assignment"("id", "mission_id", "opd_id") SELECT "id", "mission_id", "opd_id" FROM "mission_assignment"',
    );
    await queryRunner.query('DROP TABLE "mission_assignment"');
    await queryRunner.query(
      'ALTER TABLE "temporary_mission_assignment" RENAME TO "mission_assignment"',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_56e92b399b98322acdc4aadf24" ON "mission_assignment" ("opd_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_2f77eaf522a9a96815a96358ce" ON "mission_assignment" ("mission_id", "opd_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_50ff2b5d48837bf4ad9d1f81f4"');
    await queryRunner.query(
      'CREATE TABLE "temporary_realization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clause_id" integer NOT NULL, "quarter" integer NOT NULL, "value" decimal(20,4) NOT NULL, "data_source" varchar(500) NOT NULL, "document_url" varchar(2000), "note" text, "status" varchar CHECK( "status" IN (\'SUBMITTED\',\'VERIFIED\',\'RETURNED\') ) NOT NULL, "active_key" integer, "submitted_by_id" integer NOT NULL, "submitted_at" datetime(3) NOT NULL, "reviewed_by_id" integer, "reviewed_at" datetime(3), "review_note" text, CONSTRAINT "FK_be964ab88301dc59e7a4c09319e" FOREIGN KEY ("clause_id") REFERENCES "clause" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_realization"("id", "clause_id", "quarter", "value", "data_source", "document_url", "note", "status", "active_key", "submitted_by_id", "submitted_at", "reviewed_by_id", "reviewed_at", "review_note") SELECT "id", "clause_id", "quarter", "value", "data_source", "document_url", "note", "status", "active_key", "submitted_by_id", "submitted_at", "reviewed_by_id", "reviewed_at", "review_note" FROM "realization"',
    );
    await queryRunner.query('DROP TABLE "realization"');
    await queryRunner.query('ALTER TABLE "temporary_realization" RENAME TO "realization"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_50ff2b5d48837bf4ad9d1f81f4" ON "realization" ("clause_id", "quarter", "active_key") ',
    );
    await queryRunner.query('DROP INDEX "IDX_0ea6c892a3773cde784f00adac"');
    await queryRunner.query(
      'CREATE TABLE "temporary_signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "role" varchar CHECK( "role" IN (\'MAYOR\',\'OPD_HEAD\') ) NOT NULL, "user_id" integer NOT NULL, "signed_at" datetime(3) NOT NULL, "content_hash" varchar(64) NOT NULL, CONSTRAINT "FK_df65ef2eb8ffa22f044a76160b3" FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_signature"("id", "contract_id", "role", "user_id", "signed_at", "content_hash") SELECT "id", "contract_id", "role", "user_id", "signed_at", "content_hash" FROM "signature"',
    );
    await queryRunner.query('DROP TABLE "signature"');
    await queryRunner.query('ALTER TABLE "temporary_signature" RENAME TO "signature"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0ea6c892a3773cde784f00adac" ON "signature" ("contract_id", "role") ',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(80) NOT NULL, "display_name" varchar(200) NOT NULL, "password_hash" varchar(300) NOT NULL, "role" varchar CHECK( "role" IN (\'ADMIN\',\'MAYOR\',\'OPD_HEAD\',\'OPD_STAFF\',\'EVALUATOR\',\'ANALYST\') ) NOT NULL, "opd_id" integer, "disabled" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"), CONSTRAINT "FK_7789c7b560187c04b59b4da3126" FOREIGN KEY ("opd_id") REFERENCES "opd" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_app_user"("id", "username", "display_name", "password_hash", "role", "opd_id", "disabled", "created_at") SELECT "id", "username", "display_name", "password_hash", "role", "opd_id", "disabled", "created_at" FROM "app_user"',
    );
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('ALTER TABLE "temporary_app_user" RENAME TO "app_user"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" RENAME TO "temporary_app_user"');
    await queryRunner.query(
      'CREATE TABLE "app_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(80) NOT NULL, "display_name" varchar(200) NOT NULL, "password_hash" varchar(300) NOT NULL, "role" varchar CHECK( "role" IN (\'ADMIN\',\'MAYOR\',\'OPD_HEAD\',\'OPD_STAFF\',\'EVALUATOR\',\'ANALYST\') ) NOT NULL, "opd_id" integer, "disabled" boolean NOT NULL DEFAULT (0), "created_at" datetime(3) NOT NULL, CONSTRAINT "UQ_c480e576dd71729addbc2d51b67" UNIQUE ("username"))',
    );
    await queryRunner.query(
      'INSERT INTO "app_user"("id", "username", "display_name", "password_hash", "role", "opd_id", "disabled", "created_at") SELECT "id", "username", "display_name", "password_hash", "role", "opd_id", "disabled", "created_at" FROM "temporary_app_user"',
    );
    await queryRunner.query('DROP TABLE "temporary_app_user"');
    await queryRunner.query('DROP INDEX "IDX_0ea6c892a3773cde784f00adac"');
    await queryRunner.query('ALTER TABLE "signature" RENAME TO "temporary_signature"');
    await queryRunner.query(
      'CREATE TABLE "signature" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "role" varchar CHECK( "role" IN (\'MAYOR\',\'OPD_HEAD\') ) NOT NULL, "user_id" integer NOT NULL, "signed_at" datetime(3) NOT NULL, "content_hash" varchar(64) NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "signature"("id", "contract_id", "role", "user_id", "signed_at", "content_hash") SELECT "id", "contract_id", "role", "user_id", "signed_at", "content_hash" FROM "temporary_signature"',
    );
    await queryRunner.query('DROP TABLE "temporary_signature"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0ea6c892a3773cde784f00adac" ON "signature" ("contract_id", "role") ',
    );
    await queryRunner.query('DROP INDEX "IDX_50ff2b5d48837bf4ad9d1f81f4"');
    await queryRunner.query('ALTER TABLE "realization" RENAME TO "temporary_realization"');
    await queryRunner.query(
      'CREATE TABLE "realization" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "clause_id" integer NOT NULL, "quarter" integer NOT NULL, "value" decimal(20,4) NOT NULL, "data_source" varchar(500) NOT NULL, "document_url" varchar(2000), "note" text, "status" varchar CHECK( "status" IN (\'SUBMITTED\',\'VERIFIED\',\'RETURNED\') ) NOT NULL, "active_key" integer, "submitted_by_id" integer NOT NULL, "submitted_at" datetime(3) NOT NULL, "reviewed_by_id" integer, "reviewed_at" datetime(3), "review_note" text)',
    );
    await queryRunner.query(
      'INSERT INTO "realization"("id", "clause_id", "quarter", "value", "data_source", "document_url", "note", "status", "active_key", "submitted_by_id", "submitted_at", "reviewed_by_id", "reviewed_at", "review_note") SELECT "id", "clause_id", "quarter", "value", "data_source", "document_url", "note", "status", "active_key", "submitted_by_id", "submitted_at", "reviewed_by_id", "reviewed_at", "review_note" FROM "temporary_realization"',
    );
    await queryRunner.query('DROP TABLE "temporary_realization"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_50ff2b5d48837bf4ad9d1f81f4" ON "realization" ("clause_id", "quarter", "active_key") ',
    );
    await queryRunner.query('DROP INDEX "IDX_2f77eaf522a9a96815a96358ce"');
    await queryRunner.query('DROP INDEX "IDX_56e92b399b98322acdc4aadf24"');
    await queryRunner.query(
      'ALTER TABLE "mission_assignment" RENAME TO "temporary_mission_assignment"',
    );
    await queryRunner.query(
      'CREATE TABLE "mission_assignment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "mission_id" integer NOT NULL, "opd_id" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "mission_assignment"("id", "mission_id", "opd_id") SELECT "id", "mission_id", "opd_id" FROM "temporary_mission_assignment"',
    );
    await queryRunner.query('DROP TABLE "temporary_mission_assignment"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_2f77eaf522a9a96815a96358ce" ON "mission_assignment" ("mission_id", "opd_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_56e92b399b98322acdc4aadf24" ON "mission_assignment" ("opd_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_1740e90fed0c0a2b2d1e67f83e"');
    await queryRunner.query(
      'ALTER TABLE "indicator_target" RENAME TO "temporary_indicator_target"',
    );
    await queryRunner.query(
      'CREATE TABLE "indicator_target" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "indicator_id" integer NOT NULL, "year" integer NOT NULL, "value" decimal(20,4), "lower" decimal(20,4), "upper" decimal(20,4))',
    );
    await queryRunner.query(
      'INSERT INTO "indicator_target"("id", "indicator_id", "year", "value", "lower", "upper") SELECT "id", "indicator_id", "year", "value", "lower", "upper" FROM "temporary_indicator_target"',
    );
    await queryRunner.query('DROP TABLE "temporary_indicator_target"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_1740e90fed0c0a2b2d1e67f83e" ON "indicator_target" ("indicator_id", "year") ',
    );
    await queryRunner.query('DROP INDEX "IDX_f42612db7eb190564dae4c127c"');
    await queryRunner.query('ALTER TABLE "clause_score" RENAME TO "temporary_clause_score"');
    await queryRunner.query(
      'CREATE TABLE "clause_score" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "evaluation_id" integer NOT NULL, "clause_id" integer NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "weight" decimal(7,4) NOT NULL, "target_value" decimal(20,4), "target_lower" decimal(20,4), "target_upper" decimal(20,4), "realization_value" decimal(20,4), "raw_attainment" decimal(24,8), "scored_attainment" decimal(24,8) NOT NULL, "flags" text NOT NULL, "explanation" text NOT NULL, "realization_ids" text NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "clause_score"("id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids") SELECT "id", "evaluation_id", "clause_id", "polarity", "minimize_formula", "weight", "target_value", "target_lower", "target_upper", "realization_value", "raw_attainment", "scored_attainment", "flags", "explanation", "realization_ids" FROM "temporary_clause_score"',
    );
    await queryRunner.query('DROP TABLE "temporary_clause_score"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_f42612db7eb190564dae4c127c" ON "clause_score" ("evaluation_id", "clause_id") ',
    );
    await queryRunner.query('ALTER TABLE "evaluation" RENAME TO "temporary_evaluation"');
    await queryRunner.query(
      'CREATE TABLE "evaluation" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "status" varchar CHECK( "status" IN (\'DRAFT\',\'FINAL\') ) NOT NULL, "score" decimal(7,2) NOT NULL, "rating" varchar CHECK( "rating" IN (\'SANGAT_TINGGI\',\'TINGGI\',\'SEDANG\',\'RENDAH\',\'SANGAT_RENDAH\') ) NOT NULL, "outcome" varchar CHECK( "outcome" IN (\'REWARD\',\'PUNISHMENT\',\'NONE\') ) NOT NULL, "recommendation" varchar(60), "scored_by_id" integer NOT NULL, "scored_at" datetime(3) NOT NULL, "finalized_by_id" integer, "finalized_at" datetime(3), "decision" varchar(60), "decision_note" text, "decided_by_id" integer, "decided_at" datetime(3), CONSTRAINT "UQ_523c7e657bc470c3ff54c337521" UNIQUE ("contract_id"), CONSTRAINT "REL_523c7e657bc470c3ff54c33752" UNIQUE ("contract_id"))',
    );
    await queryRunner.query(
      'INSERT INTO "evaluation"("id", "contract_id", "status", "score", "rating", "outcome", "recommendation", "scored_by_id", "scored_at", "finalized_by_id", "finalized_at", "decision", "decision_note", "decided_by_id", "decided_at") SELECT "id", "contract_id", "status", "score", "rating", "outcome", "recommendation", "scored_by_id", "scored_at", "finalized_by_id", "finalized_at", "decision", "decision_note", "decided_by_id", "decided_at" FROM "temporary_evaluation"',
    );
    await queryRunner.query('DROP TABLE "temporary_evaluation"');
    await queryRunner.query('DROP INDEX "IDX_3f0e55e1a6eb7a9023475f9129"');
    await queryRunner.query('DROP INDEX "IDX_d987757d22d616ccd40a8d2daa"');
    await queryRunner.query('ALTER TABLE "clause" RENAME TO "temporary_clause"');
    await queryRunner.query(
      'CREATE TABLE "clause" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "contract_id" integer NOT NULL, "indicator_id" integer NOT NULL, "weight" decimal(7,4) NOT NULL, "offered_value" decimal(20,4), "offered_lower" decimal(20,4), "offered_upper" decimal(20,4), "committed_value" decimal(20,4), "committed_lower" decimal(20,4), "committed_upper" decimal(20,4), "justification" text, "quarterly_targets" text, "budget" decimal(18,2))',
    );
    await queryRunner.query(
      'INSERT INTO "clause"("id", "contract_id", "indicator_id", "weight", "offered_value", "offered_lower", "offered_upper", "committed_value", "committed_lower", "committed_upper", "justification", "quarterly_targets", "budget") SELECT "id", "contract_id", "indicator_id", "weight", "offered_value", "offered_lower", "offered_upper", "committed_value", "committed_lower", "committed_upper", "justification", "quarterly_targets", "budget" FROM "temporary_clause"',
    );
    await queryRunner.query('DROP TABLE "temporary_clause"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_3f0e55e1a6eb7a9023475f9129" ON "clause" ("contract_id", "indicator_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d987757d22d616ccd40a8d2daa" ON "clause" ("indicator_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_bd409acfe408cbf472a230731c"');
    await queryRunner.query('ALTER TABLE "indicator" RENAME TO "temporary_indicator"');
    await queryRunner.query(
      'CREATE TABLE "indicator" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "task_id" integer NOT NULL, "name" varchar(300) NOT NULL, "unit" varchar(60) NOT NULL, "definition" text NOT NULL, "data_source" varchar(500) NOT NULL, "polarity" varchar CHECK( "polarity" IN (\'MAXIMIZE\',\'MINIMIZE\',\'STABILIZE\') ) NOT NULL, "accumulation" varchar CHECK( "accumulation" IN (\'SUM\',\'LAST\',\'AVERAGE\') ) NOT NULL, "minimize_formula" varchar CHECK( "minimize_formula" IN (\'DIFFERENCE\',\'RATIO\') ), "baseline_year" integer NOT NULL, "baseline_value" decimal(20,4) NOT NULL, "end_target_value" decimal(20,4), "end_target_lower" decimal(20,4), "end_target_upper" decimal(20,4))',
    );
    await queryRunner.query(
      'INSERT INTO "indicator"("id", "task_id", "name", "unit", "definition", "data_source", "polarity", "accumulation", "minimize_formula", "baseline_year", "baseline_value", "end_target_value", "end_target_lower", "end_target_upper") SELECT "id", "task_id", "name", "unit", "definition", "data_source", "polarity", "accumulation", "minimize_formula", "baseline_year", "baseline_value", "end_target_value", "end_target_lower", "end_target_upper" FROM "temporary_indicator"',
    );
    await queryRunner.query('DROP TABLE "temporary_indicator"');
    await queryRunner.query(
      'CREATE INDEX "IDX_bd409acfe408cbf472a230731c" ON "indicator" ("task_id") ',
    );
    await queryRunner.query('DROP INDEX "IDX_5a78341f7a9adead20bec521cd"');
    await queryRunner.query('DROP INDEX "IDX_cc6e77c551498ea81e7dc3965a"');
    await queryRunner.query('ALTER TABLE "task" RENAME TO "temporary_task"');
    await queryRunner.query(
      'CREATE TABLE "task" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "mission_id" integer NOT NULL, "description" text NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "task"("id", "opd_id", "mission_id", "description") SELECT "id", "opd_id", "mission_id", "description" FROM "temporary_task"',
    );
    await queryRunner.query('DROP TABLE "temporary_task"');
    await queryRunner.query(
      'CREATE INDEX "IDX_5a78341f7a9adead20bec521cd" ON "task" ("mission_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_cc6e77c551498ea81e7dc3965a" ON "task" ("opd_id") ');
    await queryRunner.query('DROP INDEX "IDX_705bb6dda3c6fc7d713a6ad24e"');
    await queryRunner.query('ALTER TABLE "mission" RENAME TO "temporary_mission"');
    await queryRunner.query(
      'CREATE TABLE "mission" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "plan_id" integer NOT NULL, "number" integer NOT NULL, "title" varchar(500) NOT NULL, "description" text NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "mission"("id", "plan_id", "number", "title", "description") SELECT "id", "plan_id", "number", "title", "description" FROM "temporary_mission"',
    );
    await queryRunner.query('DROP TABLE "temporary_mission"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_705bb6dda3c6fc7d713a6ad24e" ON "mission" ("plan_id", "number") ',
    );
    await queryRunner.query('DROP INDEX "IDX_a38fb39c2ce867bfd8a068d20f"');
    await queryRunner.query('DROP INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25"');
    await queryRunner.query('ALTER TABLE "contract" RENAME TO "temporary_contract"');
    await queryRunner.query(
      'CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "opd_id" integer NOT NULL, "plan_id" integer NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "status" varchar CHECK( "status" IN (\'OFFERED\',\'BID\',\'SIGNING\',\'SIGNED\',\'SUPERSEDED\') ) NOT NULL, "content_hash" varchar(64), "amendment_reason" varchar CHECK( "amendment_reason" IN (\'OFFICIAL_CHANGED\',\'STRATEGY_CHANGED\',\'PRIORITY_CHANGED\') ), "amendment_note" text, "previous_version_id" integer, "offered_by_id" integer NOT NULL, "offered_at" datetime(3) NOT NULL, "bid_at" datetime(3), "signed_at" datetime(3))',
    );
    await queryRunner.query(
      'INSERT INTO "contract"("id", "opd_id", "plan_id", "year", "version", "status", "content_hash", "amendment_reason", "amendment_note", "previous_version_id", "offered_by_id", "offered_at", "bid_at", "signed_at") SELECT "id", "opd_id", "plan_id", "year", "version", "status", "content_hash", "amendment_reason", "amendment_note", "previous_version_id", "offered_by_id", "offered_at", "bid_at", "signed_at" FROM "temporary_contract"',
    );
    await queryRunner.query('DROP TABLE "temporary_contract"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_a38fb39c2ce867bfd8a068d20f" ON "contract" ("opd_id", "year", "version") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25" ON "contract" ("plan_id", "year", "status") ',
    );
    await queryRunner.query('DROP TABLE "app_user"');
    await queryRunner.query('DROP INDEX "IDX_0ea6c892a3773cde784f00adac"');
    await queryRunner.query('DROP TABLE "signature"');
    await queryRunner.query('DROP INDEX "IDX_50ff2b5d48837bf4ad9d1f81f4"');
    await queryRunner.query('DROP TABLE "realization"');
    await queryRunner.query('DROP INDEX "IDX_2f77eaf522a9a96815a96358ce"');
    await queryRunner.query('DROP INDEX "IDX_56e92b399b98322acdc4aadf24"');
    await queryRunner.query('DROP TABLE "mission_assignment"');
    await queryRunner.query('DROP INDEX "IDX_1740e90fed0c0a2b2d1e67f83e"');
    await queryRunner.query('DROP TABLE "indicator_target"');
    await queryRunner.query('DROP INDEX "IDX_f42612db7eb190564dae4c127c"');
    await queryRunner.query('DROP TABLE "clause_score"');
    await queryRunner.query('DROP TABLE "evaluation"');
    await queryRunner.query('DROP INDEX "IDX_3f0e55e1a6eb7a9023475f9129"');
    await queryRunner.query('DROP INDEX "IDX_d987757d22d616ccd40a8d2daa"');
    await queryRunner.query('DROP TABLE "clause"');
    await queryRunner.query('DROP INDEX "IDX_bd409acfe408cbf472a230731c"');
    await queryRunner.query('DROP TABLE "indicator"');
    await queryRunner.query('DROP INDEX "IDX_5a78341f7a9adead20bec521cd"');
    await queryRunner.query('DROP INDEX "IDX_cc6e77c551498ea81e7dc3965a"');
    await queryRunner.query('DROP TABLE "task"');
    await queryRunner.query('DROP INDEX "IDX_705bb6dda3c6fc7d713a6ad24e"');
    await queryRunner.query('DROP TABLE "mission"');
    await queryRunner.query('DROP INDEX "IDX_a38fb39c2ce867bfd8a068d20f"');
    await queryRunner.query('DROP INDEX "IDX_1d18b5f0a5c1e0ed13c1bd9c25"');
    await queryRunner.query('DROP TABLE "contract"');
    await queryRunner.query('DROP TABLE "plan"');
    await queryRunner.query('DROP TABLE "opd"');
    await queryRunner.query('DROP INDEX "IDX_c0ea392536b5c4cba7012b6f7b"');
    await queryRunner.query('DROP TABLE "audit_event"');
  }
}
