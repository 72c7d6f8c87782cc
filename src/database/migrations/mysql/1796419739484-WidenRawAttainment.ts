import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WidenRawAttainment1796419739484 implements MigrationInterface {
  name = 'WidenRawAttainment1796419739484';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `clause_score` CHANGE `raw_attainment` `raw_attainment` decimal(32,8) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `clause_score` CHANGE `raw_attainment` `raw_attainment` decimal(24,8) NULL',
    );
  }
}
