import {
  FINALIZE,
  OFFER,
  SCORE,
  SIGN,
  bidContract,
  expectClean,
  signedContract,
  submitRealization,
  verifyAll,
} from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;

const PROJECTION = `query ($id: ID!) {
  indicatorProjection(indicatorId: $id) {
    indicator { name }
    baseline { year value }
    points { year target { value } realization source }
    endYear endTarget { value } slope projectedValue projectedAttainment status
  }
}`;

const AT_RISK = `query ($plan: ID!, $year: Int!, $quarter: Int) {
  atRiskIndicators(planId: $plan, year: $year, upToQuarter: $quarter) {
    indicator { name } opd { code } mission { number }
    status basis attainment projectedValue upToQuarter
  }
}`;

/** Signs a one-clause 2020 contract for the SUM indicator of OPD A. */
async function signed2020(): Promise<string[]> {
  const offered = expectClean(
    'offerContract',
    await server.request(
      OFFER,
      {
        input: {
          planId: world.planId,
          opdId: world.opdA,
          year: 2020,
          clauses: [{ indicatorId: world.indicatorsA.maxSum, weight: '100' }],
        },
      },
      { token: world.tokens.mayor },
    ),
  );
  const handle = {
    contractId: offered.contract.id,
    clauseIds: offered.contract.clauses.map((clause: { id: string }) => clause.id),
  };
  await bidContract(server, world.tokens.aStaff, handle, []);
  for (const token of [world.tokens.aHead, world.tokens.mayor]) {
    await server.request(SIGN, { input: { contractId: handle.contractId } }, { token });
  }
  return handle.clauseIds;
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
});

afterAll(async () => {
  await server?.close();
});

describe('indicator projection', () => {
  test('no realised year is insufficient data', async () => {
    const response = await server.request(
      PROJECTION,
      { id: world.indicatorsA.maxSum },
      { token: world.tokens.analyst },
    );
    expect(response.data?.indicatorProjection).toMatchObject({
      baseline: { year: 2018, value: '50' },
      status: 'INSUFFICIENT_DATA',
      projectedValue: null,
      slope: null,
    });
  });

  test('one live year projects the line', async () => {
    const handle = await signedContract(server, world, 'A', [
      { indicatorId: world.indicatorsA.maxSum, weight: '100' },
    ]);
    await submitRealization(server, world.tokens.aStaff, handle.clauseIds[0], 1, '25');
    await submitRealization(server, world.tokens.aStaff, handle.clauseIds[0], 2, '35');

    const response = await server.request(
      PROJECTION,
      { id: world.indicatorsA.maxSum },
      { token: world.tokens.analyst },
    );
    // Baseline 2018 = 50 and SUM 2019 = 60: slope 10, so 2023 = 100 against the end target 100.
    const projection = response.data?.indicatorProjection;
    expect(projection.points[1]).toEqual({
      year: 2019,
      target: { value: '100' },
      realization: '60',
      source: 'LIVE',
    });
    expect(projection).toMatchObject({
      endYear: 2023,
      endTarget: { value: '100' },
      slope: '10.0000',
      projectedValue: '100.0000',
      projectedAttainment: '100.00',
      status: 'ON_TRACK',
    });

    await verifyAll(server, world.tokens.evaluator, handle.contractId);
    const scored = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    await server.request(
      FINALIZE,
      { input: { evaluationId: scored.evaluation.id } },
      { token: world.tokens.evaluator },
    );
  });

  test('second year bends the projection', async () => {
    const [clauseId] = await signed2020();
    await submitRealization(server, world.tokens.aStaff, clauseId, 1, '64');

    const response = await server.request(
      PROJECTION,
      { id: world.indicatorsA.maxSum },
      { token: world.tokens.analyst },
    );
    // Points (2018, 50), (2019, 60), (2020, 64): means 2019 and 58, slope (8 + 6) / 2 = 7,
    // so 2023 = 58 + 7 x 4 = 86, which is 86 % of 100: below the at-risk minimum 91.
    const projection = response.data?.indicatorProjection;
    expect(projection.points.map((point: { source: string | null }) => point.source)).toEqual([
      null,
      'FINAL_EVALUATION',
      'LIVE',
      null,
      null,
      null,
    ]);
    expect(projection).toMatchObject({
      slope: '7.0000',
      projectedValue: '86.0000',
      projectedAttainment: '86.00',
      status: 'OFF_TRACK',
    });
  });

  test('at-risk list projects up to the year', async () => {
    const upTo2019 = await server.request(
      AT_RISK,
      { plan: world.planId, year: 2019 },
      { token: world.tokens.analyst },
    );
    expect(upTo2019.data?.atRiskIndicators).toEqual([]);

    const upTo2020 = await server.request(
      AT_RISK,
      { plan: world.planId, year: 2020 },
      { token: world.tokens.analyst },
    );
    expect(upTo2020.data?.atRiskIndicators).toEqual([
      {
        indicator: { name: 'Patients served' },
        opd: { code: 'OPD-A' },
        mission: { number: 1 },
        status: 'OFF_TRACK',
        basis: 'PROJECTION',
        attainment: '86.00',
        projectedValue: '86.0000',
        upToQuarter: null,
      },
    ]);
  });

  test('at-risk list judges the quarter to date', async () => {
    const response = await server.request(
      AT_RISK,
      { plan: world.planId, year: 2020, quarter: 1 },
      { token: world.tokens.analyst },
    );
    // 2020 SUM to date 64 against 100 x 1/4 = 25: 256 % is on track, so nothing is listed.
    expect(response.data?.atRiskIndicators).toEqual([]);

    const quarter4 = await server.request(
      AT_RISK,
      { plan: world.planId, year: 2020, quarter: 4 },
      { token: world.tokens.analyst },
    );
    // Up to quarter 4 the target is 100: 64 % is off track.
    expect(quarter4.data?.atRiskIndicators).toEqual([
      expect.objectContaining({
        status: 'OFF_TRACK',
        basis: 'QUARTER_TO_DATE',
        attainment: '64.00',
        projectedValue: null,
        upToQuarter: 4,
      }),
    ]);
  });
});
