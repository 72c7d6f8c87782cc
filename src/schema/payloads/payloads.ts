import { Field, ObjectType } from 'type-graphql';
import type {
  Contract,
  Evaluation,
  Indicator,
  Mission,
  Opd,
  Plan,
  Realization,
  Signature,
  Task,
  User,
} from '../../entities';
import { ContractType } from '../types/contract.type';
import { EvaluationType } from '../types/evaluation.type';
import { IndicatorType } from '../types/indicator.type';
import { MissionType } from '../types/mission.type';
import { OpdType } from '../types/opd.type';
import { PlanType } from '../types/plan.type';
import { RealizationType } from '../types/realization.type';
import { SignatureType } from '../types/signature.type';
import { TaskType } from '../types/task.type';
import { UserType } from '../types/user.type';
import { UserErrorType } from './user-error.type';

@ObjectType()
export abstract class MutationPayload {
  @Field(() => [UserErrorType], {
    description: 'Business rules the input broke; empty on success.',
  })
  userErrors: UserErrorType[];
}

@ObjectType('LoginPayload', { description: 'Result of login.' })
export class LoginPayload extends MutationPayload {
  @Field(() => String, {
    nullable: true,
    description: 'Bearer token for the Authorization header.',
  })
  token: string | null;

  @Field(() => Date, { nullable: true, description: 'When the token expires.' })
  expiresAt: Date | null;

  @Field(() => UserType, { nullable: true, description: 'The signed-in user.' })
  user: User | null;
}

@ObjectType('CreateUserPayload', { description: 'Result of createUser.' })
export class CreateUserPayload extends MutationPayload {
  @Field(() => UserType, { nullable: true, description: 'The new user.' })
  user: User | null;
}

@ObjectType('SetUserDisabledPayload', { description: 'Result of setUserDisabled.' })
export class SetUserDisabledPayload extends MutationPayload {
  @Field(() => UserType, { nullable: true, description: 'The user with its new state.' })
  user: User | null;
}

@ObjectType('ChangePasswordPayload', { description: 'Result of changePassword.' })
export class ChangePasswordPayload extends MutationPayload {
  @Field(() => String, {
    nullable: true,
    description:
      'New bearer token for the Authorization header. Tokens issued before the change, ' +
      'including the one this request was sent with, no longer work.',
  })
  token: string | null;

  @Field(() => Date, { nullable: true, description: 'When the new token expires.' })
  expiresAt: Date | null;

  @Field(() => UserType, { nullable: true, description: 'The signed-in user.' })
  user: User | null;
}

@ObjectType('ResetUserPasswordPayload', { description: 'Result of resetUserPassword.' })
export class ResetUserPasswordPayload extends MutationPayload {
  @Field(() => UserType, { nullable: true, description: 'The user whose password was reset.' })
  user: User | null;
}

@ObjectType('CreatePlanPayload', { description: 'Result of createPlan.' })
export class CreatePlanPayload extends MutationPayload {
  @Field(() => PlanType, { nullable: true, description: 'The new plan.' })
  plan: Plan | null;
}

@ObjectType('CreateMissionPayload', { description: 'Result of createMission.' })
export class CreateMissionPayload extends MutationPayload {
  @Field(() => MissionType, { nullable: true, description: 'The new mission.' })
  mission: Mission | null;
}

@ObjectType('CreateOpdPayload', { description: 'Result of createOpd.' })
export class CreateOpdPayload extends MutationPayload {
  @Field(() => OpdType, { nullable: true, description: 'The new OPD.' })
  opd: Opd | null;
}

@ObjectType('AssignOpdToMissionPayload', { description: 'Result of assignOpdToMission.' })
export class AssignOpdToMissionPayload extends MutationPayload {
  @Field(() => OpdType, { nullable: true, description: 'The OPD, now assigned.' })
  opd: Opd | null;

  @Field(() => MissionType, { nullable: true, description: 'The mission.' })
  mission: Mission | null;
}

@ObjectType('CreateTaskPayload', { description: 'Result of createTask.' })
export class CreateTaskPayload extends MutationPayload {
  @Field(() => TaskType, { nullable: true, description: 'The new task.' })
  task: Task | null;
}

@ObjectType('CreateIndicatorPayload', { description: 'Result of createIndicator.' })
export class CreateIndicatorPayload extends MutationPayload {
  @Field(() => IndicatorType, { nullable: true, description: 'The new indicator.' })
  indicator: Indicator | null;
}

@ObjectType('ContractPayload', {
  description: 'Result of a mutation that changes a contract (offer, bid).',
})
export class ContractPayload extends MutationPayload {
  @Field(() => ContractType, { nullable: true, description: 'The contract after the change.' })
  contract: Contract | null;
}

@ObjectType('SignContractPayload', { description: 'Result of signContract.' })
export class SignContractPayload extends MutationPayload {
  @Field(() => ContractType, { nullable: true, description: 'The contract after signing.' })
  contract: Contract | null;

  @Field(() => SignatureType, { nullable: true, description: 'The new signature.' })
  signature: Signature | null;
}

@ObjectType('SubmitRealizationPayload', { description: 'Result of submitRealization.' })
export class SubmitRealizationPayload extends MutationPayload {
  @Field(() => RealizationType, { nullable: true, description: 'The stored realisation.' })
  realization: Realization | null;
}

@ObjectType('EvaluationPayload', {
  description: 'Result of a mutation that changes an evaluation (score, finalise).',
})
export class EvaluationPayload extends MutationPayload {
  @Field(() => EvaluationType, { nullable: true, description: 'The evaluation after the change.' })
  evaluation: Evaluation | null;
}

@ObjectType('ReviewRealizationPayload', { description: 'Result of reviewRealization.' })
export class ReviewRealizationPayload extends MutationPayload {
  @Field(() => RealizationType, { nullable: true, description: 'The reviewed realisation.' })
  realization: Realization | null;
}
