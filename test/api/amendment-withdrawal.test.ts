import { ENTITIES } from '../../src/entities';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import {
  AMEND,
  BID,
  FINALIZE,
  OFFER,
  REVISE_OFFER,
  SCORE,
  SIGN,
  SUBMIT,
  WITHDRAW,
  bidContract,
  expectClean,
  offerContract,
  signedContract,
  submitRealization,
  type ContractHandle,
  verifyAll,
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

const NOTE = 'The OPD head stays in office after all';

const withdraw = (contractId: string, token = world.tokens.mayor, note = NOTE) =>
  server.request(WITHDRAW, { input: { contractId, note } }, { token });

const sign = (contractId: string, token: string) =>
  server.request(SIGN, { input: { contractId } }, { token });

/** Amends a SIGNED version as the admin and returns the new version's handle. */
async function amend(contractId: string): Promise<ContractHandle> {
  const payload = expectClean(
    'amendContract',
    await server.request(
      AMEND,
      { input: { contractId, reason: 'OFFICIAL_CHANGED', note: 'A new head was appointed' } },
      { token: world.tokens.admin },
    ),
  );
  return {
    contractId: payload.contract.id,
    clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
  };
}

/** Signs a contract of OPD A for `year` with two clauses: maxSum (weight 60), minLast (40). */
function signedContractA(year: number): Promise<ContractHandle> {
  return signedContract(
    server,
    world,
    'A',
    [
      { indicatorId: world.indicatorsA.maxSum, weight: '60' },
      { indicatorId: world.indicatorsA.minLast, weight: '40' },
    ],
    year,
  );
}

/**
 * Signs version 1 of OPD A for `year`, amends it, bids the offered targets on version 2 and
 * signs version 2 as the mayor, so it waits in SIGNING for the OPD head.
 */
async function signingAmendmentA(year: number) {
  const v1 = await signedContractA(year);
  const v2 = await amend(v1.contractId);
  await bidContract(server, world.tokens.aStaff, v2, []);
  expectClean('signContract', await sign(v2.contractId, world.tokens.mayor));
  return { v1, v2 };
}

/** Row count of every table, keyed by entity name. */
async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of ENTITIES) {
    counts[entity.name] = await server.app.dataSource.manager.count(entity);
  }
  return counts;
}

async function versionsOf(contractId: string) {
  const response = await server.request(
    'query ($id: ID!) { contract(id: $id) { versions { id version status previousVersion { id } } } }',
    { id: contractId },
    { token: world.tokens.analyst },
  );
  return response.data?.contract.versions as {
    id: string;
    version: number;
    status: string;
    previousVersion: { id: string } | null;
  }[];
}

async function statusOf(contractId: string): Promise<string> {
  const response = await server.request(
    'query ($id: ID!) { contract(id: $id) { status } }',
    { id: contractId },
    { token: world.tokens.analyst },
  );
  return response.data?.contract.status as string;
}

function firstUserError(field: string, response: GraphQLResponse) {
  return response.data?.[field]?.userErrors[0];
}

