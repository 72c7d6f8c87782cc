import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Mission } from './mission.entity';
import { Opd } from './opd.entity';

/** Duty (uraian tugas) of an OPD under one of the missions it is assigned to. */
@Entity('task')
export class Task {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column('int')
  opdId: number;

  @ManyToOne(() => Opd, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opd_id' })
  opd?: Relation<Opd>;

  @Index()
  @Column('int')
  missionId: number;

  @ManyToOne(() => Mission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mission_id' })
  mission?: Relation<Mission>;

  @Column('text')
  description: string;
}
