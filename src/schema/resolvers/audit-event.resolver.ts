import {
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { IsOptional } from 'class-validator';
import { AuditEvent, User } from '../../entities';
import { ConnectionResult } from '../../services/pagination';
import { GraphQLContext, requireActor } from '../context';
import { ConnectionArgs } from '../relay/connection-args';
import { connectionComplexity } from '../relay/connection-complexity';
import { fromGlobalId, toGlobalId } from '../relay/global-id';
import { InvalidInputError } from '../../errors/app-errors';
import { AuditEventType } from '../types/audit-event.type';
import { AuditEventConnection } from '../types/connections';
import { UserType } from '../types/user.type';

@ArgsType()
class AuditEventsArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Global ID of the object whose events to list; empty lists every event.',
  })
  @IsOptional()
  entityId?: string | null;
}

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @Authorized()
  @Query(() => AuditEventConnection, {
    complexity: connectionComplexity,
    description: 'Audit trail, oldest first, for one object or all (ADMIN, EVALUATOR, ANALYST).',
  })
  auditEvents(
    @Args(() => AuditEventsArgs) args: AuditEventsArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<ConnectionResult<AuditEvent>> {
    let filter = { entityType: null as string | null, entityId: null as number | null };
    if (args.entityId != null) {
      const resolved = fromGlobalId(args.entityId);
      if (!resolved) {
        throw new InvalidInputError(
          `entityId "${args.entityId.slice(0, 60)}" is not a valid ID: use the id field of ` +
            'the object, or leave entityId out for every event',
          'entityId',
        );
      }
      filter = { entityType: resolved.typeName, entityId: resolved.id };
    }
    return context.services.audit.listEvents(requireActor(context), filter, args);
  }

  @FieldResolver(() => ID, { description: 'Global ID of the object changed.' })
  entityId(@Root() event: AuditEvent): string {
    return toGlobalId(event.entityType, event.entityId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who acted.' })
  actor(@Root() event: AuditEvent, @Ctx() context: GraphQLContext): Promise<User | null> | null {
    return event.actorId === null ? null : context.loaders.user.load(event.actorId);
  }
}
