import { Realization } from '../../src/entities';
import { RealizationStatus } from '../../src/entities/enums';
import { fromGlobalId } from '../../src/schema/relay/global-id';
import { SCORE, expectClean, signedContract, submitRealization } from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
let contractA: { contractId: string; clauseIds: string[] };
let contractB: { contractId: string; clauseIds: string[] };
let returnedId: string;

const MISSION_ATTAINMENT = `query ($plan: ID!, $quarter: Int) {
  missionAttainment(planId: $plan, year: 2019, upToQuarter: $quarter) {
    mission { number }
    attainment rating opdsAssigned opdsSigned clauses clausesAchieved clausesMissingData
  }
}`;

const RANKING = `query ($plan: ID!) {
  opdRanking(planId: $plan, year: 2019) {
    rank opd { code } score rating outcome recommendation basis decision
  }
}`;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  contractA = await signedContract(server, world, 'A', [
    {
      indicatorId: world.indicatorsA.maxSum,
      weight: '40',
      offeredTarget: { value: '100' },
      quarterlyTargets: ['20', '30', '25', '25'],
    },
    { indicatorId: world.indicatorsA.minLast, weight: '20' },
    { indicatorId: world.indicatorsA.stabilize, weight: '20' },
    { indicatorId: world.indicatorsA.minRatio, weight: '20' },
  ]);
  contractB = await signedContract(server, world, 'B', [
    { indicatorId: world.indicatorB, weight: '100' },
  ]);

  const [maxSum, minLast, stabilize, minRatio] = contractA.clauseIds;
  const report = (clauseId: string, quarter: number, value: string) =>
    submitRealization(server, world.tokens.aStaff, clauseId, quarter, value);
  await report(maxSum, 1, '25');
  await report(maxSum, 2, '30');
  returnedId = (await report(maxSum, 4, '50')).realization.id;
  await report(minLast, 1, '12');
  await report(minLast, 2, '9');
  await report(stabilize, 1, '3');
  await report(stabilize, 2, '5');
  await report(minRatio, 1, '5');
});

afterAll(async () => {
  await server?.close();
});

