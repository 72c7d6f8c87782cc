import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ClauseScoreFlag, MinimizeFormula, Polarity } from '../scoring/types';
import { decimalColumn } from './columns';
import { Evaluation } from './evaluation.entity';

/**
 * Stored score of one clause in an evaluation, with every input of its formula, so a score
 * stays explainable after the underlying data changes.
 */
@Entity('clause_score')
@Index(['evaluationId', 'clauseId'], { unique: true })
export class ClauseScoreRecord {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  evaluationId: number;

  @ManyToOne(() => Evaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id' })
  evaluation?: Relation<Evaluation>;

  @Column('int')
  clauseId: number;

  @Column({ type: 'simple-enum', enum: Polarity })
  polarity: Polarity;

  /** Formula used; null unless the polarity is MINIMIZE. */
  @Column({ type: 'simple-enum', enum: MinimizeFormula, nullable: true })
  minimizeFormula: MinimizeFormula | null;

  @Column(decimalColumn({ precision: 7, scale: 4 }))
  weight: string;

  @Column(decimalColumn({ nullable: true }))
  targetValue: string | null;

  @Column(decimalColumn({ nullable: true }))
  targetLower: string | null;

  @Column(decimalColumn({ nullable: true }))
  targetUpper: string | null;

  @Column(decimalColumn({ nullable: true }))
  realizationValue: string | null;

  /**
   * Formula result floored at 0, before the cap; null when the realisation is missing. A tiny
   * target against a huge realisation gives up to 23 integer digits, which DECIMAL(32, 8) holds.
   */
  @Column(decimalColumn({ precision: 32, scale: 8, nullable: true }))
  rawAttainment: string | null;

  /** Attainment the contract score used: the capped value, or 0 when missing. */
  @Column(decimalColumn({ precision: 24, scale: 8 }))
  scoredAttainment: string;

  @Column('simple-json')
  flags: ClauseScoreFlag[];

  @Column('text')
  explanation: string;

  /** Ids of the realisations the score used. */
  @Column('simple-json')
  realizationIds: number[];
}
