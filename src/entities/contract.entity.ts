import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { timestampColumn } from './columns';
import { AmendmentReason, ContractStatus } from './enums';
import { Opd } from './opd.entity';
import { Plan } from './plan.entity';

/**
 * One version of the yearly performance contract (kontrak lelang, Perjanjian Kinerja) between
 * the mayor and an OPD. The unique (OPD, year, version) index lets the database, not the
 * application, reject a second contract for the same OPD and year.
 */
@Entity('contract')
@Index(['opdId', 'year', 'version'], { unique: true })
@Index(['planId', 'year', 'status'])
export class Contract {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  opdId: number;

  @ManyToOne(() => Opd, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opd_id' })
  opd?: Relation<Opd>;

  @Column('int')
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column('int')
  year: number;

  @Column('int')
  version: number;

  @Column({ type: 'simple-enum', enum: ContractStatus })
  status: ContractStatus;

  /** SHA-256 of the canonical clauses, fixed by the first signature. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  contentHash: string | null;

  @Column({ type: 'simple-enum', enum: AmendmentReason, nullable: true })
  amendmentReason: AmendmentReason | null;

  @Column({ type: 'text', nullable: true })
  amendmentNote: string | null;

  @Column({ type: 'int', nullable: true })
  previousVersionId: number | null;

  @Column('int')
  offeredById: number;

  @Column(timestampColumn())
  offeredAt: Date;

  @Column(timestampColumn({ nullable: true }))
  bidAt: Date | null;

  @Column(timestampColumn({ nullable: true }))
  signedAt: Date | null;

  /** User who withdrew this amendment, or null unless the status is WITHDRAWN. */
  @Column({ type: 'int', nullable: true })
  withdrawnById: number | null;

  @Column(timestampColumn({ nullable: true }))
  withdrawnAt: Date | null;

  /** Reason for the withdrawal, in the words of the user who withdrew the amendment. */
  @Column({ type: 'text', nullable: true })
  withdrawalNote: string | null;
}
