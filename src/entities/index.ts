import { AuditEvent } from './audit-event.entity';
import { Clause } from './clause.entity';
import { ClauseScoreRecord } from './clause-score.entity';
import { Contract } from './contract.entity';
import { Evaluation } from './evaluation.entity';
import { Indicator } from './indicator.entity';
import { IndicatorTarget } from './indicator-target.entity';
import { Mission } from './mission.entity';
import { MissionAssignment } from './mission-assignment.entity';
import { Opd } from './opd.entity';
import { Plan } from './plan.entity';
import { Realization } from './realization.entity';
import { Signature } from './signature.entity';
import { Task } from './task.entity';
import { User } from './user.entity';

export {
  AuditEvent,
  Clause,
  ClauseScoreRecord,
  Contract,
  Evaluation,
  Indicator,
  IndicatorTarget,
  Mission,
  MissionAssignment,
  Opd,
  Plan,
  Realization,
  Signature,
  Task,
  User,
};

/** Every entity class, in the order the data source registers them. */
export const ENTITIES = [
  Plan,
  Mission,
  Opd,
  MissionAssignment,
  Task,
  Indicator,
  IndicatorTarget,
  Contract,
  Clause,
  Signature,
  Realization,
  Evaluation,
  ClauseScoreRecord,
  User,
  AuditEvent,
];
