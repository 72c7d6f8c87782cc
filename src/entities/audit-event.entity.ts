import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { timestampColumn } from './columns';
import { Role } from './enums';

/** Record of one successful mutation, written in the same transaction as the change. */
@Entity('audit_event')
@Index(['entityType', 'entityId'])
export class AuditEvent {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Column({ type: 'simple-enum', enum: Role, nullable: true })
  actorRole: Role | null;

  /** Mutation name, for example "signContract". */
  @Column({ length: 60 })
  action: string;

  @Column({ length: 40 })
  entityType: string;

  @Column('int')
  entityId: number;

  @Column(timestampColumn())
  occurredAt: Date;

  /** SHA-256 of the canonical JSON of the mutation input, secrets removed. */
  @Column({ type: 'varchar', length: 64 })
  inputDigest: string;
}
