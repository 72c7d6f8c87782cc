import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { timestampColumn } from './columns';
import { Contract } from './contract.entity';
import { SignatoryRole } from './enums';

/** Signature of one party; the unique (contract, role) index allows one per role. */
@Entity('signature')
@Index(['contractId', 'role'], { unique: true })
export class Signature {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  contractId: number;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  @Column({ type: 'simple-enum', enum: SignatoryRole })
  role: SignatoryRole;

  @Column('int')
  userId: number;

  @Column(timestampColumn())
  signedAt: Date;

  /** Content hash of the clauses as they were when this party signed. */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;
}
