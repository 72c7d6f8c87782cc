import { errorCodes } from '../support/graphql-client';
import {
  BID,
  FINALIZE,
  OFFER,
  SCORE,
  SIGN,
  SUBMIT,
  bidContract,
  expectClean,
  offerContract,
  submitRealization,
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

describe('contract lifecycle', () => {
  test('offer, bid, sign twice, report, score, finalise', async () => {
    const handle = await offerContract(server, world, world.opdA, [
      { indicatorId: world.indicatorsA.maxSum, weight: '60' },
      { indicatorId: world.indicatorsA.minLast, weight: '40', offeredTarget: { value: '12' } },
    ]);

    const bid = await bidContract(server, world.tokens.aStaff, handle, [
      { value: '110' },
      { value: '11' },
    ]);
    expect(bid.contract.status).toBe('BID');

    const first = expectClean(
      'signContract',
      await server.request(
        SIGN,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.aHead },
      ),
    );
    expect(first.contract.status).toBe('SIGNING');
    expect(first.contract.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.signature.role).toBe('OPD_HEAD');

    const second = expectClean(
      'signContract',
      await server.request(
        SIGN,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.mayor },
      ),
    );
    expect(second.contract.status).toBe('SIGNED');
    expect(second.signature.contentHash).toBe(first.contract.contentHash);

    for (const [quarter, value] of [
      [1, '20'],
      [2, '30'],
      [3, '25'],
      [4, '35'],
    ] as const) {
      await submitRealization(server, world.tokens.aStaff, handle.clauseIds[0], quarter, value);
    }
    await submitRealization(server, world.tokens.aHead, handle.clauseIds[1], 4, '11');
    await verifyAll(server, world.tokens.evaluator, handle.contractId);

    const scored = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    // 110 committed, 110 realised: 100; MINIMIZE 11 vs 11: 100. Weighted: 100.00.
    expect(scored.evaluation.status).toBe('DRAFT');
    expect(scored.evaluation.score).toBe('100.00');
    expect(scored.evaluation.rating).toBe('SANGAT_TINGGI');
    expect(scored.evaluation.outcome).toBe('REWARD');
    expect(scored.evaluation.recommendation).toBe('PROMOTION');

    const final = expectClean(
      'finalizeEvaluation',
      await server.request(
        FINALIZE,
        { input: { evaluationId: scored.evaluation.id } },
        { token: world.tokens.evaluator },
      ),
    );
    expect(final.evaluation.status).toBe('FINAL');
    expect(final.evaluation.finalizedAt).not.toBeNull();
  });
});