describe('withdrawn OFFERED amendment', () => {
  let v1: ContractHandle;
  let v2: ContractHandle;
  let evaluationId: string;

  beforeAll(async () => {
    v1 = await signedContractA(2019);
    await submitRealization(server, world.tokens.aStaff, v1.clauseIds[0], 1, '30');
    await verifyAll(server, world.tokens.evaluator, v1.contractId);
    const draft = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: v1.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    evaluationId = draft.evaluation.id;
    v2 = await amend(v1.contractId);
  });

  test('withdrawal records who, when, why', async () => {
    const before = new Date();
    const payload = expectClean('withdrawAmendment', await withdraw(v2.contractId));

    expect(payload.contract).toMatchObject({
      id: v2.contractId,
      version: 2,
      status: 'WITHDRAWN',
      withdrawalNote: NOTE,
      withdrawnBy: { username: 'mayor' },
      previousVersion: { id: v1.contractId, status: 'SIGNED' },
    });
    const withdrawnAt = new Date(payload.contract.withdrawnAt);
    expect(withdrawnAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(withdrawnAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('withdrawn version keeps its clauses', async () => {
    const response = await server.request(
      `query ($id: ID!) { contract(id: $id) {
        clauses { id weight } progress { score } withdrawnBy { username } } }`,
      { id: v2.contractId },
      { token: world.tokens.analyst },
    );
    expect(response.errors).toBeUndefined();
    const contract = response.data?.contract;
    expect(contract.clauses.map((clause: { id: string }) => clause.id)).toEqual(v2.clauseIds);
    expect(contract.clauses.map((clause: { weight: string }) => clause.weight)).toEqual([
      '60',
      '40',
    ]);
    expect(contract.progress).toBeNull();
    expect(contract.withdrawnBy).toEqual({ username: 'mayor' });
  });

  test('audit event written', async () => {
    const events = await server.request(
      `query ($id: ID!) { auditEvents(entityId: $id, first: 100) {
        edges { node { action actorRole entityType } } } }`,
      { id: v2.contractId },
      { token: world.tokens.analyst },
    );
    expect(events.data?.auditEvents.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { action: 'amendContract', actorRole: 'ADMIN', entityType: 'Contract' },
      { action: 'withdrawAmendment', actorRole: 'MAYOR', entityType: 'Contract' },
    ]);
  });

  test('withdrawn version rejects every change', async () => {
    const before = await countRows();
    const attempts = {
      bidContract: await server.request(
        BID,
        {
          input: {
            contractId: v2.contractId,
            clauses: v2.clauseIds.map((clauseId) => ({
              clauseId,
              committedTarget: { value: '200' },
              justification: 'Budget and staff are in place',
            })),
          },
        },
        { token: world.tokens.aStaff },
      ),
      reviseOffer: await server.request(
        REVISE_OFFER,
        {
          input: {
            contractId: v2.contractId,
            clauses: [{ indicatorId: world.indicatorsA.maxSum, weight: '100' }],
          },
        },
        { token: world.tokens.admin },
      ),
      signContract: await sign(v2.contractId, world.tokens.mayor),
      submitRealization: await server.request(
        SUBMIT,
        {
          input: {
            clauseId: v2.clauseIds[0],
            quarter: 2,
            value: '5',
            evidence: { dataSource: 'Quarterly report' },
          },
        },
        { token: world.tokens.aStaff },
      ),
      scoreEvaluation: await server.request(
        SCORE,
        { input: { contractId: v2.contractId } },
        { token: world.tokens.evaluator },
      ),
      amendContract: await server.request(
        AMEND,
        { input: { contractId: v2.contractId, reason: 'STRATEGY_CHANGED', note: 'Again' } },
        { token: world.tokens.admin },
      ),
      withdrawAmendment: await withdraw(v2.contractId, world.tokens.admin),
    };

    for (const [mutation, response] of Object.entries(attempts)) {
      expect({ mutation, errors: response.errors }).toEqual({ mutation, errors: undefined });
      expect({ mutation, error: firstUserError(mutation, response) }).toEqual({
        mutation,
        error: expect.objectContaining({
          code: 'CONFLICT',
          message: expect.stringContaining('Contract is WITHDRAWN'),
        }),
      });
    }
    expect(await countRows()).toEqual(before);
    expect(await statusOf(v2.contractId)).toBe('WITHDRAWN');
  });

  test('listings leave the withdrawn version out', async () => {
    const response = await server.request(
      `query ($plan: ID!, $opd: ID!) {
        live: contracts(planId: $plan, year: 2019, opdId: $opd) { edges { node { version } } }
        all: contracts(planId: $plan, year: 2019, opdId: $opd, includeWithdrawn: true) {
          edges { node { version status } }
        }
        withdrawn: contracts(planId: $plan, status: WITHDRAWN) { edges { node { version } } }
        opd(id: $opd) { contract(year: 2019) { version status } }
        unsignedOpds(planId: $plan, year: 2019) { opd { code } }
      }`,
      { plan: world.planId, opd: world.opdA },
      { token: world.tokens.analyst },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.live.edges).toEqual([{ node: { version: 1 } }]);
    expect(response.data?.all.edges).toEqual([
      { node: { version: 1, status: 'SIGNED' } },
      { node: { version: 2, status: 'WITHDRAWN' } },
    ]);
    expect(response.data?.withdrawn.edges).toEqual([{ node: { version: 2 } }]);
    expect(response.data?.opd.contract).toEqual({ version: 1, status: 'SIGNED' });
    expect(
      response.data?.unsignedOpds.map((entry: { opd: { code: string } }) => entry.opd.code),
    ).not.toContain('OPD-A');
  });

  test('second offer names SIGNED version', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdA,
          year: 2019,
          clauses: [{ indicatorId: world.indicatorsA.maxSum, weight: '100' }],
        },
      },
      { token: world.tokens.admin },
    );
    expect(firstUserError('offerContract', response)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('(SIGNED): amend it with amendContract'),
    });
  });

  test('versions list withdrawn version', async () => {
    expect(await versionsOf(v1.contractId)).toEqual([
      { id: v1.contractId, version: 1, status: 'SIGNED', previousVersion: null },
      {
        id: v2.contractId,
        version: 2,
        status: 'WITHDRAWN',
        previousVersion: { id: v1.contractId },
      },
    ]);
  });

  test('previous version can be finalised', async () => {
    const response = await server.request(
      FINALIZE,
      { input: { evaluationId } },
      { token: world.tokens.evaluator },
    );
    const payload = expectClean('finalizeEvaluation', response);
    expect(payload.evaluation.status).toBe('FINAL');
    expect(await statusOf(v1.contractId)).toBe('SIGNED');
  });
});

