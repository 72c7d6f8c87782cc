import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { decimalColumn } from './columns';
import { Indicator } from './indicator.entity';

/** Target of an indicator for one plan year: a value, or a band for STABILIZE. */
@Entity('indicator_target')
@Index(['indicatorId', 'year'], { unique: true })
export class IndicatorTarget {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  indicatorId: number;

  @ManyToOne(() => Indicator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: Relation<Indicator>;

  @Column('int')
  year: number;

  @Column(decimalColumn({ nullable: true }))
  value: string | null;

  @Column(decimalColumn({ nullable: true }))
  lower: string | null;

  @Column(decimalColumn({ nullable: true }))
  upper: string | null;
}