describe('offer rules', () => {
  test('weights not summing to 100 rejected', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdB,
          year: 2020,
          clauses: [{ indicatorId: world.indicatorB, weight: '90' }],
        },
      },
      { token: world.tokens.mayor },
    );
    const payload = response.data?.offerContract;
    expect(payload.contract).toBeNull();
    expect(payload.userErrors).toEqual([
      { field: 'clauses', code: 'BAD_USER_INPUT', message: expect.stringContaining('sum to 90') },
    ]);
  });

  test('negative quarterly targets rejected', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdB,
          year: 2020,
          clauses: [
            {
              indicatorId: world.indicatorB,
              weight: '100',
              offeredTarget: { value: '600' },
              quarterlyTargets: ['-1', '-2', '-3', '-4'],
            },
          ],
        },
      },
      { token: world.tokens.mayor },
    );
    const payload = response.data?.offerContract;
    expect(payload.contract).toBeNull();
    expect(payload.userErrors).toHaveLength(4);
    expect(payload.userErrors[0]).toMatchObject({
      field: 'clauses[0].quarterlyTargets[0]',
      message:
        'clauses[0].quarterlyTargets[0] -1 is negative: targets must be 0 or more, because the ' +
        'attainment formulas would reward missing a negative target',
    });
  });

  test('negative offered target rejected', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdB,
          year: 2020,
          clauses: [
            { indicatorId: world.indicatorB, weight: '100', offeredTarget: { value: '-2' } },
          ],
        },
      },
      { token: world.tokens.mayor },
    );
    const payload = response.data?.offerContract;
    expect(payload.contract).toBeNull();
    expect(payload.userErrors.map((error: { field: string }) => error.field)).toEqual([
      'clauses[0].offeredTarget.value',
    ]);
  });

  test('non-positive weight rejected', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdA,
          year: 2020,
          clauses: [
            { indicatorId: world.indicatorsA.maxSum, weight: '0' },
            { indicatorId: world.indicatorsA.minLast, weight: '100' },
          ],
        },
      },
      { token: world.tokens.mayor },
    );
    expect(response.data?.offerContract.userErrors[0].field).toBe('clauses[0].weight');
  });

  test('indicator of another OPD rejected', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdB,
          year: 2021,
          clauses: [{ indicatorId: world.indicatorsA.maxSum, weight: '100' }],
        },
      },
      { token: world.tokens.admin },
    );
    const [error] = response.data?.offerContract.userErrors ?? [];
    expect(error.field).toBe('clauses[0].indicatorId');
    expect(error.message).toContain('belongs to another OPD');
  });

  test('year outside the plan rejected', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdB,
          year: 2030,
          clauses: [{ indicatorId: world.indicatorB, weight: '100' }],
        },
      },
      { token: world.tokens.admin },
    );
    expect(response.data?.offerContract.userErrors[0]).toMatchObject({
      field: 'year',
      code: 'BAD_USER_INPUT',
    });
  });

  test('second offer for same year conflicts', async () => {
    const input = {
      planId: world.planId,
      opdId: world.opdB,
      year: 2022,
      clauses: [{ indicatorId: world.indicatorB, weight: '100' }],
    };
    expectClean(
      'offerContract',
      await server.request(OFFER, { input }, { token: world.tokens.admin }),
    );
    const again = await server.request(OFFER, { input }, { token: world.tokens.mayor });
    expect(again.data?.offerContract.userErrors[0]).toMatchObject({
      field: 'opdId',
      code: 'CONFLICT',
    });
  });

  test('STABILIZE offer needs a band', async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdA,
          year: 2023,
          clauses: [
            {
              indicatorId: world.indicatorsA.stabilize,
              weight: '100',
              offeredTarget: { value: '3' },
            },
          ],
        },
      },
      { token: world.tokens.admin },
    );
    expect(response.data?.offerContract.userErrors[0].field).toBe('clauses[0].offeredTarget');
  });
});

