import { IsOptional, Max, Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ContractStatus } from '../../entities/enums';
import { Clause, Contract, Evaluation, Opd, Plan, Signature, User } from '../../entities';
import type { ContractVerification, OfferClauseData } from '../../services/contract.service';
import { ConnectionResult } from '../../services/pagination';
import { LiveContractScore } from '../../services/score.service';
import { GraphQLContext } from '../context';
import { MAX_YEAR, MIN_YEAR } from '../inputs/common.input';
import {
  AmendContractInput,
  BidContractInput,
  OfferClauseInput,
  OfferContractInput,
  ReviseOfferInput,
  SignContractInput,
  WithdrawAmendmentInput,
} from '../inputs/contract.input';
import { runMutation } from '../mutation';
import { ContractPayload, SignContractPayload } from '../payloads/payloads';
import { ConnectionArgs } from '../relay/connection-args';
import { connectionComplexity } from '../relay/connection-complexity';
import { decodeId, decodeOptionalId } from '../relay/global-id';
import { ClauseType } from '../types/clause.type';
import { ContractConnection } from '../types/connections';
import { ContractType } from '../types/contract.type';
import { EvaluationType } from '../types/evaluation.type';
import { ContractProgressType } from '../types/live-score.type';
import { OpdType } from '../types/opd.type';
import { PlanType } from '../types/plan.type';
import { SignatureType } from '../types/signature.type';
import { UserType } from '../types/user.type';
import { ContractVerificationType } from '../types/verification.type';
import { QuarterArg } from './quarter.arg';

@ArgsType()
class ContractsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Only contracts of this plan.' })
  @IsOptional()
  planId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only contracts of this year.' })
  @IsOptional()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number | null;

  @Field(() => ContractStatus, { nullable: true, description: 'Only contracts in this stage.' })
  @IsOptional()
  status?: ContractStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only contracts of this OPD.' })
  @IsOptional()
  opdId?: string | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also list SUPERSEDED versions; by default only versions in force or in progress.',
  })
  includeSuperseded: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Also list WITHDRAWN amendments; by default they are left out.',
  })
  includeWithdrawn: boolean;
}

