import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Accumulation, MinimizeFormula, Polarity } from '../scoring/types';
import { decimalColumn } from './columns';
import { Task } from './task.entity';

/**
 * Achievement indicator (indikator capaian) of a task. The end target is one value, or a band
 * (lower and upper) for STABILIZE. A null minimize formula means the plan's policy decides.
 */
@Entity('indicator')
export class Indicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column('int')
  taskId: number;

  @ManyToOne(() => Task, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'task_id' })
  task?: Relation<Task>;

  @Column({ length: 300 })
  name: string;

  @Column({ length: 60 })
  unit: string;

  @Column('text')
  definition: string;

  @Column({ length: 500 })
  dataSource: string;

  @Column({ type: 'simple-enum', enum: Polarity })
  polarity: Polarity;

  @Column({ type: 'simple-enum', enum: Accumulation })
  accumulation: Accumulation;

  @Column({ type: 'simple-enum', enum: MinimizeFormula, nullable: true })
  minimizeFormula: MinimizeFormula | null;

  @Column('int')
  baselineYear: number;

  @Column(decimalColumn())
  baselineValue: string;

  @Column(decimalColumn({ nullable: true }))
  endTargetValue: string | null;

  @Column(decimalColumn({ nullable: true }))
  endTargetLower: string | null;

  @Column(decimalColumn({ nullable: true }))
  endTargetUpper: string | null;
}