describe('bid rules', () => {
  let handle: { contractId: string; clauseIds: string[] };

  beforeAll(async () => {
    const response = await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdA,
          year: 2020,
          clauses: [
            {
              indicatorId: world.indicatorsA.maxSum,
              weight: '40',
              offeredTarget: { value: '100' },
            },
            {
              indicatorId: world.indicatorsA.minLast,
              weight: '30',
              offeredTarget: { value: '10' },
            },
            {
              indicatorId: world.indicatorsA.stabilize,
              weight: '30',
              offeredTarget: { lower: '2', upper: '4' },
            },
          ],
        },
      },
      { token: world.tokens.mayor },
    );
    const payload = expectClean('offerContract', response);
    handle = {
      contractId: payload.contract.id,
      clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
    };
  });

  const bid = (targets: object[], token = world.tokens.aStaff) =>
    server.request(
      BID,
      {
        input: {
          contractId: handle.contractId,
          clauses: handle.clauseIds.map((clauseId, index) => ({
            clauseId,
            committedTarget: targets[index],
            justification: 'Plan in place',
          })),
        },
      },
      { token },
    );

  test.each([
    [
      'MAXIMIZE below offer',
      [{ value: '99' }, { value: '10' }, { lower: '2', upper: '4' }],
      'clauses[0].committedTarget.value',
    ],
    [
      'MINIMIZE above offer',
      [{ value: '100' }, { value: '10.5' }, { lower: '2', upper: '4' }],
      'clauses[1].committedTarget.value',
    ],
    [
      'STABILIZE band wider',
      [{ value: '100' }, { value: '10' }, { lower: '1.5', upper: '4' }],
      'clauses[2].committedTarget',
    ],
  ])('%s rejected', async (_name, targets, field) => {
    const response = await bid(targets);
    const payload = response.data?.bidContract;
    expect(payload.contract).toBeNull();
    expect(payload.userErrors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  test('weak quarterly targets in a bid rejected', async () => {
    const response = await server.request(
      BID,
      {
        input: {
          contractId: handle.contractId,
          clauses: handle.clauseIds.map((clauseId, index) => ({
            clauseId,
            committedTarget: [{ value: '100' }, { value: '10' }, { lower: '2', upper: '4' }][index],
            quarterlyTargets: index === 0 ? ['10', '10', '10', '10'] : null,
            justification: 'Plan in place',
          })),
        },
      },
      { token: world.tokens.aStaff },
    );
    const payload = response.data?.bidContract;
    expect(payload.contract).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        field: 'clauses[0].quarterlyTargets',
        code: 'BAD_USER_INPUT',
        message:
          'clauses[0].quarterlyTargets add up to 40, but the yearly target is 100: for a ' +
          'MAXIMIZE SUM indicator their total must be at least the yearly target',
      },
    ]);
  });

  test('kept quarterly targets must fit the commitment', async () => {
    const offered = expectClean(
      'offerContract',
      await server.request(
        OFFER,
        {
          input: {
            planId: world.planId,
            opdId: world.opdA,
            year: 2021,
            clauses: [
              {
                indicatorId: world.indicatorsA.minLast,
                weight: '100',
                offeredTarget: { value: '600' },
                quarterlyTargets: ['700', '650', '620', '600'],
              },
            ],
          },
        },
        { token: world.tokens.mayor },
      ),
    );
    const response = await server.request(
      BID,
      {
        input: {
          contractId: offered.contract.id,
          clauses: [
            {
              clauseId: offered.contract.clauses[0].id,
              committedTarget: { value: '500' },
              justification: 'Plan in place',
            },
          ],
        },
      },
      { token: world.tokens.aStaff },
    );
    const [error] = response.data?.bidContract.userErrors ?? [];
    expect(error.field).toBe('clauses[0].quarterlyTargets');
    expect(error.message).toContain('end at 600, but the yearly target is 500');
    expect(error.message).toContain('send quarterlyTargets that fit the committed target');
  });

  test('bid missing a clause rejected', async () => {
    const response = await server.request(
      BID,
      {
        input: {
          contractId: handle.contractId,
          clauses: [
            {
              clauseId: handle.clauseIds[0],
              committedTarget: { value: '100' },
              justification: 'x',
            },
          ],
        },
      },
      { token: world.tokens.aStaff },
    );
    expect(response.data?.bidContract.userErrors[0].field).toBe('clauses');
  });

  test('ambitious bid accepted and repeatable', async () => {
    const first = await bid([{ value: '120' }, { value: '8' }, { lower: '2.5', upper: '3.5' }]);
    expect(first.data?.bidContract.contract.status).toBe('BID');
    const second = await bid([{ value: '100' }, { value: '10' }, { lower: '2', upper: '4' }]);
    expect(second.data?.bidContract.contract.clauses[0].committedTarget.value).toBe('100');
  });

  test('sign freezes clauses against re-bid', async () => {
    await bid([{ value: '100' }, { value: '10' }, { lower: '2', upper: '4' }]);
    const signed = await server.request(
      SIGN,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.mayor },
    );
    expect(signed.data?.signContract.contract.status).toBe('SIGNING');

    const rebid = await bid([{ value: '150' }, { value: '10' }, { lower: '2', upper: '4' }]);
    expect(rebid.data?.bidContract.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      field: 'contractId',
    });
  });

  test('same role cannot sign twice', async () => {
    const again = await server.request(
      SIGN,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.mayor },
    );
    expect(again.data?.signContract.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
    const contract = await server.request(
      'query ($id: ID!) { contract(id: $id) { status signatures { role } } }',
      { id: handle.contractId },
      { token: world.tokens.analyst },
    );
    expect(contract.data?.contract.signatures).toEqual([{ role: 'MAYOR' }]);
  });
});

describe('signing rules', () => {
  test('signing before the bid conflicts', async () => {
    const handle = await offerContract(server, world, world.opdB, [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
    const response = await server.request(
      SIGN,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.bHead },
    );
    expect(response.data?.signContract.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      field: 'contractId',
    });
  });
});

