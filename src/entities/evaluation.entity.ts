import { Column, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Outcome, Rating } from '../scoring/types';
import { fixedDecimalColumn, timestampColumn } from './columns';
import { Contract } from './contract.entity';
import { EvaluationStatus } from './enums';

/**
 * Yearly evaluation of one contract version. DRAFT may be scored again; FINAL locks the score
 * and the contract's realisations. The mayor's decision is recorded apart from the policy's
 * recommendation, so the two may differ visibly.
 */
@Entity('evaluation')
export class Evaluation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', unique: true })
  contractId: number;

  @OneToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  @Column({ type: 'simple-enum', enum: EvaluationStatus })
  status: EvaluationStatus;

  @Column(fixedDecimalColumn(7, 2))
  score: string;

  @Column({ type: 'simple-enum', enum: Rating })
  rating: Rating;

  @Column({ type: 'simple-enum', enum: Outcome })
  outcome: Outcome;

  @Column({ type: 'varchar', length: 60, nullable: true })
  recommendation: string | null;

  @Column('int')
  scoredById: number;

  @Column(timestampColumn())
  scoredAt: Date;

  @Column({ type: 'int', nullable: true })
  finalizedById: number | null;

  @Column(timestampColumn({ nullable: true }))
  finalizedAt: Date | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  decision: string | null;

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ type: 'int', nullable: true })
  decidedById: number | null;

  @Column(timestampColumn({ nullable: true }))
  decidedAt: Date | null;
}
