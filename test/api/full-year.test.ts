import { Clause } from '../../src/entities';
import { fromGlobalId } from '../../src/schema/relay/global-id';
import {
  AMEND,
  BID,
  DECIDE,
  FINALIZE,
  OFFER,
  REVIEW,
  SCORE,
  SIGN,
  expectClean,
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

const VERIFY = `query ($id: ID!) {
  verifyContract(id: $id) {
    intact computedHash storedHash
    signatures { role contentHash }
    mismatchedSignatures { role }
  }
}`;

describe('a full contract year', () => {
  let contractId: string;
  let clauseIds: string[];
  let evaluationId: string;

  test('offer, bid and both signatures', async () => {
    const offered = expectClean(
      'offerContract',
      await server.request(
        OFFER,
        {
          input: {
            planId: world.planId,
            opdId: world.opdA,
            year: 2019,
            clauses: [
              {
                indicatorId: world.indicatorsA.maxSum,
                weight: '50',
                quarterlyTargets: ['20', '25', '25', '30'],
                budget: '2500000000',
              },
              { indicatorId: world.indicatorsA.minRatio, weight: '30' },
              { indicatorId: world.indicatorsA.stabilize, weight: '20' },
            ],
          },
        },
        { token: world.tokens.admin },
      ),
    );
    contractId = offered.contract.id;
    clauseIds = offered.contract.clauses.map((clause: { id: string }) => clause.id);

    expectClean(
      'bidContract',
      await server.request(
        BID,
        {
          input: {
            contractId,
            clauses: [
              {
                clauseId: clauseIds[0],
                committedTarget: { value: '100' },
                justification: 'Outreach',
              },
              {
                clauseId: clauseIds[1],
                committedTarget: { value: '8' },
                justification: 'Midwives',
              },
              {
                clauseId: clauseIds[2],
                committedTarget: { lower: '2.5', upper: '3.5' },
                justification: 'Market operations',
              },
            ],
          },
        },
        { token: world.tokens.aStaff },
      ),
    );
    for (const token of [world.tokens.mayor, world.tokens.aHead]) {
      expectClean('signContract', await server.request(SIGN, { input: { contractId } }, { token }));
    }
  });

  test('four quarters reported and reviewed', async () => {
    const values: Record<number, string[]> = { 0: ['20', '30', '20', '25'], 1: ['', '', '', '10'] };
    for (let quarter = 1; quarter <= 4; quarter++) {
      await submitRealization(
        server,
        world.tokens.aStaff,
        clauseIds[0],
        quarter,
        values[0][quarter - 1],
      );
    }
    await submitRealization(server, world.tokens.aHead, clauseIds[1], 4, values[1][3]);
    const wrong = await submitRealization(server, world.tokens.aStaff, clauseIds[2], 2, '9');
    await submitRealization(server, world.tokens.aStaff, clauseIds[2], 1, '3');

    expectClean(
      'reviewRealization',
      await server.request(
        REVIEW,
        {
          input: { realizationId: wrong.realization.id, verdict: 'RETURN', note: 'Typo: 9 is 3.9' },
        },
        { token: world.tokens.evaluator },
      ),
    );
    await submitRealization(server, world.tokens.aStaff, clauseIds[2], 2, '3.9');

    const pending = await server.request(
      'query ($id: ID!) { contract(id: $id) { clauses { realizations { id status } } } }',
      { id: contractId },
      { token: world.tokens.evaluator },
    );
    for (const clause of pending.data?.contract.clauses ?? []) {
      for (const realization of clause.realizations) {
        if (realization.status === 'SUBMITTED') {
          expectClean(
            'reviewRealization',
            await server.request(
              REVIEW,
              { input: { realizationId: realization.id, verdict: 'VERIFY' } },
              { token: world.tokens.evaluator },
            ),
          );
        }
      }
    }
  });

  test('scored by hand-checked formulas', async () => {
    const scored = expectClean(
      'scoreEvaluation',
      await server.request(SCORE, { input: { contractId } }, { token: world.tokens.evaluator }),
    );
    evaluationId = scored.evaluation.id;
    // SUM 95 / 100 = 95; RATIO 8 / 10 = 80; band average (3 + 3.9) / 2 = 3.45 inside [2.5, 3.5]
    // = 100. Weighted: (50 x 95 + 30 x 80 + 20 x 100) / 100 = 91.50.
    expect(scored.evaluation.clauseScores.map((score: any) => score.explanation)).toEqual([
      'MAXIMIZE: 95 / 100 x 100 = 95.00',
      'MINIMIZE, RATIO: 8 / 10 x 100 = 80.00',
      'STABILIZE, band [2.5, 3.5]: 3.45 inside the band = 100.00',
    ]);
    expect(scored.evaluation).toMatchObject({
      score: '91.50',
      rating: 'SANGAT_TINGGI',
      outcome: 'REWARD',
      recommendation: 'PROMOTION',
    });
  });

  test('decision needs a final evaluation', async () => {
    const early = await server.request(
      DECIDE,
      { input: { evaluationId, decision: 'PROMOTION' } },
      { token: world.tokens.mayor },
    );
    expect(early.data?.decideOutcome.userErrors[0]).toMatchObject({ code: 'CONFLICT' });

    expectClean(
      'finalizeEvaluation',
      await server.request(
        FINALIZE,
        { input: { evaluationId } },
        { token: world.tokens.evaluator },
      ),
    );
  });

  test('decision outside the policy rejected', async () => {
    const response = await server.request(
      DECIDE,
      { input: { evaluationId, decision: 'BONUS' } },
      { token: world.tokens.mayor },
    );
    expect(response.data?.decideOutcome.userErrors).toEqual([
      {
        field: 'decision',
        code: 'BAD_USER_INPUT',
        message:
          'decision "BONUS" is not one of the plan\'s options: PROMOTION, MUTATION, NO_ACTION',
      },
    ]);
  });

  test('decision differing from recommendation is visible', async () => {
    const decided = expectClean(
      'decideOutcome',
      await server.request(
        DECIDE,
        { input: { evaluationId, decision: 'NO_ACTION', note: 'Promotion round is closed' } },
        { token: world.tokens.mayor },
      ),
    );
    expect(decided.evaluation).toMatchObject({
      decision: 'NO_ACTION',
      recommendation: 'PROMOTION',
      decisionDiffersFromRecommendation: true,
    });

    const again = await server.request(
      DECIDE,
      { input: { evaluationId, decision: 'PROMOTION' } },
      { token: world.tokens.mayor },
    );
    expect(again.data?.decideOutcome.userErrors[0]).toMatchObject({ code: 'CONFLICT' });

    const ranking = await server.request(
      'query ($plan: ID!) { opdRanking(planId: $plan, year: 2019) { score recommendation decision basis } }',
      { plan: world.planId },
      { token: world.tokens.bStaff },
    );
    expect(ranking.data?.opdRanking).toEqual([
      {
        score: '91.50',
        recommendation: 'PROMOTION',
        decision: 'NO_ACTION',
        basis: 'FINAL_EVALUATION',
      },
    ]);
  });

  test('closed year cannot be amended', async () => {
    const response = await server.request(
      AMEND,
      { input: { contractId, reason: 'PRIORITY_CHANGED', note: 'Late change' } },
      { token: world.tokens.mayor },
    );
    expect(response.data?.amendContract.userErrors[0]).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('FINAL evaluation'),
    });
  });

  test('audit trail records every step', async () => {
    const events = await server.request(
      'query ($id: ID!) { auditEvents(entityId: $id, first: 100) { edges { node { action actorRole } } } }',
      { id: contractId },
      { token: world.tokens.analyst },
    );
    expect(events.data?.auditEvents.edges.map((edge: any) => edge.node)).toEqual([
      { action: 'offerContract', actorRole: 'ADMIN' },
      { action: 'bidContract', actorRole: 'OPD_STAFF' },
      { action: 'signContract', actorRole: 'MAYOR' },
      { action: 'signContract', actorRole: 'OPD_HEAD' },
    ]);

    const denied = await server.request(
      'query ($id: ID!) { auditEvents(entityId: $id) { totalCount } }',
      { id: contractId },
      { token: world.tokens.aStaff },
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('signed contract verifies intact', async () => {
    const response = await server.request(
      VERIFY,
      { id: contractId },
      { token: world.tokens.aStaff },
    );
    const verification = response.data?.verifyContract;
    expect(verification.intact).toBe(true);
    expect(verification.computedHash).toBe(verification.storedHash);
    expect(verification.signatures).toHaveLength(2);
    expect(verification.mismatchedSignatures).toEqual([]);
  });

  test('clause edited in the database is detected', async () => {
    const id = fromGlobalId(clauseIds[0])?.id as number;
    await server.app.dataSource.manager.update(Clause, id, { committedValue: '80' });

    const response = await server.request(
      VERIFY,
      { id: contractId },
      { token: world.tokens.analyst },
    );
    const verification = response.data?.verifyContract;
    expect(verification.intact).toBe(false);
    expect(verification.computedHash).not.toBe(verification.storedHash);
    expect(
      verification.mismatchedSignatures.map((signature: any) => signature.role).sort(),
    ).toEqual(['MAYOR', 'OPD_HEAD']);
  });
});