describe('scores through the API', () => {
  test('mission attainment for the year', async () => {
    const response = await server.request(
      MISSION_ATTAINMENT,
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    // Mission 1: SUM 105/100 = 105, MINIMIZE (2x10-9)/10 = 110, band average 4 = 100.
    // Mission 2: RATIO 10/5 = 200 capped at 120, and OPD B without data = 0.
    expect(response.data?.missionAttainment).toEqual([
      {
        mission: { number: 1 },
        attainment: '105.00',
        rating: 'SANGAT_TINGGI',
        opdsAssigned: 1,
        opdsSigned: 1,
        clauses: 3,
        clausesAchieved: 3,
        clausesMissingData: 0,
      },
      {
        mission: { number: 2 },
        attainment: '60.00',
        rating: 'RENDAH',
        opdsAssigned: 2,
        opdsSigned: 2,
        clauses: 2,
        clausesAchieved: 1,
        clausesMissingData: 1,
      },
    ]);
  });

  test('mission attainment up to quarter 1', async () => {
    const response = await server.request(
      MISSION_ATTAINMENT,
      { plan: world.planId, quarter: 1 },
      { token: world.tokens.analyst },
    );
    // Quarter 1: SUM 25 against the quarterly target 20 = 125, capped 120; LAST 12 against 10
    // = 80; band value 3 = 100. Mean 100.00.
    const attainments = response.data?.missionAttainment.map((row: any) => row.attainment);
    expect(attainments).toEqual(['100.00', '60.00']);
  });

  test('clause attainment explains the formula', async () => {
    const response = await server.request(
      `query ($id: ID!) { contract(id: $id) { clauses {
        attainment { realization rawAttainment scoredAttainment flags explanation minimizeFormula target { value } }
        q2: attainment(upToQuarter: 2) { target { value } realization scoredAttainment }
      } } }`,
      { id: contractA.contractId },
      { token: world.tokens.aStaff },
    );
    const [maxSum, minLast, , minRatio] = response.data?.contract.clauses ?? [];
    expect(maxSum.attainment).toMatchObject({
      realization: '105',
      scoredAttainment: '105.00',
      flags: ['UNVERIFIED_REALIZATION'],
    });
    expect(maxSum.q2).toEqual({
      target: { value: '50' },
      realization: '55',
      scoredAttainment: '110.00',
    });
    expect(minLast.attainment.explanation).toBe(
      'MINIMIZE, DIFFERENCE: (2 x 10 - 9) / 10 x 100 = 110.00',
    );
    expect(minRatio.attainment).toEqual({
      realization: '5',
      rawAttainment: '200.00',
      scoredAttainment: '120.00',
      flags: ['UNVERIFIED_REALIZATION', 'CAPPED'],
      explanation: 'MINIMIZE, RATIO: 10 / 5 x 100 = 200.00, capped at 120.00',
      minimizeFormula: 'RATIO',
      target: { value: '10' },
    });
  });

  test('ranking orders by live score', async () => {
    const response = await server.request(
      RANKING,
      { plan: world.planId },
      { token: world.tokens.bStaff },
    );
    // OPD A: (40 x 105 + 20 x 110 + 20 x 100 + 20 x 120) / 100 = 108.00. OPD B: 0.
    expect(response.data?.opdRanking).toEqual([
      {
        rank: 1,
        opd: { code: 'OPD-A' },
        score: '108.00',
        rating: 'SANGAT_TINGGI',
        outcome: 'REWARD',
        recommendation: 'PROMOTION',
        basis: 'LIVE',
        decision: null,
      },
      {
        rank: 2,
        opd: { code: 'OPD-B' },
        score: '0.00',
        rating: 'SANGAT_RENDAH',
        outcome: 'PUNISHMENT',
        recommendation: 'MUTATION',
        basis: 'LIVE',
        decision: null,
      },
    ]);
  });

  test('missing realisation scores zero and is flagged', async () => {
    const response = await server.request(
      SCORE,
      { input: { contractId: contractB.contractId } },
      { token: world.tokens.evaluator },
    );
    const evaluation = expectClean('scoreEvaluation', response).evaluation;
    expect(evaluation.score).toBe('0.00');
    expect(evaluation.clauseScores).toEqual([
      expect.objectContaining({
        realizationValue: null,
        rawAttainment: null,
        scoredAttainment: '0.00',
        flags: ['MISSING_REALIZATION'],
      }),
    ]);
  });

  test('returned value no longer counts', async () => {
    const id = fromGlobalId(returnedId)?.id as number;
    await server.app.dataSource.manager.update(Realization, id, {
      status: RealizationStatus.RETURNED,
      activeKey: null,
    });
    const response = await server.request(
      SCORE,
      { input: { contractId: contractA.contractId } },
      { token: world.tokens.evaluator },
    );
    const evaluation = expectClean('scoreEvaluation', response).evaluation;
    // SUM now 55: (40 x 55 + 20 x 110 + 20 x 100 + 20 x 120) / 100 = 88.00.
    expect(evaluation.score).toBe('88.00');
    expect(evaluation.rating).toBe('TINGGI');
    expect(evaluation.outcome).toBe('NONE');
    expect(evaluation.clauseScores[0]).toMatchObject({
      realizationValue: '55',
      explanation: 'MAXIMIZE: 55 / 100 x 100 = 55.00',
    });
  });

  test('unsigned OPDs lists who has not signed', async () => {
    expectClean(
      'createOpd',
      await server.request(
        'mutation { createOpd(input: { code: "OPD-C", name: "Badan C", kind: BADAN, headName: "H" }) { opd { id } userErrors { code } } }',
        {},
        { token: world.tokens.admin },
      ),
    );
    const response = await server.request(
      'query ($plan: ID!) { unsignedOpds(planId: $plan, year: 2019) { opd { code } contract { status } } }',
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    expect(response.data?.unsignedOpds).toEqual([{ opd: { code: 'OPD-C' }, contract: null }]);
  });
});

describe('year reports outside the plan', () => {
  test.each([
    ['missionAttainment', 'missionAttainment(planId: $plan, year: 2030) { attainment }'],
    ['opdRanking', 'opdRanking(planId: $plan, year: 2030) { score }'],
    ['unsignedOpds', 'unsignedOpds(planId: $plan, year: 2030) { opd { code } }'],
    ['atRiskIndicators', 'atRiskIndicators(planId: $plan, year: 2030) { status }'],
  ])('%s rejects year 2030', async (_name, field) => {
    const response = await server.request(
      `query ($plan: ID!) { ${field} }`,
      { plan: world.planId },
      { token: world.tokens.analyst },
    );
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toBe('year 2030 is outside plan RPJMD-TEST (2018-2023)');
  });
});
