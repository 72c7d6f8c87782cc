import {
  SCORE,
  expectClean,
  signedContract,
  submitRealization,
  type ContractHandle,
} from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

/** The largest value a realisation may have: 15 significant digits, four of them decimals. */
const MAX_REALIZATION = '99999999999.9999';

let server: TestServer;
let world: World;
let contract: ContractHandle;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  contract = await signedContract(server, world, 'A', [
    { indicatorId: world.indicatorsA.maxSum, weight: '100', offeredTarget: { value: '0.0001' } },
  ]);
  for (const quarter of [1, 2, 3, 4]) {
    await submitRealization(
      server,
      world.tokens.aStaff,
      contract.clauseIds[0],
      quarter,
      MAX_REALIZATION,
    );
  }
});

afterAll(async () => {
  await server?.close();
});

describe('extreme values', () => {
  test('largest realisations against smallest target score', async () => {
    const scored = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: contract.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    const [clause] = scored.evaluation.clauseScores;
    expect(clause.scoredAttainment).toBe('120.00');
    expect(scored.evaluation.score).toBe('120.00');
  });

  test('raw attainment keeps every integer digit', async () => {
    const response = await server.request(
      `query ($id: ID!) { evaluation(contractId: $id) { clauseScores { rawAttainment } } }`,
      { id: contract.contractId },
      { token: world.tokens.evaluator },
    );
    expect(response.errors).toBeUndefined();
    // Four quarters of the largest value, summed, over a target of 0.0001, in percent.
    expect(response.data?.evaluation.clauseScores[0].rawAttainment).toBe('399999999999999600.00');
  });
});
