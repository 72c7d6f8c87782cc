import { Field, Int, ObjectType } from 'type-graphql';
import { ProjectionStatus } from '../../scoring/projection';
import { MinimizeFormula } from '../../scoring/types';
import { RealizationSource, RiskBasis } from '../../services/projection.service';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { BaselineType, TargetType } from './target.type';

@ObjectType('ProjectionPoint', { description: 'One plan year of an indicator.' })
export class ProjectionPointType {
  @Field(() => Int, { description: 'Plan year.' })
  year: number;

  @Field(() => TargetType, { nullable: true, description: 'Target for the year, if set.' })
  target: TargetType | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Realised yearly value; null when the year has none yet.',
  })
  realization: string | null;

  @Field(() => RealizationSource, { nullable: true, description: 'Where the value comes from.' })
  source: RealizationSource | null;
}

@ObjectType('IndicatorProjection', {
  description:
    'Projection of an indicator to the plan end year: the least-squares line through the ' +
    'baseline and the realised years, and the attainment of its end-year value.',
})
export class IndicatorProjectionType {
  @Field(() => BaselineType, { description: 'Starting point (titik nol).' })
  baseline: BaselineType;

  @Field(() => [ProjectionPointType], { description: 'Every plan year, first to last.' })
  points: ProjectionPointType[];

  @Field(() => Int, { description: 'Plan end year the projection aims at.' })
  endYear: number;

  @Field(() => TargetType, { description: 'End target (titik akhir).' })
  endTarget: TargetType;

  @Field(() => MinimizeFormula, {
    nullable: true,
    description: 'Formula of the projected attainment; null unless MINIMIZE.',
  })
  minimizeFormula: MinimizeFormula | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Yearly change of the fitted line, 4 decimals; null without data.',
  })
  slope: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Value of the fitted line at the end year, 4 decimals; null without data.',
  })
  projectedValue: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Attainment of the projected value, floored at 0, not capped, 2 decimals.',
  })
  projectedAttainment: string | null;

  @Field(() => ProjectionStatus, { description: 'ON_TRACK, AT_RISK, OFF_TRACK or no data.' })
  status: ProjectionStatus;
}

@ObjectType('AtRiskIndicator', { description: 'An indicator that is AT_RISK or OFF_TRACK.' })
export class AtRiskIndicatorType {
  @Field(() => ProjectionStatus, { description: 'AT_RISK or OFF_TRACK.' })
  status: ProjectionStatus;

  @Field(() => RiskBasis, { description: 'Projection to the end year, or quarter to date.' })
  basis: RiskBasis;

  @Field(() => DecimalScalar, {
    description: 'Projected attainment, or attainment to date, 2 decimals.',
  })
  attainment: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Projected end-year value, 4 decimals; null for QUARTER_TO_DATE.',
  })
  projectedValue: string | null;

  @Field(() => Int, { nullable: true, description: 'Last quarter counted, for QUARTER_TO_DATE.' })
  upToQuarter: number | null;
}
