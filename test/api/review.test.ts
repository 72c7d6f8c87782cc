import {
  FINALIZE,
  REVIEW,
  SCORE,
  SUBMIT,
  expectClean,
  signedContract,
  submitRealization,
} from '../support/operations';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
let clauseId: string;
let contractId: string;

const review = (realizationId: string, verdict: string, note?: string) =>
  server.request(
    REVIEW,
    { input: { realizationId, verdict, note } },
    { token: world.tokens.evaluator },
  );

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const handle = await signedContract(server, world, 'B', [
    { indicatorId: world.indicatorB, weight: '100' },
  ]);
  clauseId = handle.clauseIds[0];
  contractId = handle.contractId;
});

afterAll(async () => {
  await server?.close();
});

describe('realisation review', () => {
  let firstId: string;

  test('return needs a note', async () => {
    firstId = (await submitRealization(server, world.tokens.bStaff, clauseId, 1, '60')).realization
      .id;
    const response = await review(firstId, 'RETURN');
    expect(response.data?.reviewRealization.userErrors).toEqual([
      {
        field: 'note',
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('note is required'),
      },
    ]);
  });

  test('returned value stops counting', async () => {
    const returned = expectClean(
      'reviewRealization',
      await review(firstId, 'RETURN', 'The attendance list does not support 60'),
    );
    expect(returned.realization.status).toBe('RETURNED');
    expect(returned.realization.reviewNote).toBe('The attendance list does not support 60');

    const scored = expectClean(
      'scoreEvaluation',
      await server.request(SCORE, { input: { contractId } }, { token: world.tokens.evaluator }),
    );
    expect(scored.evaluation.clauseScores[0].flags).toEqual(['MISSING_REALIZATION']);
  });

  test('resubmission keeps history', async () => {
    const second = await submitRealization(server, world.tokens.bStaff, clauseId, 1, '72');
    expect(second.realization.status).toBe('SUBMITTED');

    const history = await server.request(
      'query ($id: ID!) { node(id: $id) { ... on Realization { history { id value status reviewNote } } } }',
      { id: second.realization.id },
      { token: world.tokens.bStaff },
    );
    expect(history.data?.node.history).toEqual([
      {
        id: firstId,
        value: '60',
        status: 'RETURNED',
        reviewNote: 'The attendance list does not support 60',
      },
      { id: second.realization.id, value: '72', status: 'SUBMITTED', reviewNote: null },
    ]);
  });

  test('returned value cannot be reviewed again', async () => {
    const response = await review(firstId, 'VERIFY');
    expect(response.data?.reviewRealization.userErrors[0]).toMatchObject({ code: 'CONFLICT' });
  });

  test('finalise waits for every review', async () => {
    const scored = expectClean(
      'scoreEvaluation',
      await server.request(SCORE, { input: { contractId } }, { token: world.tokens.evaluator }),
    );
    const evaluationId = scored.evaluation.id;
    expect(scored.evaluation.clauseScores[0].flags).toEqual(['UNVERIFIED_REALIZATION']);

    const blocked = await server.request(
      FINALIZE,
      { input: { evaluationId } },
      { token: world.tokens.evaluator },
    );
    expect(blocked.data?.finalizeEvaluation.userErrors).toEqual([
      {
        field: 'evaluationId',
        code: 'CONFLICT',
        message:
          'Quarter 1 of "Service index" (value 72) is still SUBMITTED: verify or return it ' +
          'before finalising',
      },
    ]);

    const history = await server.request(
      'query ($id: ID!) { contract(id: $id) { clauses { realizations { id status } } } }',
      { id: contractId },
      { token: world.tokens.evaluator },
    );
    const pending = history.data?.contract.clauses[0].realizations.find(
      (entry: { status: string }) => entry.status === 'SUBMITTED',
    );
    expectClean('reviewRealization', await review(pending.id, 'VERIFY'));

    const final = expectClean(
      'finalizeEvaluation',
      await server.request(
        FINALIZE,
        { input: { evaluationId } },
        { token: world.tokens.evaluator },
      ),
    );
    // AVERAGE of the one counted quarter, 72, against 80: 90.00.
    expect(final.evaluation.score).toBe('90.00');
  });

  test('final evaluation locks reviews', async () => {
    const late = await server.request(
      SUBMIT,
      { input: { clauseId, quarter: 2, value: '80', evidence: { dataSource: 'S' } } },
      { token: world.tokens.bStaff },
    );
    expect(late.data?.submitRealization.userErrors[0]).toMatchObject({ code: 'CONFLICT' });

    const scores = await server.request(
      'query ($id: ID!) { evaluation(contractId: $id) { clauseScores { flags realizations { value status } } } }',
      { id: contractId },
      { token: world.tokens.analyst },
    );
    expect(scores.data?.evaluation.clauseScores[0]).toEqual({
      flags: [],
      realizations: [{ value: '72', status: 'VERIFIED' }],
    });
  });
});
