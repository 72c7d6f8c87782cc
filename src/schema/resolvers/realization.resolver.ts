import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Clause, Realization, User } from '../../entities';
import { GraphQLContext } from '../context';
import { SubmitRealizationInput } from '../inputs/realization.input';
import { runMutation } from '../mutation';
import { SubmitRealizationPayload } from '../payloads/payloads';
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
