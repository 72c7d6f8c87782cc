import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Clause } from './clause.entity';
import { decimalColumn, timestampColumn } from './columns';
import { RealizationStatus } from './enums';

/**
 * Reported value of a clause for one quarter, with its evidence (data dukung). Rows are never
 * overwritten: a RETURNED value stays as history. `activeKey` is 1 while the value counts
 * (SUBMITTED or VERIFIED) and null once RETURNED, so the unique index allows one counted value
 * per clause and quarter however many were returned.
 */
@Entity('realization')
@Index(['clauseId', 'quarter', 'activeKey'], { unique: true })
export class Realization {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  clauseId: number;

  @ManyToOne(() => Clause, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clause_id' })
  clause?: Relation<Clause>;

  @Column('int')
  quarter: number;

  @Column(decimalColumn())
  value: string;

  @Column({ length: 500 })
  dataSource: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  documentUrl: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'simple-enum', enum: RealizationStatus })
  status: RealizationStatus;

  @Column({ type: 'int', nullable: true })
  activeKey: number | null;

  @Column('int')
  submittedById: number;

  @Column(timestampColumn())
  submittedAt: Date;

  @Column({ type: 'int', nullable: true })
  reviewedById: number | null;

  @Column(timestampColumn({ nullable: true }))
  reviewedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reviewNote: string | null;
}
