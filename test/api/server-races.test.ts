import { In } from 'typeorm';
import { startServerProcess, type ServerProcess } from '../../scripts/server-process';
import {
  Clause,
  ClauseScoreRecord,
  Contract,
  Evaluation,
  Realization,
  Signature,
} from '../../src/entities';
import { ContractStatus, EvaluationStatus } from '../../src/entities/enums';
import { Dec, DEFAULT_SCORING_POLICY, scoreContract } from '../../src/scoring';
import { errorCodes, type GraphQLResponse, postGraphQL } from '../support/graphql-client';
import {
  bidContract,
  type ContractHandle,
  expectClean,
  FINALIZE,
  idOf,
  OFFER,
  offerContract,
  SCORE,
  SIGN,
  SUBMIT,
  verifyAll,
} from '../support/operations';
import { testDriver } from '../support/test-database';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

// The races need a database that two processes share with row locks: MySQL or MariaDB.
const describeOnMysql = testDriver() === 'mysql' ? describe : describe.skip;

/** Concurrent clients in every race. */
const CLIENTS = 50;

let server: TestServer;
let world: World;
let processes: ServerProcess[] = [];

/** Sends request `index` of a race to one of the two server processes, alternating. */
function sendTo(
  index: number,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<GraphQLResponse> {
  return postGraphQL(processes[index % 2].url, query, variables, { token });
}

/** Asserts that every response is HTTP 200 without top-level errors. */
function expectNoServerErrors(responses: GraphQLResponse[]): void {
  const unexpected = responses.filter((response) => response.status !== 200 || response.errors);
  expect(unexpected.map((response) => [response.status, errorCodes(response)])).toEqual([]);
}

/** Splits mutation responses into accepted ones and the user error codes of the others. */
function outcomes(field: string, responses: GraphQLResponse[]) {
  const accepted = responses.filter((response) => response.data?.[field]?.userErrors.length === 0);
  const rejectedCodes = responses
    .filter((response) => response.data?.[field]?.userErrors.length > 0)
    .map((response) => response.data?.[field].userErrors[0].code as string);
  return { accepted, rejectedCodes };
}

async function signAsBothParties(handle: ContractHandle): Promise<void> {
  for (const token of [world.tokens.aHead, world.tokens.mayor]) {
    expectClean(
      'signContract',
      await server.request(SIGN, { input: { contractId: handle.contractId } }, { token }),
    );
  }
}

describeOnMysql('two server processes racing', () => {
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server);
    const url = (server.app.dataSource.options as { url: string }).url;
    // The in-process test server applied the migrations; the two processes only serve.
    processes = await Promise.all(
      [1, 2].map(() =>
        startServerProcess({
          DATABASE_URL: url,
          JWT_SECRET: TEST_JWT_SECRET,
          NODE_ENV: 'test',
          MIGRATE_ON_START: 'false',
          SEED_DEMO: 'false',
        }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(processes.map((child) => child.stop()));
    await server?.close();
  });

  afterEach(() => {
    for (const child of processes) {
      const errors = child.logs.filter((line) => line.level >= 50);
      expect(errors).toEqual([]);
    }
  });

  let signed: ContractHandle;

  test('each role signs exactly once', async () => {
    signed = await offerContract(server, world, world.opdA, [
      { indicatorId: world.indicatorsA.maxSum, weight: '40' },
      { indicatorId: world.indicatorsA.minLast, weight: '30' },
      { indicatorId: world.indicatorsA.stabilize, weight: '30' },
    ]);
    await bidContract(server, world.tokens.aStaff, signed, []);

    const tokens = [world.tokens.aHead, world.tokens.mayor];
    const responses = await Promise.all(
      Array.from({ length: CLIENTS }, (_, index) =>
        sendTo(
          Math.floor(index / 2),
          SIGN,
          { input: { contractId: signed.contractId } },
          tokens[index % 2],
        ),
      ),
    );

    expectNoServerErrors(responses);
    const { accepted, rejectedCodes } = outcomes('signContract', responses);
    const roles = accepted.map((response) => response.data?.signContract.signature.role);
    expect(roles.sort()).toEqual(['MAYOR', 'OPD_HEAD']);
    expect(new Set(rejectedCodes)).toEqual(new Set(['CONFLICT']));

    const contractId = idOf(signed.contractId);
    const { manager } = server.app.dataSource;
    const signatures = await manager.find(Signature, { where: { contractId } });
    const contract = await manager.findOneByOrFail(Contract, { id: contractId });
    expect(signatures.map((signature) => signature.role).sort()).toEqual(['MAYOR', 'OPD_HEAD']);
    expect(contract.status).toBe(ContractStatus.SIGNED);
    expect(signatures.map((signature) => signature.contentHash)).toEqual([
      contract.contentHash,
      contract.contentHash,
    ]);
  });

  test('one offer per OPD and year', async () => {
    const tokens = [world.tokens.mayor, world.tokens.admin];
    const input = {
      planId: world.planId,
      opdId: world.opdB,
      year: 2019,
      clauses: [{ indicatorId: world.indicatorB, weight: '100' }],
    };
    const responses = await Promise.all(
      Array.from({ length: CLIENTS }, (_, index) =>
        sendTo(index, OFFER, { input }, tokens[Math.floor(index / 2) % 2]),
      ),
    );

    expectNoServerErrors(responses);
    const { accepted, rejectedCodes } = outcomes('offerContract', responses);
    expect(accepted).toHaveLength(1);
    expect(rejectedCodes).toEqual(Array.from({ length: CLIENTS - 1 }, () => 'CONFLICT'));

    const { manager } = server.app.dataSource;
    const contracts = await manager.find(Contract, {
      where: { opdId: idOf(world.opdB), year: 2019 },
    });
    expect(contracts).toHaveLength(1);
    expect(await manager.count(Clause, { where: { contractId: contracts[0].id } })).toBe(1);
  });

  test('one counted value per clause and quarter', async () => {
    const slots = signed.clauseIds.flatMap((clauseId) =>
      [1, 2, 3, 4].map((quarter) => ({ clauseId, quarter })),
    );
    const tokens = [world.tokens.aStaff, world.tokens.aHead];
    const requests = Array.from({ length: CLIENTS }, (_, index) => ({
      ...slots[index % slots.length],
      value: String(index + 1),
    }));
    const responses = await Promise.all(
      requests.map((request, index) =>
        sendTo(
          index,
          SUBMIT,
          { input: { ...request, evidence: { dataSource: 'Quarterly report' } } },
          tokens[Math.floor(index / 2) % 2],
        ),
      ),
    );

    expectNoServerErrors(responses);
    const { accepted, rejectedCodes } = outcomes('submitRealization', responses);
    expect(accepted).toHaveLength(slots.length);
    expect(new Set(rejectedCodes)).toEqual(new Set(['CONFLICT']));

    const acknowledged = accepted.map((response) => {
      const realization = response.data?.submitRealization.realization;
      return { id: idOf(realization.id), quarter: realization.quarter, value: realization.value };
    });
    const stored = await server.app.dataSource.manager.find(Realization, {
      where: { clauseId: In(signed.clauseIds.map(idOf)) },
      order: { id: 'ASC' },
    });
    expect(stored.map((row) => ({ id: row.id, quarter: row.quarter, value: row.value }))).toEqual(
      acknowledged.sort((a, b) => a.id - b.id),
    );
    const slotKeys = stored.map((row) => `${row.clauseId}/${row.quarter}`);
    expect(new Set(slotKeys).size).toBe(slots.length);
  });

  test('finalised evaluation counts every accepted value', async () => {
    const handle = await offerYear2020();
    await bidContract(server, world.tokens.aStaff, handle, []);
    await signAsBothParties(handle);
    const draft = expectClean(
      'scoreEvaluation',
      await server.request(
        SCORE,
        { input: { contractId: handle.contractId } },
        { token: world.tokens.evaluator },
      ),
    );
    const finalizeInput = { input: { evaluationId: draft.evaluation.id } };

    const slots = handle.clauseIds.flatMap((clauseId) =>
      [1, 2, 3, 4].map((quarter) => ({ clauseId, quarter })),
    );
    const responses = await Promise.all(
      Array.from({ length: CLIENTS }, (_, index) => {
        if (index === CLIENTS / 2) {
          return sendTo(index, FINALIZE, finalizeInput, world.tokens.evaluator);
        }
        if (index % 3 === 0) {
          const input = { contractId: handle.contractId };
          return sendTo(index, SCORE, { input }, world.tokens.evaluator);
        }
        const input = {
          ...slots[index % slots.length],
          value: String(index),
          evidence: { dataSource: 'Quarterly report' },
        };
        return sendTo(index, SUBMIT, { input }, world.tokens.aStaff);
      }),
    );
    expectNoServerErrors(responses);

    // Finalising while values arrive either wins before them, or is refused because a value it
    // would use is not reviewed yet; then the evaluator reviews everything and finalises.
    const raced = responses[CLIENTS / 2].data?.finalizeEvaluation;
    if (raced.userErrors.length > 0) {
      expect(new Set(raced.userErrors.map((error: { code: string }) => error.code))).toEqual(
        new Set(['CONFLICT']),
      );
      await verifyAll(server, world.tokens.evaluator, handle.contractId);
      const finalized = expectClean(
        'finalizeEvaluation',
        await server.request(FINALIZE, finalizeInput, { token: world.tokens.evaluator }),
      );
      expect(finalized.evaluation.status).toBe('FINAL');
    }
    await expectConsistentEvaluation(handle, responses);
  });
});

/** Offers OPD A's four indicators for 2020, as the mayor, through the API. */
async function offerYear2020(): Promise<ContractHandle> {
  const clauses = [
    { indicatorId: world.indicatorsA.maxSum, weight: '25' },
    { indicatorId: world.indicatorsA.minLast, weight: '25' },
    { indicatorId: world.indicatorsA.stabilize, weight: '25' },
    { indicatorId: world.indicatorsA.minRatio, weight: '25' },
  ];
  const input = { planId: world.planId, opdId: world.opdA, year: 2020, clauses };
  const payload = expectClean(
    'offerContract',
    await server.request(OFFER, { input }, { token: world.tokens.mayor }),
  );
  return {
    contractId: payload.contract.id,
    clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
  };
}

/**
 * Asserts that the contract has one FINAL evaluation with one clause score per clause, that
 * the score matches those clause scores, and that the realisations the scores used are exactly
 * the counted realisations: none accepted after finalisation, none lost.
 */
async function expectConsistentEvaluation(
  handle: ContractHandle,
  responses: GraphQLResponse[],
): Promise<void> {
  const { manager } = server.app.dataSource;
  const contractId = idOf(handle.contractId);
  const evaluations = await manager.find(Evaluation, { where: { contractId } });
  expect(evaluations).toHaveLength(1);
  const [evaluation] = evaluations;
  expect(evaluation.status).toBe(EvaluationStatus.FINAL);

  const clauseScores = await manager.find(ClauseScoreRecord, {
    where: { evaluationId: evaluation.id },
  });
  expect(clauseScores.map((score) => score.clauseId).sort()).toEqual(
    handle.clauseIds.map(idOf).sort(),
  );
  const recomputed = scoreContract(clauseScores, DEFAULT_SCORING_POLICY);
  expect(new Dec(evaluation.score).eq(recomputed.score)).toBe(true);

  const counted = await manager.find(Realization, {
    where: { clauseId: In(handle.clauseIds.map(idOf)), activeKey: 1 },
  });
  const used = clauseScores.flatMap((score) => score.realizationIds);
  expect(used.sort()).toEqual(counted.map((row) => row.id).sort());

  const acknowledged = outcomes('submitRealization', responses).accepted.map((response) =>
    idOf(response.data?.submitRealization.realization.id),
  );
  expect(counted.map((row) => row.id).sort()).toEqual(acknowledged.sort());
}