@Resolver(() => ContractType)
export class ContractResolver {
  @Authorized()
  @Query(() => ContractConnection, {
    complexity: connectionComplexity,
    description:
      'Contract versions, by ID, filtered by plan, year, status and OPD; superseded and ' +
      'withdrawn versions only on request.',
  })
  contracts(
    @Args(() => ContractsArgs) args: ContractsArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<Contract>> {
    const filter = {
      planId: decodeOptionalId(args.planId, 'Plan', 'planId'),
      year: args.year ?? null,
      status: args.status ?? null,
      opdId: decodeOptionalId(args.opdId, 'Opd', 'opdId'),
      includeSuperseded: args.includeSuperseded,
      includeWithdrawn: args.includeWithdrawn,
    };
    return context.services.contracts.listContracts(filter, args);
  }

  @Authorized()
  @Query(() => ContractType, { nullable: true, description: 'A contract by ID; null if none.' })
  contract(
    @Arg('id', () => ID, { description: 'Global ID of the contract.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Contract | null> {
    return context.loaders.contract.load(decodeId(id, 'Contract', 'id'));
  }

  @Authorized()
  @Mutation(() => ContractPayload, {
    description:
      'Offers targets and weights (tawaran target) to one OPD for one year (ADMIN or MAYOR).',
  })
  offerContract(
    @Arg('input', () => OfferContractInput, { description: 'Input of the mutation.' })
    input: OfferContractInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ContractPayload> {
    const data = {
      planId: decodeId(input.planId, 'Plan', 'planId'),
      opdId: decodeId(input.opdId, 'Opd', 'opdId'),
      year: input.year,
      clauses: input.clauses.map(toOfferClause),
    };
    return runMutation(context, {
      action: 'offerContract',
      input,
      work: (manager, actor) => context.services.contracts.offer(manager, actor, data),
      toPayload: (contract) => ({ contract }),
      emptyPayload: { contract: null },
    });
  }

  @Authorized()
  @Mutation(() => ContractPayload, {
    description:
      'Commits the OPD targets (penawaran) for every clause; allowed for the OPD own users ' +
      'until the first signature.',
  })
  bidContract(
    @Arg('input', () => BidContractInput, { description: 'Input of the mutation.' })
    input: BidContractInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ContractPayload> {
    const data = {
      contractId: decodeId(input.contractId, 'Contract', 'contractId'),
      clauses: input.clauses.map((clause, index) => ({
        clauseId: decodeId(clause.clauseId, 'Clause', `clauses[${index}].clauseId`),
        committedTarget: { ...clause.committedTarget },
        justification: clause.justification,
        quarterlyTargets: clause.quarterlyTargets ?? null,
      })),
    };
    return runMutation(context, {
      action: 'bidContract',
      input,
      work: (manager, actor) => context.services.contracts.bid(manager, actor, data),
      toPayload: (contract) => ({ contract }),
      emptyPayload: { contract: null },
    });
  }

  @Authorized()
  @Mutation(() => SignContractPayload, {
    description:
      'Signs a contract as the caller party: MAYOR, or OPD_HEAD of the contract OPD. The ' +
      'first signature freezes the clauses; the second makes the contract SIGNED.',
  })
  signContract(
    @Arg('input', () => SignContractInput, { description: 'Input of the mutation.' })
    input: SignContractInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SignContractPayload> {
    const contractId = decodeId(input.contractId, 'Contract', 'contractId');
    return runMutation(context, {
      action: 'signContract',
      input,
      work: (manager, actor) => context.services.contracts.sign(manager, actor, contractId),
      toPayload: (result) => result,
      emptyPayload: { contract: null, signature: null },
      describe: (result) => ({ entity: result.contract }),
    });
  }

  @Authorized()
  @Mutation(() => ContractPayload, {
    description:
      'Amends a SIGNED contract (ADMIN or MAYOR) for a legal reason: creates the next version ' +
      'as OFFERED with the clauses copied; the current version stays in force until the new ' +
      'one is SIGNED, then becomes SUPERSEDED and its realisations carry over, or until the ' +
      'new one is withdrawn.',
  })
  amendContract(
    @Arg('input', () => AmendContractInput, { description: 'Input of the mutation.' })
    input: AmendContractInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ContractPayload> {
    const contractId = decodeId(input.contractId, 'Contract', 'contractId');
    return runMutation(context, {
      action: 'amendContract',
      input,
      work: (manager, actor) =>
        context.services.amendments.amend(manager, actor, {
          contractId,
          reason: input.reason,
          note: input.note,
        }),
      toPayload: (contract) => ({ contract }),
      emptyPayload: { contract: null },
    });
  }

  @Authorized()
  @Mutation(() => ContractPayload, {
    description:
      'Withdraws an amendment that both parties have not signed yet (ADMIN or MAYOR): the ' +
      'version becomes WITHDRAWN and read-only, keeping its clauses, bid and signatures; the ' +
      'version it amends stays SIGNED and in force and may be finalised or amended again.',
  })
  withdrawAmendment(
    @Arg('input', () => WithdrawAmendmentInput, { description: 'Input of the mutation.' })
    input: WithdrawAmendmentInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ContractPayload> {
    const contractId = decodeId(input.contractId, 'Contract', 'contractId');
    return runMutation(context, {
      action: 'withdrawAmendment',
      input,
      work: (manager, actor) =>
        context.services.amendments.withdraw(manager, actor, { contractId, note: input.note }),
      toPayload: (contract) => ({ contract }),
      emptyPayload: { contract: null },
    });
  }

  @Authorized()
  @Mutation(() => ContractPayload, {
    description:
      'Replaces the clauses of an OFFERED or BID contract (ADMIN or MAYOR) with the rules of ' +
      'an offer; the contract returns to OFFERED and the OPD bids again.',
  })
  reviseOffer(
    @Arg('input', () => ReviseOfferInput, { description: 'Input of the mutation.' })
    input: ReviseOfferInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ContractPayload> {
    const data = {
      contractId: decodeId(input.contractId, 'Contract', 'contractId'),
      clauses: input.clauses.map(toOfferClause),
    };
    return runMutation(context, {
      action: 'reviseOffer',
      input,
      work: (manager, actor) => context.services.contracts.reviseOffer(manager, actor, data),
      toPayload: (contract) => ({ contract }),
      emptyPayload: { contract: null },
    });
  }

  @Authorized()
  @Query(() => ContractVerificationType, {
    description:
      'Recomputes the content hash of a contract and compares it with what each party ' +
      'signed, to detect clauses changed behind the API.',
  })
  async verifyContract(
    @Arg('id', () => ID, { description: 'Global ID of the contract.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ContractVerification> {
    return context.services.contracts.verify(decodeId(id, 'Contract', 'id'));
  }

  @FieldResolver(() => [ContractType], {
    description: 'Every version of this contract (same OPD and year), oldest first.',
  })
  async versions(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<Contract[]> {
    const all = await context.loaders.contractsByOpd.load(contract.opdId);
    return all
      .filter((candidate) => candidate.year === contract.year)
      .sort((a, b) => a.version - b.version);
  }

  @FieldResolver(() => OpdType, { description: 'OPD, the second party.' })
  async opd(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<Opd> {
    return (await context.loaders.opd.load(contract.opdId)) as Opd;
  }

  @FieldResolver(() => PlanType, { description: 'Plan the contract serves.' })
  async plan(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<Plan> {
    return (await context.loaders.plan.load(contract.planId)) as Plan;
  }

  @FieldResolver(() => ContractType, { nullable: true, description: 'Version this one amends.' })
  previousVersion(
    @Root() contract: Contract,
    @Ctx() context: GraphQLContext,
  ): Promise<Contract | null> | null {
    const id = contract.previousVersionId;
    return id === null ? null : context.loaders.contract.load(id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who offered the targets.' })
  offeredBy(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<User | null> {
    return context.loaders.user.load(contract.offeredById);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'Who withdrew the amendment; null unless the status is WITHDRAWN.',
  })
  withdrawnBy(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<User | null> {
    const id = contract.withdrawnById;
    return id === null ? Promise.resolve(null) : context.loaders.user.load(id);
  }

  @FieldResolver(() => [ClauseType], { description: 'Clauses, by ID.' })
  clauses(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<Clause[]> {
    return context.loaders.clausesByContract.load(contract.id);
  }

  @FieldResolver(() => [SignatureType], { description: 'Signatures, in signing order.' })
  signatures(@Root() contract: Contract, @Ctx() context: GraphQLContext): Promise<Signature[]> {
    return context.loaders.signaturesByContract.load(contract.id);
  }

  @FieldResolver(() => EvaluationType, { nullable: true, description: 'Evaluation, if scored.' })
  evaluation(
    @Root() contract: Contract,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation | null> {
    return context.loaders.evaluationByContract.load(contract.id);
  }

  @FieldResolver(() => ContractProgressType, {
    nullable: true,
    description:
      'Weighted score computed now from the counted realisations, for the year or up to a ' +
      'quarter; null before the OPD bid.',
  })
  async progress(
    @Root() contract: Contract,
    @Args(() => QuarterArg) { upToQuarter }: QuarterArg,
    @Ctx() context: GraphQLContext,
  ): Promise<LiveContractScore | null> {
    // A version withdrawn before the OPD bid is no longer OFFERED but still has no bid.
    if (contract.status === ContractStatus.OFFERED || contract.bidAt === null) {
      return null;
    }
    return context.loaders.liveContractScore.load({
      id: contract.id,
      upToQuarter: upToQuarter ?? null,
    });
  }
}

/** Decodes one offered clause of an input; `index` names it in errors. */
function toOfferClause(clause: OfferClauseInput, index: number): OfferClauseData {
  return {
    indicatorId: decodeId(clause.indicatorId, 'Indicator', `clauses[${index}].indicatorId`),
    weight: clause.weight,
    offeredTarget: clause.offeredTarget ? { ...clause.offeredTarget } : null,
    quarterlyTargets: clause.quarterlyTargets ?? null,
    budget: clause.budget ?? null,
  };
}
