import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Plan } from './plan.entity';

/** Numbered mission (misi) of a plan; the number is unique within the plan. */
@Entity('mission')
@Index(['planId', 'number'], { unique: true })
export class Mission {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  planId: number;

  @ManyToOne(() => Plan, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @Column('int')
  number: number;

  @Column({ length: 500 })
  title: string;

  @Column('text')
  description: string;
}
