import 'reflect-metadata';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { type AuthChecker, buildSchema } from 'type-graphql';
import { ForbiddenError } from '../errors/app-errors';
import type { GraphQLContext } from './context';
import { requireActor } from './context';
import './enums';
import { toSubgraphSchema } from './federation/subgraph-schema';
import { AuditEventResolver } from './resolvers/audit-event.resolver';
import { ClauseScoreResolver } from './resolvers/clause-score.resolver';
import { ClauseResolver } from './resolvers/clause.resolver';
import { ContractResolver } from './resolvers/contract.resolver';
import { EvaluationResolver } from './resolvers/evaluation.resolver';
import { IndicatorResolver } from './resolvers/indicator.resolver';
import { MissionResolver } from './resolvers/mission.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { OpdResolver } from './resolvers/opd.resolver';
import { PlanResolver } from './resolvers/plan.resolver';
import { AtRiskIndicatorResolver, ProjectionResolver } from './resolvers/projection.resolver';
import { RealizationResolver } from './resolvers/realization.resolver';
import {
  MissionAttainmentResolver,
  OpdRankingEntryResolver,
  ReportResolver,
} from './resolvers/report.resolver';
import { SignatureResolver } from './resolvers/signature.resolver';
import { SpreadsheetResolver } from './resolvers/spreadsheet.resolver';
import { TaskResolver } from './resolvers/task.resolver';
import { UserResolver } from './resolvers/user.resolver';

/** Every resolver class of the API. */
export const RESOLVERS = [
  NodeResolver,
  UserResolver,
  PlanResolver,
  MissionResolver,
  OpdResolver,
  TaskResolver,
  IndicatorResolver,
  ContractResolver,
  ClauseResolver,
  SignatureResolver,
  RealizationResolver,
  EvaluationResolver,
  ClauseScoreResolver,
  ReportResolver,
  MissionAttainmentResolver,
  OpdRankingEntryResolver,
  AuditEventResolver,
  ProjectionResolver,
  AtRiskIndicatorResolver,
  SpreadsheetResolver,
] as const;

/**
 * `@Authorized()` without roles means "signed in"; with roles, one of them. Anonymous callers
 * get UNAUTHENTICATED and signed-in callers without the role get FORBIDDEN, both as top-level
 * errors. Finer rules, such as acting only for one's own OPD, live in the services.
 */
const authChecker: AuthChecker<GraphQLContext> = ({ context }, roles) => {
  const actor = requireActor(context);
  if (roles.length > 0 && !roles.includes(actor.role)) {
    throw new ForbiddenError(`Role ${actor.role} may not do this; allowed: ${roles.join(', ')}`);
  }
  return true;
};

let resolverSchemaPromise: Promise<GraphQLSchema> | null = null;
let apiSchemaPromise: Promise<GraphQLSchema> | null = null;

/**
 * Builds the schema from the resolver classes, once per process; type-graphql keeps its metadata
 * globally, so every server in the process shares the result. Input classes are validated with
 * class-validator, and validation errors do not echo the whole input back.
 */
export function buildResolverSchema(): Promise<GraphQLSchema> {
  resolverSchemaPromise ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validate: {
      forbidUnknownValues: false,
      validationError: { target: false, value: true },
    },
  });
  return resolverSchemaPromise;
}

/**
 * Builds the schema the server executes, once per process: the resolver schema as an Apollo
 * Federation 2 subgraph, which adds `_service` and `_entities`.
 */
export function buildApiSchema(): Promise<GraphQLSchema> {
  apiSchemaPromise ??= buildResolverSchema().then(toSubgraphSchema);
  return apiSchemaPromise;
}

/**
 * Prints the executed schema in SDL, sorted, with its directives (`@key`, `@link`), as committed
 * in schema.graphql.
 */
export async function printApiSchema(): Promise<string> {
  return `${printSchemaWithDirectives(lexicographicSortSchema(await buildApiSchema()))}\n`;
}
