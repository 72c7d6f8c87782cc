import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Clause, Realization, User } from '../../entities';
import { GraphQLContext } from '../context';
import { ReviewRealizationInput, SubmitRealizationInput } from '../inputs/realization.input';
import { runMutation } from '../mutation';
import { ReviewRealizationPayload, SubmitRealizationPayload } from '../payloads/payloads';
import { decodeId } from '../relay/global-id';
import { ClauseType } from '../types/clause.type';
import { EvidenceType, RealizationType } from '../types/realization.type';
import { UserType } from '../types/user.type';

@Resolver(() => RealizationType)
export class RealizationResolver {
  @Authorized()
  @Mutation(() => SubmitRealizationPayload, {
    description:
      'Reports a quarterly value with evidence for a clause of a SIGNED contract of the caller ' +
      'own OPD. A quarter holds one counted value until an evaluator returns it.',
  })
  submitRealization(
    @Arg('input', () => SubmitRealizationInput, { description: 'Input of the mutation.' })
    input: SubmitRealizationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubmitRealizationPayload> {
    const clauseId = decodeId(input.clauseId, 'Clause', 'clauseId');
    return runMutation(context, {
      action: 'submitRealization',
      input,
      work: (manager, actor) =>
        context.services.realizations.submit(manager, actor, {
          clauseId,
          quarter: input.quarter,
          value: input.value,
          evidence: {
            dataSource: input.evidence.dataSource,
            documentUrl: input.evidence.documentUrl ?? null,
            note: input.evidence.note ?? null,
          },
        }),
      toPayload: (realization) => ({ realization }),
      emptyPayload: { realization: null },
    });
  }

  @Authorized()
  @Mutation(() => ReviewRealizationPayload, {
    description:
      'Reviews a realisation (EVALUATOR): VERIFY keeps it counted as VERIFIED; RETURN, with a ' +
      'note, stops it counting so the OPD can report the quarter again. History is kept.',
  })
  reviewRealization(
    @Arg('input', () => ReviewRealizationInput, { description: 'Input of the mutation.' })
    input: ReviewRealizationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ReviewRealizationPayload> {
    const realizationId = decodeId(input.realizationId, 'Realization', 'realizationId');
    return runMutation(context, {
      action: 'reviewRealization',
      input,
      work: (manager, actor) =>
        context.services.realizations.review(manager, actor, {
          realizationId,
          verdict: input.verdict,
          note: input.note ?? null,
        }),
      toPayload: (realization) => ({ realization }),
      emptyPayload: { realization: null },
    });
  }

  @FieldResolver(() => [RealizationType], {
    description:
      'Every submission for the same clause and quarter, oldest first, this one included: ' +
      'returned values stay readable.',
  })
  async history(
    @Root() realization: Realization,
    @Ctx() context: GraphQLContext,
  ): Promise<Realization[]> {
    const all = await context.loaders.realizationsByClause.load(realization.clauseId);
    return all.filter((entry) => entry.quarter === realization.quarter);
  }

  @FieldResolver(() => ClauseType, { description: 'Clause reported on.' })
  async clause(@Root() realization: Realization, @Ctx() context: GraphQLContext): Promise<Clause> {
    return (await context.loaders.clause.load(realization.clauseId)) as Clause;
  }

  @FieldResolver(() => EvidenceType, { description: 'Evidence (data dukung).' })
  evidence(@Root() realization: Realization): EvidenceType {
    return {
      dataSource: realization.dataSource,
      documentUrl: realization.documentUrl,
      note: realization.note,
    };
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who submitted the value.' })
  submittedBy(
    @Root() realization: Realization,
    @Ctx() context: GraphQLContext,
  ): Promise<User | null> {
    return context.loaders.user.load(realization.submittedById);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who reviewed it, if anyone.' })
  reviewedBy(
    @Root() realization: Realization,
    @Ctx() context: GraphQLContext,
  ): Promise<User | null> | null {
    const id = realization.reviewedById;
    return id === null ? null : context.loaders.user.load(id);
  }
}
