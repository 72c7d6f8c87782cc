import { Arg, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { AUDIT_READER_ROLES, requireRole } from '../../auth/permissions';
import { GraphQLContext, requireActor } from '../context';
import { fromGlobalId, toGlobalId } from '../relay/global-id';
import { NodeInterface } from '../relay/node.interface';

/** Entity loaders by the GraphQL type name that `node(id)` accepts. */
const LOADER_BY_TYPE = {
  Plan: 'plan',
  Mission: 'mission',
  Opd: 'opd',
  Task: 'task',
  Indicator: 'indicator',
  Contract: 'contract',
  Clause: 'clause',
  Signature: 'signature',
  Realization: 'realization',
  Evaluation: 'evaluation',
  ClauseScore: 'clauseScore',
  User: 'user',
  AuditEvent: 'auditEvent',
} as const;

type NodeTypeName = keyof typeof LOADER_BY_TYPE;

@Resolver(() => NodeInterface)
export class NodeResolver {
  @FieldResolver(() => ID, { description: 'Opaque global ID.' })
  id(@Root() root: { id: number }, @Info() info: GraphQLResolveInfo): string {
    return toGlobalId(info.parentType.name, root.id);
  }

  @Authorized()
  @Query(() => NodeInterface, {
    nullable: true,
    description: 'Fetches any object by its global ID; null when it does not exist.',
  })
  async node(
    @Arg('id', () => ID, { description: 'Global ID of the object.' }) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<object | null> {
    const resolved = fromGlobalId(id);
    if (!resolved || !(resolved.typeName in LOADER_BY_TYPE)) {
      return null;
    }
    const loaderName = LOADER_BY_TYPE[resolved.typeName as NodeTypeName];
    if (resolved.typeName === 'AuditEvent') {
      requireRole(requireActor(context), AUDIT_READER_ROLES, 'read the audit trail');
    }
    const loader = context.loaders[loaderName] as DataLoader<number, object | null>;
    return loader.load(resolved.id);
  }
}
