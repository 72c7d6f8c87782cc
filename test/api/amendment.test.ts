import {
  AMEND,
  BID,
  FINALIZE,
  idOf,
  REVIEW,
  REVISE_OFFER,
  SCORE,
  SIGN,
  SUBMIT,
  bidContract,
  expectClean,
  signedContract,
  submitRealization,
  type ContractHandle,
} from '../support/operations';
import { Evaluation } from '../../src/entities';
import { EvaluationStatus } from '../../src/entities/enums';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
let v1: ContractHandle;
let v2: ContractHandle;

const amend = (contractId: string, token = world.tokens.admin) =>
  server.request(
    AMEND,
    { input: { contractId, reason: 'OFFICIAL_CHANGED', note: 'A new head was appointed' } },
    { token },
  );

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  v1 = await signedContract(server, world, 'A', [
    { indicatorId: world.indicatorsA.maxSum, weight: '60', budget: '1500000000' },
    { indicatorId: world.indicatorsA.minLast, weight: '40' },
  ]);
  await submitRealization(server, world.tokens.aStaff, v1.clauseIds[0], 1, '30');
});

afterAll(async () => {
  await server?.close();
});

describe('contract amendment', () => {
  test('amendment creates an offered version', async () => {
    const payload = expectClean('amendContract', await amend(v1.contractId));
    expect(payload.contract).toMatchObject({
      version: 2,
      status: 'OFFERED',
      amendmentReason: 'OFFICIAL_CHANGED',
      previousVersion: { id: v1.contractId, status: 'SIGNED' },
    });
    v2 = {
      contractId: payload.contract.id,
      clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
    };

    const clauses = await server.request(
      'query ($id: ID!) { contract(id: $id) { clauses { weight budget offeredTarget { value } committedTarget { value } } } }',
      { id: v2.contractId },
      { token: world.tokens.analyst },
    );
    expect(clauses.data?.contract.clauses).toEqual([
      {
        weight: '60',
        budget: '1500000000',
        offeredTarget: { value: '100' },
        committedTarget: null,
      },
      { weight: '40', budget: null, offeredTarget: { value: '10' }, committedTarget: null },
    ]);
  });

  test('second amendment of same version conflicts', async () => {
    const response = await amend(v1.contractId, world.tokens.mayor);
    expect(response.data?.amendContract.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Version 2 of this contract already exists'),
    });
  });

  test('unsigned version cannot be amended', async () => {
    const response = await amend(v2.contractId);
    expect(response.data?.amendContract.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });

  test('empty note rejected', async () => {
    const response = await server.request(
      AMEND,
      { input: { contractId: v1.contractId, reason: 'STRATEGY_CHANGED', note: ' ' } },
      { token: world.tokens.admin },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'note', message: expect.stringContaining('not only spaces') }],
    });
  });

  test('unknown reason rejected by the schema', async () => {
    const response = await server.request(
      AMEND,
      { input: { contractId: v1.contractId, reason: 'BUDGET_CUT', note: 'n' } },
      { token: world.tokens.admin },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('BUDGET_CUT');
  });

  test('offer revision replaces clauses', async () => {
    const response = await server.request(
      REVISE_OFFER,
      {
        input: {
          contractId: v2.contractId,
          clauses: [
            {
              indicatorId: world.indicatorsA.maxSum,
              weight: '70',
              offeredTarget: { value: '110' },
            },
            { indicatorId: world.indicatorsA.minLast, weight: '30' },
          ],
        },
      },
      { token: world.tokens.mayor },
    );
    const contract = expectClean('reviseOffer', response).contract;
    expect(contract.status).toBe('OFFERED');
    expect(contract.clauses.map((clause: { weight: string }) => clause.weight)).toEqual([
      '70',
      '30',
    ]);
    v2 = { ...v2, clauseIds: contract.clauses.map((clause: { id: string }) => clause.id) };
  });

  test('old version keeps taking reports meanwhile', async () => {
    await submitRealization(server, world.tokens.aStaff, v1.clauseIds[0], 2, '35');
  });

  test('signing the new version supersedes the old', async () => {
    await bidContract(server, world.tokens.aHead, v2, []);
    for (const token of [world.tokens.mayor, world.tokens.aHead]) {
      expectClean(
        'signContract',
        await server.request(SIGN, { input: { contractId: v2.contractId } }, { token }),
      );
    }

    const versions = await server.request(
      `query ($id: ID!) { contract(id: $id) { versions { version status }
        clauses { realizations { quarter value status } } } }`,
      { id: v2.contractId },
      { token: world.tokens.analyst },
    );
    expect(versions.data?.contract.versions).toEqual([
      { version: 1, status: 'SUPERSEDED' },
      { version: 2, status: 'SIGNED' },
    ]);
    expect(versions.data?.contract.clauses[0].realizations).toEqual([
      { quarter: 1, value: '30', status: 'SUBMITTED' },
      { quarter: 2, value: '35', status: 'SUBMITTED' },
    ]);
  });

  test('year queries use the live version', async () => {
    const live = await server.request(
      'query ($plan: ID!) { contracts(planId: $plan, year: 2019) { totalCount edges { node { version } } } }',
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    expect(live.data?.contracts.edges).toEqual([{ node: { version: 2 } }]);

    const all = await server.request(
      'query ($plan: ID!) { contracts(planId: $plan, year: 2019, includeSuperseded: true) { totalCount } }',
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    expect(all.data?.contracts.totalCount).toBe(2);

    const ranking = await server.request(
      'query ($plan: ID!) { opdRanking(planId: $plan, year: 2019) { contract { version } } }',
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    expect(ranking.data?.opdRanking).toEqual([{ contract: { version: 2 } }]);
  });

  test('superseded version cannot change', async () => {
    const old = await server.request(
      'query ($id: ID!) { contract(id: $id) { clauses { realizations { id } } } }',
      { id: v1.contractId },
      { token: world.tokens.analyst },
    );
    const oldRealization = old.data?.contract.clauses[0].realizations[0].id;
    const attempts = {
      submitRealization: await server.request(
        SUBMIT,
        {
          input: {
            clauseId: v1.clauseIds[0],
            quarter: 3,
            value: '1',
            evidence: { dataSource: 'S' },
          },
        },
        { token: world.tokens.aStaff },
      ),
      bidContract: await server.request(
        BID,
        {
          input: {
            contractId: v1.contractId,
            clauses: v1.clauseIds.map((clauseId) => ({
              clauseId,
              committedTarget: { value: '200' },
              justification: 'j',
            })),
          },
        },
        { token: world.tokens.aStaff },
      ),
      signContract: await server.request(
        SIGN,
        { input: { contractId: v1.contractId } },
        { token: world.tokens.mayor },
      ),
      scoreEvaluation: await server.request(
        SCORE,
        { input: { contractId: v1.contractId } },
        { token: world.tokens.evaluator },
      ),
      amendContract: await amend(v1.contractId),
      reviewRealization: await server.request(
        REVIEW,
        { input: { realizationId: oldRealization, verdict: 'VERIFY' } },
        { token: world.tokens.evaluator },
      ),
    };
    for (const [mutation, response] of Object.entries(attempts)) {
      expect({ mutation, code: response.data?.[mutation].userErrors[0]?.code }).toEqual({
        mutation,
        code: 'CONFLICT',
      });
    }
  });
});

describe('a year closed by a final evaluation', () => {
  let first: ContractHandle;
  let amended: ContractHandle;
  let evaluationId: string;

  beforeAll(async () => {
    first = await signedContract(server, world, 'B', [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
    const payload = expectClean('amendContract', await amend(first.contractId));
    amended = {
      contractId: payload.contract.id,
      clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
    };
    const draft = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: first.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    evaluationId = draft.evaluation.id;
  });

  test('finalise rejected during amendment', async () => {
    const response = await server.request(
      FINALIZE,
      { input: { evaluationId } },
      { token: world.tokens.evaluator },
    );
    expect(response.data?.finalizeEvaluation.userErrors).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        field: 'evaluationId',
        message: expect.stringContaining('Version 2 of this contract is OFFERED'),
      }),
    ]);
  });

  test('signing cannot reopen final year', async () => {
    // A FINAL evaluation recorded beside a pending amendment, as an older release allowed.
    const { manager } = server.app.dataSource;
    await manager.update(
      Evaluation,
      { id: idOf(evaluationId) },
      { status: EvaluationStatus.FINAL },
    );
    await bidContract(server, world.tokens.bHead, amended, []);
    expectClean(
      'signContract',
      await server.request(
        SIGN,
        { input: { contractId: amended.contractId } },
        { token: world.tokens.mayor },
      ),
    );

    const second = await server.request(
      SIGN,
      { input: { contractId: amended.contractId } },
      { token: world.tokens.bHead },
    );
    expect(second.data?.signContract.userErrors).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringContaining('a closed year cannot be reopened'),
      }),
    ]);
    const versions = await server.request(
      'query ($id: ID!) { contract(id: $id) { versions { version status signatures { role } } } }',
      { id: amended.contractId },
      { token: world.tokens.analyst },
    );
    expect(versions.data?.contract.versions).toEqual([
      { version: 1, status: 'SIGNED', signatures: expect.any(Array) },
      { version: 2, status: 'SIGNING', signatures: [{ role: 'MAYOR' }] },
    ]);
  });
});
