import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Mission } from './mission.entity';
import { Opd } from './opd.entity';

/** Assignment of an OPD to a mission it serves; each pair appears once. */
@Entity('mission_assignment')
@Index(['missionId', 'opdId'], { unique: true })
export class MissionAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  missionId: number;

  @ManyToOne(() => Mission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mission_id' })
  mission?: Relation<Mission>;

  @Index()
  @Column('int')
  opdId: number;

  @ManyToOne(() => Opd, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opd_id' })
  opd?: Relation<Opd>;
}