describe('realisation rules', () => {
  let handle: { contractId: string; clauseIds: string[] };

  beforeAll(async () => {
    const response = await server.request(
      'query ($opd: ID!) { opd(id: $opd) { contract(year: 2019) { id status clauses { id } } } }',
      { opd: world.opdB },
      { token: world.tokens.bStaff },
    );
    const contract = response.data?.opd.contract;
    handle = {
      contractId: contract.id,
      clauseIds: contract.clauses.map((c: { id: string }) => c.id),
    };
  });

  test('report before signing conflicts', async () => {
    const response = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: handle.clauseIds[0],
          quarter: 1,
          value: '70',
          evidence: { dataSource: 'Survey' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(response.data?.submitRealization.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });

  test('quarter 5 is malformed input', async () => {
    const response = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: handle.clauseIds[0],
          quarter: 5,
          value: '70',
          evidence: { dataSource: 'Survey' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('quarter = 5');
    expect(response.errors?.[0].extensions?.fields[0].field).toBe('quarter');
  });

  test('empty data source is malformed input', async () => {
    const response = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: handle.clauseIds[0],
          quarter: 1,
          value: '70',
          evidence: { dataSource: '' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].extensions?.fields[0].field).toBe('evidence.dataSource');
  });

  test('value that is not a decimal rejected', async () => {
    const response = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: handle.clauseIds[0],
          quarter: 1,
          value: '1e9',
          evidence: { dataSource: 'S' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('evaluation locking', () => {
  let handle: { contractId: string; clauseIds: string[] };
  let evaluationId: string;

  beforeAll(async () => {
    const response = await server.request(
      'query ($opd: ID!) { opd(id: $opd) { contract(year: 2019) { id clauses { id } } } }',
      { opd: world.opdB },
      { token: world.tokens.bStaff },
    );
    const contract = response.data?.opd.contract;
    handle = {
      contractId: contract.id,
      clauseIds: contract.clauses.map((c: { id: string }) => c.id),
    };
    await bidContract(server, world.tokens.bStaff, handle, []);
    await server.request(
      SIGN,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.bHead },
    );
    await server.request(
      SIGN,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.mayor },
    );
    await submitRealization(server, world.tokens.bStaff, handle.clauseIds[0], 1, '70');
  });

  test('duplicate quarter conflicts', async () => {
    const response = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: handle.clauseIds[0],
          quarter: 1,
          value: '71',
          evidence: { dataSource: 'S' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(response.data?.submitRealization.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      field: 'quarter',
    });
  });

  test('final evaluation locks realisations and score', async () => {
    const scored = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    evaluationId = scored.evaluation.id;
    // AVERAGE of one quarter (70) against 80: 87.50, rated TINGGI.
    expect(scored.evaluation.score).toBe('87.50');
    expect(scored.evaluation.rating).toBe('TINGGI');
    expect(scored.evaluation.outcome).toBe('NONE');
    expect(scored.evaluation.recommendation).toBeNull();

    const unreviewed = await server.request(
      FINALIZE,
      { input: { evaluationId } },
      { token: world.tokens.evaluator },
    );
    expect(unreviewed.data?.finalizeEvaluation.userErrors).toEqual([
      {
        field: 'evaluationId',
        code: 'CONFLICT',
        message: expect.stringContaining(
          'Quarter 1 of "Service index" (value 70) is still SUBMITTED',
        ),
      },
    ]);
    await verifyAll(server, world.tokens.evaluator, handle.contractId);

    expectClean(
      'finalizeEvaluation',
      await server.request(
        FINALIZE,
        { input: { evaluationId } },
        { token: world.tokens.evaluator },
      ),
    );

    const late = await server.request(
      SUBMIT,
      {
        input: {
          clauseId: handle.clauseIds[0],
          quarter: 2,
          value: '90',
          evidence: { dataSource: 'S' },
        },
      },
      { token: world.tokens.bStaff },
    );
    expect(late.data?.submitRealization.userErrors[0]).toMatchObject({ code: 'CONFLICT' });

    const rescore = await server.request(
      SCORE,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.evaluator },
    );
    expect(rescore.data?.scoreEvaluation.userErrors[0]).toMatchObject({ code: 'CONFLICT' });

    const refinalize = await server.request(
      FINALIZE,
      { input: { evaluationId } },
      { token: world.tokens.evaluator },
    );
    expect(refinalize.data?.finalizeEvaluation.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });
});
