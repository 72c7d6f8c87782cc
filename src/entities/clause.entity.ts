import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { decimalColumn } from './columns';
import { Contract } from './contract.entity';
import { Indicator } from './indicator.entity';

/**
 * Clause of a contract: one indicator with its weight (bobot), the offered target and the
 * committed target. Targets are one value, or a band (lower and upper) for STABILIZE.
 */
@Entity('clause')
@Index(['contractId', 'indicatorId'], { unique: true })
export class Clause {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  contractId: number;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  @Index()
  @Column('int')
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  /** Share of the contract score in percent; the weights of a contract sum to 100. */
  @Column(decimalColumn({ precision: 7, scale: 4 }))
  weight: string;

  @Column(decimalColumn({ nullable: true }))
  offeredValue: string | null;

  @Column(decimalColumn({ nullable: true }))
  offeredLower: string | null;

  @Column(decimalColumn({ nullable: true }))
  offeredUpper: string | null;

  @Column(decimalColumn({ nullable: true }))
  committedValue: string | null;

  @Column(decimalColumn({ nullable: true }))
  committedLower: string | null;

  @Column(decimalColumn({ nullable: true }))
  committedUpper: string | null;

  @Column({ type: 'text', nullable: true })
  justification: string | null;

  /** Four decimal strings, one per quarter, or null when the clause has none. */
  @Column({ type: 'simple-json', nullable: true })
  quarterlyTargets: string[] | null;

  /** Budget in rupiah (IDR). */
  @Column(decimalColumn({ precision: 18, scale: 2, nullable: true }))
  budget: string | null;
}
