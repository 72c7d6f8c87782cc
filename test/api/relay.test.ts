import { ENTITIES } from '../../src/entities';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import {
  BID,
  OFFER,
  SCORE,
  SIGN,
  SUBMIT,
  bidContract,
  expectClean,
  offerContract,
  signedContract,
  submitRealization,
} from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});

afterAll(async () => {
  await server?.close();
});

const USER_ERRORS = 'userErrors { field message code }';

const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id code } ${USER_ERRORS} }
}`;

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

const OPDS = `query ($first: Int, $after: String, $last: Int, $before: String) {
  opds(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id code } }
    ${PAGE_INFO}
    totalCount
  }
}`;

/** Row count of every table, keyed by entity name. */
async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of ENTITIES) {
    counts[entity.name] = await server.app.dataSource.manager.count(entity);
  }
  return counts;
}

/** Asserts a single top-level BAD_USER_INPUT error that names `field`. */
function expectBadInput(response: GraphQLResponse, field: string) {
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  const extensions = response.errors?.[0].extensions ?? {};
  const fields = extensions.field
    ? [extensions.field]
    : (extensions.fields ?? []).map((entry: { field: string }) => entry.field);
  expect(fields).toEqual([field]);
  expect(response.errors?.[0].message).toContain(field);
}

describe('node lookup', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const handle = await signedContract(server, world, 'A', [
      { indicatorId: world.indicatorsA.maxSum, weight: '100' },
    ]);
    await submitRealization(server, world.tokens.aStaff, handle.clauseIds[0], 1, '40');
    const scored = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.evaluator },
      ),
    );

    const response = await server.request(
      `query ($contract: ID!, $opd: ID!) {
        contract(id: $contract) {
          signatures { id }
          clauses { id realizations { id } }
          evaluation { id clauseScores { id } }
        }
        opd(id: $opd) { tasks { id } }
        me { id }
      }`,
      { contract: handle.contractId, opd: world.opdA },
      { token: world.tokens.analyst },
    );
    const contract = response.data?.contract;
    Object.assign(ids, {
      Plan: world.planId,
      Mission: world.missionIds[0],
      Opd: world.opdA,
      Task: response.data?.opd.tasks[0].id,
      Indicator: world.indicatorsA.maxSum,
      Contract: handle.contractId,
      Clause: handle.clauseIds[0],
      Signature: contract.signatures[0].id,
      Realization: contract.clauses[0].realizations[0].id,
      Evaluation: scored.evaluation.id,
      ClauseScore: contract.evaluation.clauseScores[0].id,
      User: response.data?.me.id,
    });
  });

  test.each([
    'Plan',
    'Mission',
    'Opd',
    'Task',
    'Indicator',
    'Contract',
    'Clause',
    'Signature',
    'Realization',
    'Evaluation',
    'ClauseScore',
    'User',
  ])('node fetches a %s', async (typeName) => {
    expect(ids[typeName]).toBeDefined();
    const response = await server.request(
      'query ($id: ID!) { node(id: $id) { __typename id } }',
      { id: ids[typeName] },
      { token: world.tokens.analyst },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.node).toEqual({ __typename: typeName, id: ids[typeName] });
  });

  test.each(['Plan', 'Contract', 'ClauseScore', 'User'])(
    'node of missing %s is null',
    async (typeName) => {
      const response = await server.request(
        'query ($id: ID!) { node(id: $id) { id } }',
        { id: toGlobalId(typeName, 999999) },
        { token: world.tokens.analyst },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.node).toBeNull();
    },
  );

  test('node of trailing-junk ID is null', async () => {
    const response = await server.request(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: `${world.planId}!!` },
      { token: world.tokens.analyst },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.node).toBeNull();
  });

  test('AuditEvent node needs audit reader', async () => {
    const events = await server.request(
      'query { auditEvents(first: 1) { edges { node { id } } } }',
      {},
      { token: world.tokens.analyst },
    );
    const id = events.data?.auditEvents.edges[0].node.id;
    const query = 'query ($id: ID!) { node(id: $id) { __typename id } }';

    const reader = await server.request(query, { id }, { token: world.tokens.analyst });
    expect(reader.data?.node).toEqual({ __typename: 'AuditEvent', id });

    const staff = await server.request(query, { id }, { token: world.tokens.aStaff });
    expect(errorCodes(staff)).toEqual(['FORBIDDEN']);
    expect(staff.data?.node).toBeNull();
  });

  test('node fields resolve by type', async () => {
    const response = await server.request(
      `query ($plan: ID!, $opd: ID!) {
        plan: node(id: $plan) { ... on Plan { code } }
        opd: node(id: $opd) { ... on Opd { code } }
      }`,
      { plan: world.planId, opd: world.opdB },
      { token: world.tokens.analyst },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ plan: { code: 'RPJMD-TEST' }, opd: { code: 'OPD-B' } });
  });
});

describe('ID arguments', () => {
  const PLAN = 'query ($id: ID!) { plan(id: $id) { id } }';

  test.each([
    ['free text', 'not-an-id'],
    ['empty string', ''],
    ['non-numeric key', Buffer.from('Plan:abc').toString('base64')],
    ['zero key', Buffer.from('Plan:0').toString('base64')],
    ['trailing junk', () => `${world.planId}!!`],
    ['leading space', () => ` ${world.planId}`],
  ])('%s plan ID is BAD_USER_INPUT', async (_case, idOrBuilder) => {
    const id = typeof idOrBuilder === 'function' ? idOrBuilder() : idOrBuilder;
    const response = await server.request(PLAN, { id }, { token: world.tokens.analyst });
    expectBadInput(response, 'id');
    expect(response.data?.plan ?? null).toBeNull();
  });

  test('Opd ID for plan is BAD_USER_INPUT', async () => {
    const response = await server.request(
      PLAN,
      { id: world.opdA },
      { token: world.tokens.analyst },
    );
    expectBadInput(response, 'id');
    expect(response.errors?.[0].message).toContain('Opd');
  });

  test('plan ID finds its plan', async () => {
    const response = await server.request(
      PLAN,
      { id: world.planId },
      { token: world.tokens.analyst },
    );
    expect(response.data?.plan).toEqual({ id: world.planId });
  });
});

describe('wrong-type IDs in mutation input', () => {
  let handle: { contractId: string; clauseIds: string[] };

  beforeAll(async () => {
    handle = await offerContract(server, world, world.opdB, [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
  });

  const CASES: {
    name: string;
    field: string;
    document: string;
    token: keyof World['tokens'];
    input: () => Record<string, unknown>;
  }[] = [
    {
      name: 'offerContract',
      field: 'planId',
      document: OFFER,
      token: 'mayor',
      input: () => ({
        planId: world.opdA,
        opdId: world.opdA,
        year: 2020,
        clauses: [{ indicatorId: world.indicatorsA.maxSum, weight: '100' }],
      }),
    },
    {
      name: 'offerContract',
      field: 'clauses[0].indicatorId',
      document: OFFER,
      token: 'mayor',
      input: () => ({
        planId: world.planId,
        opdId: world.opdA,
        year: 2020,
        clauses: [{ indicatorId: world.opdA, weight: '100' }],
      }),
    },
    {
      name: 'bidContract',
      field: 'contractId',
      document: BID,
      token: 'bStaff',
      input: () => ({
        contractId: world.planId,
        clauses: [
          { clauseId: handle.clauseIds[0], committedTarget: { value: '90' }, justification: 'J' },
        ],
      }),
    },
    {
      name: 'signContract',
      field: 'contractId',
      document: SIGN,
      token: 'mayor',
      input: () => ({ contractId: handle.clauseIds[0] }),
    },
    {
      name: 'submitRealization',
      field: 'clauseId',
      document: SUBMIT,
      token: 'bStaff',
      input: () => ({
        clauseId: handle.contractId,
        quarter: 1,
        value: '1',
        evidence: { dataSource: 'Register' },
      }),
    },
  ];

  test.each(CASES)('$name with wrong-type $field is BAD_USER_INPUT', async (testCase) => {
    const before = await countRows();
    const response = await server.request(
      testCase.document,
      { input: testCase.input() },
      { token: world.tokens[testCase.token] },
    );
    expectBadInput(response, testCase.field);
    expect(response.data).toBeNull();
    expect(await countRows()).toEqual(before);
  });
});

describe('opds connection', () => {
  /** Every OPD ID in ascending order, as the connection lists them. */
  let allIds: string[];

  beforeAll(async () => {
    for (let index = 1; index <= 5; index++) {
      expectClean(
        'createOpd',
        await server.request(
          CREATE_OPD,
          {
            input: { code: `PAGE-${index}`, name: `Paged ${index}`, kind: 'OTHER', headName: 'H' },
          },
          { token: world.tokens.admin },
        ),
      );
    }
    const response = await server.request(OPDS, { first: 100 }, { token: world.tokens.analyst });
    allIds = response.data?.opds.edges.map((edge: { node: { id: string } }) => edge.node.id);
  });

  async function page(variables: Record<string, unknown>) {
    const response = await server.request(OPDS, variables, { token: world.tokens.analyst });
    expect(response.errors).toBeUndefined();
    const connection = response.data?.opds;
    return {
      ids: connection.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[],
      cursors: connection.edges.map((edge: { cursor: string }) => edge.cursor) as string[],
      pageInfo: connection.pageInfo,
      totalCount: connection.totalCount as number,
    };
  }

  test('seven OPDs exist in ID order', () => {
    expect(allIds).toHaveLength(7);
    expect(allIds.slice(0, 2)).toEqual([world.opdA, world.opdB]);
  });

  test('forward pages cover every OPD', async () => {
    const first = await page({ first: 3 });
    expect(first.ids).toEqual(allIds.slice(0, 3));
    expect(first.totalCount).toBe(7);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.cursors[0],
      endCursor: first.cursors[2],
    });

    const second = await page({ first: 3, after: first.pageInfo.endCursor });
    expect(second.ids).toEqual(allIds.slice(3, 6));
    expect(second.totalCount).toBe(7);
    expect(second.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: second.cursors[0],
      endCursor: second.cursors[2],
    });

    const third = await page({ first: 3, after: second.pageInfo.endCursor });
    expect(third.ids).toEqual(allIds.slice(6));
    expect(third.totalCount).toBe(7);
    expect(third.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: third.cursors[0],
      endCursor: third.cursors[0],
    });

    const beyond = await page({ first: 3, after: third.pageInfo.endCursor });
    expect(beyond.ids).toEqual([]);
    expect(beyond.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });

  test('backward pages cover every OPD', async () => {
    const last = await page({ last: 3 });
    expect(last.ids).toEqual(allIds.slice(4));
    expect(last.totalCount).toBe(7);
    expect(last.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: last.cursors[0],
      endCursor: last.cursors[2],
    });

    const middle = await page({ last: 3, before: last.pageInfo.startCursor });
    expect(middle.ids).toEqual(allIds.slice(1, 4));
    expect(middle.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: middle.cursors[0],
      endCursor: middle.cursors[2],
    });

    const start = await page({ last: 3, before: middle.pageInfo.startCursor });
    expect(start.ids).toEqual(allIds.slice(0, 1));
    expect(start.totalCount).toBe(7);
    expect(start.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: start.cursors[0],
      endCursor: start.cursors[0],
    });
  });

  test('cursors match node IDs across directions', async () => {
    const forward = await page({ first: 7 });
    const backward = await page({ last: 7 });
    expect(backward.ids).toEqual(forward.ids);
    expect(backward.cursors).toEqual(forward.cursors);
  });

  test('default page lists every OPD', async () => {
    const all = await page({});
    expect(all.ids).toEqual(allIds);
    expect(all.pageInfo.hasNextPage).toBe(false);
  });

  test.each([
    ['first 101', { first: 101 }, 'first'],
    ['first 0', { first: 0 }, 'first'],
    ['first -1', { first: -1 }, 'first'],
    ['last 101', { last: 101 }, 'last'],
    ['last 0', { last: 0 }, 'last'],
  ])('page size %s is BAD_USER_INPUT', async (_case, variables, field) => {
    const response = await server.request(OPDS, variables, { token: world.tokens.analyst });
    expectBadInput(response, field);
  });

  test('first with last is BAD_USER_INPUT', async () => {
    const response = await server.request(
      OPDS,
      { first: 2, last: 2 },
      { token: world.tokens.analyst },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('first');
    expect(response.errors?.[0].message).toContain('last');
  });

  test.each([
    ['after', 'not-a-cursor'],
    ['after', Buffer.from('cursor:abc').toString('base64')],
    ['before', 'not-a-cursor'],
  ])('bad %s cursor is BAD_USER_INPUT', async (field, cursor) => {
    const response = await server.request(
      OPDS,
      { first: 2, [field]: cursor },
      { token: world.tokens.analyst },
    );
    expectBadInput(response, field);
  });

  test('kind filter counts matching OPDs', async () => {
    const response = await server.request(
      'query { opds(kind: OTHER, first: 2) { edges { node { code } } totalCount } }',
      {},
      { token: world.tokens.analyst },
    );
    expect(response.data?.opds.totalCount).toBe(5);
    expect(response.data?.opds.edges).toEqual([
      { node: { code: 'PAGE-1' } },
      { node: { code: 'PAGE-2' } },
    ]);
  });
});

describe('nested connections', () => {
  const MISSION_OPDS = `query ($id: ID!, $first: Int, $after: String) {
    mission(id: $id) {
      opds(first: $first, after: $after) { edges { cursor node { id } } ${PAGE_INFO} totalCount }
    }
  }`;

  test('mission opds paginate one by one', async () => {
    const request = (variables: Record<string, unknown>) =>
      server.request(
        MISSION_OPDS,
        { id: world.missionIds[1], ...variables },
        { token: world.tokens.analyst },
      );

    const first = await request({ first: 1 });
    expect(first.errors).toBeUndefined();
    const firstPage = first.data?.mission.opds;
    expect(firstPage.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      world.opdA,
    ]);
    expect(firstPage.totalCount).toBe(2);
    expect(firstPage.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: firstPage.edges[0].cursor,
      endCursor: firstPage.edges[0].cursor,
    });

    const second = await request({ first: 1, after: firstPage.pageInfo.endCursor });
    const secondPage = second.data?.mission.opds;
    expect(secondPage.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      world.opdB,
    ]);
    expect(secondPage.totalCount).toBe(2);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    expect(secondPage.pageInfo.hasPreviousPage).toBe(true);
  });

  test('nested page size is validated', async () => {
    const response = await server.request(
      MISSION_OPDS,
      { id: world.missionIds[1], first: 0 },
      { token: world.tokens.analyst },
    );
    expectBadInput(response, 'first');
  });
});

describe('contracts filters', () => {
  const CONTRACTS = `query ($planId: ID, $year: Int, $status: ContractStatus, $opdId: ID) {
    contracts(planId: $planId, year: $year, status: $status, opdId: $opdId, first: 100) {
      edges { node { id } }
      totalCount
    }
  }`;

  /** Contract IDs by a short name: OPD, year and status. */
  const contracts: Record<string, string> = {};
  let secondPlanId: string;

  beforeAll(async () => {
    // The node lookup tests signed OPD A's 2019 contract and the wrong-type tests offered OPD
    // B's 2019 contract; both live in the world plan.
    const existing = await server.request(
      'query { contracts(first: 100) { edges { node { id year status opd { code } } } } }',
      {},
      { token: world.tokens.analyst },
    );
    for (const { node } of existing.data?.contracts.edges ?? []) {
      contracts[`${node.opd.code} ${node.year} ${node.status}`] = node.id;
    }

    const a2020 = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdA,
          year: 2020,
          clauses: [{ indicatorId: world.indicatorsA.minLast, weight: '100' }],
        },
      },
      { token: world.tokens.admin },
    );
    const handle = {
      contractId: expectClean('offerContract', a2020).contract.id,
      clauseIds: a2020.data?.offerContract.contract.clauses.map(
        (clause: { id: string }) => clause.id,
      ),
    };
    await bidContract(server, world.tokens.aStaff, handle, []);
    contracts['OPD-A 2020 BID'] = handle.contractId;

    secondPlanId = await createSecondPlanContract(contracts);
  });

  /** Creates plan RELAY-2 (2030-2035) with a 2030 contract offered to OPD B; returns its ID. */
  async function createSecondPlanContract(target: Record<string, string>): Promise<string> {
    const admin = { token: world.tokens.admin };
    const plan = expectClean(
      'createPlan',
      await server.request(
        `mutation { createPlan(input: { code: "RELAY-2", title: "Second", governmentName: "Kota",
          startYear: 2030, endYear: 2035, vision: "V" }) { plan { id } ${USER_ERRORS} } }`,
        {},
        admin,
      ),
    ).plan.id;
    const mission = expectClean(
      'createMission',
      await server.request(
        `mutation ($plan: ID!) { createMission(input: { planId: $plan, number: 1, title: "M",
          description: "" }) { mission { id } ${USER_ERRORS} } }`,
        { plan },
        admin,
      ),
    ).mission.id;
    expectClean(
      'assignOpdToMission',
      await server.request(
        `mutation ($opd: ID!, $mission: ID!) { assignOpdToMission(input: { opdId: $opd,
          missionId: $mission }) { opd { id } ${USER_ERRORS} } }`,
        { opd: world.opdB, mission },
        admin,
      ),
    );
    const task = expectClean(
      'createTask',
      await server.request(
        `mutation ($opd: ID!, $mission: ID!) { createTask(input: { opdId: $opd,
          missionId: $mission, description: "T" }) { task { id } ${USER_ERRORS} } }`,
        { opd: world.opdB, mission },
        { token: world.tokens.bStaff },
      ),
    ).task.id;
    const years = [2030, 2031, 2032, 2033, 2034, 2035];
    const indicator = expectClean(
      'createIndicator',
      await server.request(
        `mutation ($input: CreateIndicatorInput!) {
          createIndicator(input: $input) { indicator { id } ${USER_ERRORS} } }`,
        {
          input: {
            taskId: task,
            name: 'Second plan indicator',
            unit: 'unit',
            definition: 'D',
            dataSource: 'Register',
            polarity: 'MAXIMIZE',
            accumulation: 'SUM',
            baselineYear: 2029,
            baselineValue: '1',
            endTarget: { value: '10' },
            yearlyTargets: years.map((year) => ({ year, target: { value: '10' } })),
          },
        },
        { token: world.tokens.bStaff },
      ),
    ).indicator.id;
    const offered = expectClean(
      'offerContract',
      await server.request(
        OFFER,
        {
          input: {
            planId: plan,
            opdId: world.opdB,
            year: 2030,
            clauses: [{ indicatorId: indicator, weight: '100' }],
          },
        },
        { token: world.tokens.mayor },
      ),
    );
    target['OPD-B 2030 OFFERED'] = offered.contract.id;
    return plan;
  }

  async function listContracts(filter: Record<string, unknown>) {
    const response = await server.request(CONTRACTS, filter, { token: world.tokens.analyst });
    expect(response.errors).toBeUndefined();
    return {
      ids: response.data?.contracts.edges.map((edge: { node: { id: string } }) => edge.node.id),
      totalCount: response.data?.contracts.totalCount,
    };
  }

  const ids = (...names: string[]) => names.map((name) => contracts[name]);

  test('fixture has four contracts', () => {
    expect(Object.keys(contracts).sort()).toEqual([
      'OPD-A 2019 SIGNED',
      'OPD-A 2020 BID',
      'OPD-B 2019 OFFERED',
      'OPD-B 2030 OFFERED',
    ]);
  });

  test.each([
    [
      'no filter',
      () => ({}),
      ['OPD-A 2019 SIGNED', 'OPD-B 2019 OFFERED', 'OPD-A 2020 BID', 'OPD-B 2030 OFFERED'],
    ],
    [
      'planId',
      () => ({ planId: world.planId }),
      ['OPD-A 2019 SIGNED', 'OPD-B 2019 OFFERED', 'OPD-A 2020 BID'],
    ],
    ['second planId', () => ({ planId: secondPlanId }), ['OPD-B 2030 OFFERED']],
    ['year', () => ({ year: 2019 }), ['OPD-A 2019 SIGNED', 'OPD-B 2019 OFFERED']],
    ['status', () => ({ status: 'OFFERED' }), ['OPD-B 2019 OFFERED', 'OPD-B 2030 OFFERED']],
    ['opdId', () => ({ opdId: world.opdA }), ['OPD-A 2019 SIGNED', 'OPD-A 2020 BID']],
    [
      'every filter',
      () => ({ planId: world.planId, year: 2019, status: 'SIGNED', opdId: world.opdA }),
      ['OPD-A 2019 SIGNED'],
    ],
    ['no match', () => ({ year: 2019, status: 'BID' }), []],
  ])('contracts by %s', async (_filter, filter, expected) => {
    const result = await listContracts(filter());
    expect(result.ids).toEqual(ids(...expected));
    expect(result.totalCount).toBe(expected.length);
  });

  test('filtered page counts every match', async () => {
    const response = await server.request(
      `query ($plan: ID!) {
        contracts(planId: $plan, first: 1) {
          edges { node { id } }
          totalCount
          pageInfo { hasNextPage }
        }
      }`,
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    expect(response.data?.contracts.edges).toHaveLength(1);
    expect(response.data?.contracts.totalCount).toBe(3);
    expect(response.data?.contracts.pageInfo.hasNextPage).toBe(true);
  });

  test.each([
    ['planId', () => ({ planId: world.opdA })],
    ['opdId', () => ({ opdId: world.planId })],
  ])('wrong-type %s filter is BAD_USER_INPUT', async (field, filter) => {
    const response = await server.request(CONTRACTS, filter(), { token: world.tokens.analyst });
    expectBadInput(response, field);
  });
});
