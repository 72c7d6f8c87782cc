import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { timestampColumn } from './columns';
import { Role } from './enums';
import { Opd } from './opd.entity';

/** Person who signs in. OPD roles carry the OPD they act for; other roles have none. */
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 80, unique: true })
  username: string;

  @Column({ length: 200 })
  displayName: string;

  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`; never sent or logged. */
  @Column({ length: 300 })
  passwordHash: string;

  @Column({ type: 'simple-enum', enum: Role })
  role: Role;

  @Column({ type: 'int', nullable: true })
  opdId: number | null;

  @ManyToOne(() => Opd, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opd_id' })
  opd?: Relation<Opd>;

  @Column({ default: false })
  disabled: boolean;

  @Column(timestampColumn())
  createdAt: Date;

  /**
   * Whole second after the last password change or reset, or null if the password never changed.
   * Bearer tokens issued (iat) before it are rejected; see src/auth/password-change.ts.
   */
  @Column(timestampColumn({ nullable: true }))
  passwordChangedAt: Date | null;
}
