import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ScoringPolicy } from '../scoring/policy';
import { timestampColumn } from './columns';

/** Five-year regional mid-term plan (RPJMD) with the scoring policy for its contracts. */
@Entity('plan')
export class Plan {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 40, unique: true })
  code: string;

  @Column({ length: 300 })
  title: string;

  @Column({ length: 200 })
  governmentName: string;

  @Column('int')
  startYear: number;

  @Column('int')
  endYear: number;

  @Column('text')
  vision: string;

  @Column('simple-json')
  scoringPolicy: ScoringPolicy;

  @Column(timestampColumn())
  createdAt: Date;
}