describe('amending again after a withdrawal', () => {
  let v1: ContractHandle;
  let v2: ContractHandle;
  let v3: ContractHandle;

  beforeAll(async () => {
    v1 = await signedContract(server, world, 'B', [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
    v2 = await amend(v1.contractId);
    expectClean('withdrawAmendment', await withdraw(v2.contractId, world.tokens.admin));
  });

  test('next amendment takes version 3', async () => {
    const payload = expectClean(
      'amendContract',
      await server.request(
        AMEND,
        { input: { contractId: v1.contractId, reason: 'PRIORITY_CHANGED', note: 'New priority' } },
        { token: world.tokens.mayor },
      ),
    );
    expect(payload.contract).toMatchObject({
      version: 3,
      status: 'OFFERED',
      previousVersion: { id: v1.contractId, status: 'SIGNED' },
    });
    v3 = {
      contractId: payload.contract.id,
      clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
    };
    expect(await versionsOf(v1.contractId)).toEqual([
      { id: v1.contractId, version: 1, status: 'SIGNED', previousVersion: null },
      {
        id: v2.contractId,
        version: 2,
        status: 'WITHDRAWN',
        previousVersion: { id: v1.contractId },
      },
      { id: v3.contractId, version: 3, status: 'OFFERED', previousVersion: { id: v1.contractId } },
    ]);
  });

  test('pending version 3 blocks another amendment', async () => {
    const response = await server.request(
      AMEND,
      { input: { contractId: v1.contractId, reason: 'OFFICIAL_CHANGED', note: 'Once more' } },
      { token: world.tokens.admin },
    );
    expect(firstUserError('amendContract', response)).toMatchObject({
      code: 'CONFLICT',
      field: 'contractId',
      message: expect.stringContaining('Version 3 of this contract already exists'),
    });
  });

  test('signing version 3 supersedes version 1', async () => {
    await bidContract(server, world.tokens.bStaff, v3, []);
    expectClean('signContract', await sign(v3.contractId, world.tokens.mayor));
    expectClean('signContract', await sign(v3.contractId, world.tokens.bHead));

    expect(
      (await versionsOf(v1.contractId)).map(({ version, status }) => [version, status]),
    ).toEqual([
      [1, 'SUPERSEDED'],
      [2, 'WITHDRAWN'],
      [3, 'SIGNED'],
    ]);
  });

  test('SIGNED amendment cannot be withdrawn', async () => {
    const before = await countRows();
    const response = await withdraw(v3.contractId);
    expect(firstUserError('withdrawAmendment', response)).toEqual({
      code: 'CONFLICT',
      field: 'contractId',
      message: expect.stringContaining(
        'Contract is SIGNED: an amendment can be withdrawn only before both parties sign it',
      ),
    });
    expect(response.data?.withdrawAmendment.contract).toBeNull();
    expect(await countRows()).toEqual(before);
    expect(await statusOf(v3.contractId)).toBe('SIGNED');
  });
});

describe('withdrawing a BID or SIGNING amendment', () => {
  test('BID amendment keeps its commitments', async () => {
    const v1 = await signedContractA(2020);
    const v2 = await amend(v1.contractId);
    await bidContract(server, world.tokens.aStaff, v2, [{ value: '120' }, null]);

    const payload = expectClean('withdrawAmendment', await withdraw(v2.contractId));
    expect(payload.contract.status).toBe('WITHDRAWN');

    const response = await server.request(
      'query ($id: ID!) { contract(id: $id) { bidAt clauses { committedTarget { value } } } }',
      { id: v2.contractId },
      { token: world.tokens.analyst },
    );
    expect(response.data?.contract.bidAt).not.toBeNull();
    expect(response.data?.contract.clauses).toEqual([
      { committedTarget: { value: '120' } },
      { committedTarget: { value: '10' } },
    ]);
    expect(await statusOf(v1.contractId)).toBe('SIGNED');
  });

  test('SIGNING amendment keeps its signature', async () => {
    const { v1, v2 } = await signingAmendmentA(2021);

    const payload = expectClean('withdrawAmendment', await withdraw(v2.contractId));
    expect(payload.contract.status).toBe('WITHDRAWN');

    const before = await countRows();
    const late = await sign(v2.contractId, world.tokens.aHead);
    expect(firstUserError('signContract', late)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Contract is WITHDRAWN'),
    });
    expect(await countRows()).toEqual(before);

    const response = await server.request(
      'query ($id: ID!) { contract(id: $id) { signatures { role } } }',
      { id: v2.contractId },
      { token: world.tokens.analyst },
    );
    expect(response.data?.contract.signatures).toEqual([{ role: 'MAYOR' }]);
    expect(await statusOf(v1.contractId)).toBe('SIGNED');
  });

  test('withdrawal and signature race', async () => {
    const { v1, v2 } = await signingAmendmentA(2022);

    // Even calls withdraw the amendment as the admin, odd ones sign it as the OPD head.
    const call = async (index: number) => {
      if (index % 2 === 0) {
        const response = await withdraw(v2.contractId, world.tokens.admin);
        return { field: 'withdrawAmendment', response };
      }
      const response = await sign(v2.contractId, world.tokens.aHead);
      return { field: 'signContract', response };
    };
    const results = await Promise.all(Array.from({ length: 10 }, (_, index) => call(index)));

    for (const { response } of results) {
      expect(response.errors).toBeUndefined();
    }
    const accepted = results.filter(
      ({ field, response }) => response.data?.[field].userErrors.length === 0,
    );
    expect(accepted).toHaveLength(1);
    const rejected = results.filter(({ field, response }) => response.data?.[field].userErrors[0]);
    expect(
      new Set(rejected.map(({ field, response }) => firstUserError(field, response).code)),
    ).toEqual(new Set(['CONFLICT']));

    const versions = (await versionsOf(v1.contractId)).map(({ status }) => status);
    if (accepted[0].field === 'withdrawAmendment') {
      expect(versions).toEqual(['SIGNED', 'WITHDRAWN']);
    } else {
      expect(versions).toEqual(['SUPERSEDED', 'SIGNED']);
    }
  });
});

describe('rejected withdrawals', () => {
  let first: ContractHandle;
  let pending: ContractHandle;

  beforeAll(async () => {
    first = await signedContractA(2023);
    pending = await amend(first.contractId);
  });

  test.each([
    ['own OPD_HEAD', () => world.tokens.aHead],
    ['OPD_STAFF', () => world.tokens.aStaff],
    ['EVALUATOR', () => world.tokens.evaluator],
    ['ANALYST', () => world.tokens.analyst],
  ])('%s is FORBIDDEN', async (_role, token) => {
    const before = await countRows();
    const response = await withdraw(pending.contractId, token());
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data).toBeNull();
    expect(await countRows()).toEqual(before);
    expect(await statusOf(pending.contractId)).toBe('OFFERED');
  });

  test('first version is not an amendment', async () => {
    const before = await countRows();
    const response = await withdraw(first.contractId);
    expect(firstUserError('withdrawAmendment', response)).toEqual({
      code: 'CONFLICT',
      field: 'contractId',
      message: expect.stringContaining('Contract is version 1, the first of its year'),
    });
    expect(await countRows()).toEqual(before);
    expect(await statusOf(first.contractId)).toBe('SIGNED');
  });

  test('unsigned first version is rejected', async () => {
    const offered = await offerContract(
      server,
      world,
      world.opdB,
      [{ indicatorId: world.indicatorB, weight: '100' }],
      2020,
    );
    const response = await withdraw(offered.contractId);
    expect(firstUserError('withdrawAmendment', response)).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('not an amendment'),
    });
    expect(await statusOf(offered.contractId)).toBe('OFFERED');
  });

  test.each([
    ['empty', ''],
    ['blank', ' \u200B '],
  ])('%s note is rejected', async (_case, note) => {
    const before = await countRows();
    const response = await withdraw(pending.contractId, world.tokens.admin, note);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const fields = response.errors?.[0].extensions?.fields as { field: string }[];
    expect(new Set(fields.map((entry) => entry.field))).toEqual(new Set(['note']));
    expect(await countRows()).toEqual(before);
    expect(await statusOf(pending.contractId)).toBe('OFFERED');
  });

  test('unknown contract is NOT_FOUND', async () => {
    const response = await withdraw(toGlobalId('Contract', 999999), world.tokens.admin);
    expect(response.errors).toBeUndefined();
    expect(firstUserError('withdrawAmendment', response)).toMatchObject({
      code: 'NOT_FOUND',
      field: 'contractId',
    });
  });
});
