import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { buildApiSchema } from '../../src/schema/build-schema';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { errorCodes } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
let schema: GraphQLSchema;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  schema = await buildApiSchema();
});

afterAll(async () => {
  await server?.close();
});

/** A value of an input type that GraphQL accepts; the contents need not make sense. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) {
    return sampleValue(type.ofType);
  }
  if (isListType(type)) {
    return [sampleValue(type.ofType)];
  }
  if (isEnumType(type)) {
    return type.getValues()[0].name;
  }
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(required.map((field) => [field.name, sampleValue(field.type)]));
  }
  const scalars: Record<string, unknown> = {
    ID: world.planId,
    Int: 2019,
    Float: 1.5,
    String: 'sample',
    Boolean: true,
    Decimal: '1',
    DateTimeISO: '2019-01-01T00:00:00.000Z',
    _Any: { __typename: 'Plan', id: world.planId },
  };
  if (!(type.name in scalars)) {
    throw new Error(`no sample value for scalar ${type.name}: add one`);
  }
  return scalars[type.name];
}

/** One document that calls a root field with every required argument as a variable. */
function callOf(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((arg) => isNonNullType(arg.type));
  const definitions = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
  const argumentList = required.map((arg) => `${arg.name}: $${arg.name}`);
  const named = getNamedType(field.type);
  const composite = isObjectType(named) || isInterfaceType(named) || isUnionType(named);

  const header = definitions.length > 0 ? `(${definitions.join(', ')})` : '';
  const call = argumentList.length > 0 ? `(${argumentList.join(', ')})` : '';
  return {
    query: `${operation} ${header} { ${field.name}${call} ${composite ? '{ __typename }' : ''} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

function rootFields(operation: 'query' | 'mutation') {
  const root = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {});
}

describe('anonymous callers', () => {
  test('every query needs sign-in', async () => {
    const fields = rootFields('query');
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) {
      const { query, variables } = callOf('query', field);
      const response = await server.request(query, variables);
      expect({ field: field.name, codes: errorCodes(response) }).toEqual({
        field: field.name,
        codes: ['UNAUTHENTICATED'],
      });
      expect(response.data?.[field.name] ?? null).toBeNull();
    }
  });

  test('every mutation but login needs sign-in', async () => {
    const fields = rootFields('mutation').filter((field) => field.name !== 'login');
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) {
      const { query, variables } = callOf('mutation', field);
      const response = await server.request(query, variables);
      expect({ field: field.name, codes: errorCodes(response) }).toEqual({
        field: field.name,
        codes: ['UNAUTHENTICATED'],
      });
    }
  });

  test('node of every type needs sign-in', async () => {
    const nodeTypes = Object.values(schema.getTypeMap()).filter(
      (type) => isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node'),
    );
    expect(nodeTypes.length).toBeGreaterThan(10);
    for (const type of nodeTypes) {
      const response = await server.request('query ($id: ID!) { node(id: $id) { id } }', {
        id: toGlobalId(type.name, 1),
      });
      expect({ type: type.name, codes: errorCodes(response) }).toEqual({
        type: type.name,
        codes: ['UNAUTHENTICATED'],
      });
      expect(response.data?.node ?? null).toBeNull();
    }
  });

  test('nested fields of a failed login stay empty', async () => {
    const response = await server.request(
      `mutation { login(input: { username: "admin", password: "wrong-password-1" }) {
        token user { username opd { contracts { totalCount } } }
      } }`,
    );
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeNull();
  });
});

describe('audit trail through every path', () => {
  const ROLES = ['admin', 'mayor', 'evaluator', 'analyst', 'aHead', 'aStaff', 'bHead', 'bStaff'];

  test.each([[''], ['not-an-id']])('auditEvents entityId %p rejected', async (entityId) => {
    const response = await server.request(
      'query ($id: ID) { auditEvents(entityId: $id, first: 1) { totalCount } }',
      { id: entityId },
      { token: world.tokens.admin },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain(`entityId "${entityId}" is not a valid ID`);
  });

  test.each(ROLES)('%s: node matches auditEvents', async (role) => {
    const token = world.tokens[role as keyof World['tokens']];
    const reader = await server.request(
      'query { auditEvents(first: 1) { edges { node { id action } } } }',
      {},
      { token: world.tokens.admin },
    );
    const eventId = reader.data?.auditEvents.edges[0].node.id as string;

    const list = await server.request(
      'query { auditEvents(first: 1) { edges { node { id } } } }',
      {},
      { token },
    );
    const node = await server.request(
      'query ($id: ID!) { node(id: $id) { ... on AuditEvent { id action } } }',
      { id: eventId },
      { token },
    );

    const listAllowed = list.errors === undefined;
    const nodeAllowed = node.errors === undefined;
    expect(nodeAllowed).toBe(listAllowed);
    if (listAllowed) {
      expect(node.data?.node.id).toBe(eventId);
    } else {
      expect(errorCodes(list)).toEqual(['FORBIDDEN']);
      expect(errorCodes(node)).toEqual(['FORBIDDEN']);
      expect(node.data?.node).toBeNull();
    }
  });

  test('no nested field reaches audit events', () => {
    const paths: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) {
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const returned = getNamedType(field.type).name;
        if (returned.startsWith('AuditEvent')) {
          paths.push(`${type.name}.${field.name}`);
        }
      }
    }
    // Only the root field auditEvents and its own connection types lead to AuditEvent;
    // node(id) returns the Node interface and checks the role itself.
    expect(paths.sort()).toEqual([
      'AuditEventConnection.edges',
      'AuditEventEdge.node',
      'Query.auditEvents',
    ]);
  });

  test('user type exposes no secret', () => {
    const user = schema.getType('User');
    expect(isObjectType(user)).toBe(true);
    const fields = isObjectType(user) ? Object.keys(user.getFields()) : [];
    expect(fields.filter((name) => /password|hash|secret|token/i.test(name))).toEqual([]);
  });
});
