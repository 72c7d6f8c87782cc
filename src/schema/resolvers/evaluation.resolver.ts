import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ClauseScoreRecord, Contract, Evaluation, User } from '../../entities';
import { GraphQLContext } from '../context';
import {
  DecideOutcomeInput,
  FinalizeEvaluationInput,
  ScoreEvaluationInput,
} from '../inputs/realization.input';
import { runMutation } from '../mutation';
import { EvaluationPayload } from '../payloads/payloads';
import { decodeId } from '../relay/global-id';
import { ClauseScoreType } from '../types/clause-score.type';
import { ContractType } from '../types/contract.type';
import { EvaluationType } from '../types/evaluation.type';
import { UserType } from '../types/user.type';

@Resolver(() => EvaluationType)
export class EvaluationResolver {
  @Authorized()
  @Query(() => EvaluationType, {
    nullable: true,
    description: 'Evaluation of a contract version; null if it was not scored yet.',
  })
  evaluation(
    @Arg('contractId', () => ID, { description: 'Global ID of the contract.' }) contractId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation | null> {
    return context.loaders.evaluationByContract.load(
      decodeId(contractId, 'Contract', 'contractId'),
    );
  }

  @Authorized()
  @Mutation(() => EvaluationPayload, {
    description:
      'Scores a SIGNED contract for the year as a DRAFT evaluation (EVALUATOR); may be run ' +
      'again until the evaluation is FINAL.',
  })
  scoreEvaluation(
    @Arg('input', () => ScoreEvaluationInput, { description: 'Input of the mutation.' })
    input: ScoreEvaluationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<EvaluationPayload> {
    const contractId = decodeId(input.contractId, 'Contract', 'contractId');
    return runMutation(context, {
      action: 'scoreEvaluation',
      input,
      work: (manager, actor) => context.services.evaluations.score(manager, actor, contractId),
      toPayload: (evaluation) => ({ evaluation }),
      emptyPayload: { evaluation: null },
    });
  }

  @Authorized()
  @Mutation(() => EvaluationPayload, {
    description:
      'Scores a DRAFT evaluation once more and makes it FINAL, which locks the score and the ' +
      'contract realisations (EVALUATOR).',
  })
  finalizeEvaluation(
    @Arg('input', () => FinalizeEvaluationInput, { description: 'Input of the mutation.' })
    input: FinalizeEvaluationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<EvaluationPayload> {
    const evaluationId = decodeId(input.evaluationId, 'Evaluation', 'evaluationId');
    return runMutation(context, {
      action: 'finalizeEvaluation',
      input,
      work: (manager, actor) => context.services.evaluations.finalize(manager, actor, evaluationId),
      toPayload: (evaluation) => ({ evaluation }),
      emptyPayload: { evaluation: null },
    });
  }

  @Authorized()
  @Mutation(() => EvaluationPayload, {
    description:
      'Records the mayor decision on a FINAL evaluation (MAYOR), one of the plan policy ' +
      'decision options; it stands beside the recommendation and may differ from it.',
  })
  decideOutcome(
    @Arg('input', () => DecideOutcomeInput, { description: 'Input of the mutation.' })
    input: DecideOutcomeInput,
    @Ctx() context: GraphQLContext,
  ): Promise<EvaluationPayload> {
    const evaluationId = decodeId(input.evaluationId, 'Evaluation', 'evaluationId');
    return runMutation(context, {
      action: 'decideOutcome',
      input,
      work: (manager, actor) =>
        context.services.evaluations.decide(manager, actor, {
          evaluationId,
          decision: input.decision,
          note: input.note ?? null,
        }),
      toPayload: (evaluation) => ({ evaluation }),
      emptyPayload: { evaluation: null },
    });
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the recorded decision differs from the recommendation (no recommendation ' +
      'counts as NO_ACTION); null until a decision is recorded.',
  })
  decisionDiffersFromRecommendation(@Root() evaluation: Evaluation): boolean | null {
    if (evaluation.decision === null) {
      return null;
    }
    return evaluation.decision !== (evaluation.recommendation ?? 'NO_ACTION');
  }

  @FieldResolver(() => ContractType, { description: 'Contract version evaluated.' })
  async contract(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<Contract> {
    return (await context.loaders.contract.load(evaluation.contractId)) as Contract;
  }

  @FieldResolver(() => [ClauseScoreType], { description: 'Score of each clause.' })
  clauseScores(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<ClauseScoreRecord[]> {
    return context.loaders.clauseScoresByEvaluation.load(evaluation.id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who scored it last.' })
  scoredBy(@Root() evaluation: Evaluation, @Ctx() context: GraphQLContext): Promise<User | null> {
    return context.loaders.user.load(evaluation.scoredById);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who made it FINAL.' })
  finalizedBy(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<User | null> | null {
    const id = evaluation.finalizedById;
    return id === null ? null : context.loaders.user.load(id);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who recorded the decision.' })
  decidedBy(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<User | null> | null {
    const id = evaluation.decidedById;
    return id === null ? null : context.loaders.user.load(id);
  }
}
