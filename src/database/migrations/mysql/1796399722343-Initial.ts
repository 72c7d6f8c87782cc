import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1796399722343 implements MigrationInterface {
  name = 'Initial1796399722343';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `audit_event` (`id` int NOT NULL AUTO_INCREMENT, `actor_id` int NULL, `actor_role` enum ('ADMIN', 'MAYOR', 'OPD_HEAD', 'OPD_STAFF', 'EVALUATOR', 'ANALYST') NULL, `action` varchar(60) NOT NULL, `entity_type` varchar(40) NOT NULL, `entity_id` int NOT NULL, `occurred_at` datetime(3) NOT NULL, `input_digest` varchar(64) NOT NULL, INDEX `IDX_c0ea392536b5c4cba7012b6f7b` (`entity_type`, `entity_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `opd` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(40) NOT NULL, `name` varchar(200) NOT NULL, `kind` enum ('DINAS', 'BADAN', 'SEKRETARIAT', 'INSPEKTORAT', 'KECAMATAN', 'OTHER') NOT NULL, `head_name` varchar(200) NOT NULL, UNIQUE INDEX `IDX_55a160a7e2981c19ca9b6cebfb` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `plan` (`id` int NOT NULL AUTO_INCREMENT, `code` varchar(40) NOT NULL, `title` varchar(300) NOT NULL, `government_name` varchar(200) NOT NULL, `start_year` int NOT NULL, `end_year` int NOT NULL, `vision` text NOT NULL, `scoring_policy` text NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_e405cbb23fb08931a48ad8c2bd` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `contract` (`id` int NOT NULL AUTO_INCREMENT, `opd_id` int NOT NULL, `plan_id` int NOT NULL, `year` int NOT NULL, `version` int NOT NULL, `status` enum ('OFFERED', 'BID', 'SIGNING', 'SIGNED', 'SUPERSEDED') NOT NULL, `content_hash` varchar(64) NULL, `amendment_reason` enum ('OFFICIAL_CHANGED', 'STRATEGY_CHANGED', 'PRIORITY_CHANGED') NULL, `amendment_note` text NULL, `previous_version_id` int NULL, `offered_by_id` int NOT NULL, `offered_at` datetime(3) NOT NULL, `bid_at` datetime(3) NULL, `signed_at` datetime(3) NULL, INDEX `IDX_1d18b5f0a5c1e0ed13c1bd9c25` (`plan_id`, `year`, `status`), UNIQUE INDEX `IDX_a38fb39c2ce867bfd8a068d20f` (`opd_id`, `year`, `version`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `mission` (`id` int NOT NULL AUTO_INCREMENT, `plan_id` int NOT NULL, `number` int NOT NULL, `title` varchar(500) NOT NULL, `description` text NOT NULL, UNIQUE INDEX `IDX_705bb6dda3c6fc7d713a6ad24e` (`plan_id`, `number`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `task` (`id` int NOT NULL AUTO_INCREMENT, `opd_id` int NOT NULL, `mission_id` int NOT NULL, `description` text NOT NULL, INDEX `IDX_cc6e77c551498ea81e7dc3965a` (`opd_id`), INDEX `IDX_5a78341f7a9adead20bec521cd` (`mission_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `indicator` (`id` int NOT NULL AUTO_INCREMENT, `task_id` int NOT NULL, `name` varchar(300) NOT NULL, `unit` varchar(60) NOT NULL, `definition` text NOT NULL, `data_source` varchar(500) NOT NULL, `polarity` enum ('MAXIMIZE', 'MINIMIZE', 'STABILIZE') NOT NULL, `accumulation` enum ('SUM', 'LAST', 'AVERAGE') NOT NULL, `minimize_formula` enum ('DIFFERENCE', 'RATIO') NULL, `baseline_year` int NOT NULL, `baseline_value` decimal(20,4) NOT NULL, `end_target_value` decimal(20,4) NULL, `end_target_lower` decimal(20,4) NULL, `end_target_upper` decimal(20,4) NULL, INDEX `IDX_bd409acfe408cbf472a230731c` (`task_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `clause` (`id` int NOT NULL AUTO_INCREMENT, `contract_id` int NOT NULL, `indicator_id` int NOT NULL, `weight` decimal(7,4) NOT NULL, `offered_value` decimal(20,4) NULL, `offered_lower` decimal(20,4) NULL, `offered_upper` decimal(20,4) NULL, `committed_value` decimal(20,4) NULL, `committed_lower` decimal(20,4) NULL, `committed_upper` decimal(20,4) NULL, `justification` text NULL, `quarterly_targets` text NULL, `budget` decimal(18,2) NULL, INDEX `IDX_d987757d22d616ccd40a8d2daa` (`indicator_id`), UNIQUE INDEX `IDX_3f0e55e1a6eb7a9023475f9129` (`contract_id`, `indicator_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `evaluation` (`id` int NOT NULL AUTO_INCREMENT, `contract_id` int NOT NULL, `status` enum ('DRAFT', 'FINAL') NOT NULL, `score` decimal(7,2) NOT NULL, `rating` enum ('SANGAT_TINGGI', 'TINGGI', 'SEDANG', 'RENDAH', 'SANGAT_RENDAH') NOT NULL, `outcome` enum ('REWARD', 'PUNISHMENT', 'NONE') NOT NULL, `recommendation` varchar(60) NULL, `scored_by_id` int NOT NULL, `scored_at` datetime(3) NOT NULL, `finalized_by_id` int NULL, `finalized_at` datetime(3) NULL, `decision` varchar(60) NULL, `decision_note` text NULL, `decided_by_id` int NULL, `decided_at` datetime(3) NULL, UNIQUE INDEX `IDX_523c7e657bc470c3ff54c33752` (`contract_id`), UNIQUE INDEX `REL_523c7e657bc470c3ff54c33752` (`contract_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `clause_score` (`id` int NOT NULL AUTO_INCREMENT, `evaluation_id` int NOT NULL, `clause_id` int NOT NULL, `polarity` enum ('MAXIMIZE', 'MINIMIZE', 'STABILIZE') NOT NULL, `minimize_formula` enum ('DIFFERENCE', 'RATIO') NULL, `weight` decimal(7,4) NOT NULL, `target_value` decimal(20,4) NULL, `target_lower` decimal(20,4) NULL, `target_upper` decimal(20,4) NULL, `realization_value` decimal(20,4) NULL, `raw_attainment` decimal(24,8) NULL, `scored_attainment` decimal(24,8) NOT NULL, `flags` text NOT NULL, `explanation` text NOT NULL, `realization_ids` text NOT NULL, UNIQUE INDEX `IDX_f42612db7eb190564dae4c127c` (`evaluation_id`, `clause_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `indicator_target` (`id` int NOT NULL AUTO_INCREMENT, `indicator_id` int NOT NULL, `year` int NOT NULL, `value` decimal(20,4) NULL, `lower` decimal(20,4) NULL, `upper` decimal(20,4) NULL, UNIQUE INDEX `IDX_1740e90fed0c0a2b2d1e67f83e` (`indicator_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `mission_assignment` (`id` int NOT NULL AUTO_INCREMENT, `mission_id` int NOT NULL, `opd_id` int NOT NULL, INDEX `IDX_56e92b399b98322acdc4aadf24` (`opd_id`), UNIQUE INDEX `IDX_2f77eaf522a9a96815a96358ce` (`mission_id`, `opd_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `realization` (`id` int NOT NULL AUTO_INCREMENT, `clause_id` int NOT NULL, `quarter` int NOT NULL, `value` decimal(20,4) NOT NULL, `data_source` varchar(500) NOT NULL, `document_url` varchar(2000) NULL, `note` text NULL, `status` enum ('SUBMITTED', 'VERIFIED', 'RETURNED') NOT NULL, `active_key` int NULL, `submitted_by_id` int NOT NULL, `submitted_at` datetime(3) NOT NULL, `reviewed_by_id` int NULL, `reviewed_at` datetime(3) NULL, `review_note` text NULL, UNIQUE INDEX `IDX_50ff2b5d48837bf4ad9d1f81f4` (`clause_id`, `quarter`, `active_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `signature` (`id` int NOT NULL AUTO_INCREMENT, `contract_id` int NOT NULL, `role` enum ('MAYOR', 'OPD_HEAD') NOT NULL, `user_id` int NOT NULL, `signed_at` datetime(3) NOT NULL, `content_hash` varchar(64) NOT NULL, UNIQUE INDEX `IDX_0ea6c892a3773cde784f00adac` (`contract_id`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `app_user` (`id` int NOT NULL AUTO_INCREMENT, `username` varchar(80) NOT NULL, `display_name` varchar(200) NOT NULL, `password_hash` varchar(300) NOT NULL, `role` enum ('ADMIN', 'MAYOR', 'OPD_HEAD', 'OPD_STAFF', 'EVALUATOR', 'ANALYST') NOT NULL, `opd_id` int NULL, `disabled` tinyint NOT NULL DEFAULT 0, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `IDX_c480e576dd71729addbc2d51b6` (`username`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'ALTER TABLE `contract` ADD CONSTRAINT `FK_8609a510719dc7ea4beb3e8a34d` FOREIGN KEY (`opd_id`) REFERENCES `opd`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `contract` ADD CONSTRAINT `FK_b9254c75fe0b8c15fe5955cf145` FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `mission` ADD CONSTRAINT `FK_26e1ebfe5a47bd0482c541038df` FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `task` ADD CONSTRAINT `FK_cc6e77c551498ea81e7dc3965ab` FOREIGN KEY (`opd_id`) REFERENCES `opd`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `task` ADD CONSTRAINT `FK_5a78341f7a9adead20bec521cda` FOREIGN KEY (`mission_id`) REFERENCES `mission`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `indicator` ADD CONSTRAINT `FK_bd409acfe408cbf472a230731c9` FOREIGN KEY (`task_id`) REFERENCES `task`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `clause` ADD CONSTRAINT `FK_799ee0ebcb4ad06b48252e6b62a` FOREIGN KEY (`contract_id`) REFERENCES `contract`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `clause` ADD CONSTRAINT `FK_d987757d22d616ccd40a8d2daad` FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` ADD CONSTRAINT `FK_523c7e657bc470c3ff54c337521` FOREIGN KEY (`contract_id`) REFERENCES `contract`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `clause_score` ADD CONSTRAINT `FK_64644677ff1cecb128d3ac1acee` FOREIGN KEY (`evaluation_id`) REFERENCES `evaluation`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `indicator_target` ADD CONSTRAINT `FK_aee24e10c440f5e7e44f95ce3bd` FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `mission_assignment` ADD CONSTRAINT `FK_9c8333acc51fd112fb44ed1a932` FOREIGN KEY (`mission_id`) REFERENCES `mission`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `mission_assignment` ADD CONSTRAINT `FK_56e92b399b98322acdc4aadf246` FOREIGN KEY (`opd_id`) REFERENCES `opd`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `realization` ADD CONSTRAINT `FK_be964ab88301dc59e7a4c09319e` FOREIGN KEY (`clause_id`) REFERENCES `clause`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `signature` ADD CONSTRAINT `FK_df65ef2eb8ffa22f044a76160b3` FOREIGN KEY (`contract_id`) REFERENCES `contract`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `app_user` ADD CONSTRAINT `FK_7789c7b560187c04b59b4da3126` FOREIGN KEY (`opd_id`) REFERENCES `opd`(`id`) ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `app_user` DROP FOREIGN KEY `FK_7789c7b560187c04b59b4da3126`',
    );
    await queryRunner.query(
      'ALTER TABLE `signature` DROP FOREIGN KEY `FK_df65ef2eb8ffa22f044a76160b3`',
    );
    await queryRunner.query(
      'ALTER TABLE `realization` DROP FOREIGN KEY `FK_be964ab88301dc59e7a4c09319e`',
    );
    await queryRunner.query(
      'ALTER TABLE `mission_assignment` DROP FOREIGN KEY `FK_56e92b399b98322acdc4aadf246`',
    );
    await queryRunner.query(
      'ALTER TABLE `mission_assignment` DROP FOREIGN KEY `FK_9c8333acc51fd112fb44ed1a932`',
    );
    await queryRunner.query(
      'ALTER TABLE `indicator_target` DROP FOREIGN KEY `FK_aee24e10c440f5e7e44f95ce3bd`',
    );
    await queryRunner.query(
      'ALTER TABLE `clause_score` DROP FOREIGN KEY `FK_64644677ff1cecb128d3ac1acee`',
    );
    await queryRunner.query(
      'ALTER TABLE `evaluation` DROP FOREIGN KEY `FK_523c7e657bc470c3ff54c337521`',
    );
    await queryRunner.query(
      'ALTER TABLE `clause` DROP FOREIGN KEY `FK_d987757d22d616ccd40a8d2daad`',
    );
    await queryRunner.query(
      'ALTER TABLE `clause` DROP FOREIGN KEY `FK_799ee0ebcb4ad06b48252e6b62a`',
    );
    await queryRunner.query(
      'ALTER TABLE `indicator` DROP FOREIGN KEY `FK_bd409acfe408cbf472a230731c9`',
    );
    await queryRunner.query('ALTER TABLE `task` DROP FOREIGN KEY `FK_5a78341f7a9adead20bec521cda`');
    await queryRunner.query('ALTER TABLE `task` DROP FOREIGN KEY `FK_cc6e77c551498ea81e7dc3965ab`');
    await queryRunner.query(
      'ALTER TABLE `mission` DROP FOREIGN KEY `FK_26e1ebfe5a47bd0482c541038df`',
    );
    await queryRunner.query(
      'ALTER TABLE `contract` DROP FOREIGN KEY `FK_b9254c75fe0b8c15fe5955cf145`',
    );
    await queryRunner.query(
      'ALTER TABLE `contract` DROP FOREIGN KEY `FK_8609a510719dc7ea4beb3e8a34d`',
    );
    await queryRunner.query('DROP INDEX `IDX_c480e576dd71729addbc2d51b6` ON `app_user`');
    await queryRunner.query('DROP TABLE `app_user`');
    await queryRunner.query('DROP INDEX `IDX_0ea6c892a3773cde784f00adac` ON `signature`');
    await queryRunner.query('DROP TABLE `signature`');
    await queryRunner.query('DROP INDEX `IDX_50ff2b5d48837bf4ad9d1f81f4` ON `realization`');
    await queryRunner.query('DROP TABLE `realization`');
    await queryRunner.query('DROP INDEX `IDX_2f77eaf522a9a96815a96358ce` ON `mission_assignment`');
    await queryRunner.query('DROP INDEX `IDX_56e92b399b98322acdc4aadf24` ON `mission_assignment`');
    await queryRunner.query('DROP TABLE `mission_assignment`');
    await queryRunner.query('DROP INDEX `IDX_1740e90fed0c0a2b2d1e67f83e` ON `indicator_target`');
    await queryRunner.query('DROP TABLE `indicator_target`');
    await queryRunner.query('DROP INDEX `IDX_f42612db7eb190564dae4c127c` ON `clause_score`');
    await queryRunner.query('DROP TABLE `clause_score`');
    await queryRunner.query('DROP INDEX `REL_523c7e657bc470c3ff54c33752` ON `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_523c7e657bc470c3ff54c33752` ON `evaluation`');
    await queryRunner.query('DROP TABLE `evaluation`');
    await queryRunner.query('DROP INDEX `IDX_3f0e55e1a6eb7a9023475f9129` ON `clause`');
    await queryRunner.query('DROP INDEX `IDX_d987757d22d616ccd40a8d2daa` ON `clause`');
    await queryRunner.query('DROP TABLE `clause`');
    await queryRunner.query('DROP INDEX `IDX_bd409acfe408cbf472a230731c` ON `indicator`');
    await queryRunner.query('DROP TABLE `indicator`');
    await queryRunner.query('DROP INDEX `IDX_5a78341f7a9adead20bec521cd` ON `task`');
    await queryRunner.query('DROP INDEX `IDX_cc6e77c551498ea81e7dc3965a` ON `task`');
    await queryRunner.query('DROP TABLE `task`');
    await queryRunner.query('DROP INDEX `IDX_705bb6dda3c6fc7d713a6ad24e` ON `mission`');
    await queryRunner.query('DROP TABLE `mission`');
    await queryRunner.query('DROP INDEX `IDX_a38fb39c2ce867bfd8a068d20f` ON `contract`');
    await queryRunner.query('DROP INDEX `IDX_1d18b5f0a5c1e0ed13c1bd9c25` ON `contract`');
    await queryRunner.query('DROP TABLE `contract`');
    await queryRunner.query('DROP INDEX `IDX_e405cbb23fb08931a48ad8c2bd` ON `plan`');
    await queryRunner.query('DROP TABLE `plan`');
    await queryRunner.query('DROP INDEX `IDX_55a160a7e2981c19ca9b6cebfb` ON `opd`');
    await queryRunner.query('DROP TABLE `opd`');
    await queryRunner.query('DROP INDEX `IDX_c0ea392536b5c4cba7012b6f7b` ON `audit_event`');
    await queryRunner.query('DROP TABLE `audit_event`');
  }
}
