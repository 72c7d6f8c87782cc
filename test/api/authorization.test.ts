import jwt from 'jsonwebtoken';
import { hashPassword } from '../../src/auth/password';
import { ENTITIES, User } from '../../src/entities';
import { buildApiSchema } from '../../src/schema/build-schema';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import {
  AMEND,
  BID,
  DECIDE,
  FINALIZE,
  OFFER,
  SCORE,
  SIGN,
  REVIEW,
  REVISE_OFFER,
  SUBMIT,
  WITHDRAW,
  bidContract,
  expectClean,
  signedContract as signedWorldContract,
  type ContractHandle,
  verifyAll,
} from '../support/operations';
import {
  startTestServer,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
  type TestServer,
} from '../support/test-server';
import { buildWorld, type World } from '../support/world';

let server: TestServer;
let world: World;
/** Task A1 of OPD A, under mission 1 of the world plan. */
let taskA1: string;
/**
 * Plan and mission that createMission and assignOpdToMission change, so that the world plan
 * keeps the two missions and assignments the read checks expect.
 */
let sandbox: { planId: string; missionId: string };

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const response = await server.request(
    'query ($id: ID!) { opd(id: $id) { tasks { id description } } }',
    { id: world.opdA },
    { token: world.tokens.aStaff },
  );
  const tasks = response.data?.opd.tasks as { id: string; description: string }[];
  taskA1 = tasks.find((task) => task.description === 'Task A1')?.id as string;

  const plan = await mutate(
    'createPlan',
    CREATE_PLAN,
    {
      code: 'SANDBOX',
      title: 'Sandbox plan',
      governmentName: 'Kota Uji',
      startYear: 2018,
      endYear: 2023,
      vision: 'Sandbox',
    },
    world.tokens.admin,
  );
  const mission = await mutate(
    'createMission',
    CREATE_MISSION,
    { planId: plan.plan.id, number: 1, title: 'Sandbox mission', description: '' },
    world.tokens.admin,
  );
  sandbox = { planId: plan.plan.id, missionId: mission.mission.id };
});

afterAll(async () => {
  await server?.close();
});

const USER_ERRORS = 'userErrors { field message code }';

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) { token user { username } ${USER_ERRORS} }
}`;
const CREATE_USER = `mutation ($input: CreateUserInput!) {
  createUser(input: $input) { user { id username } ${USER_ERRORS} }
}`;
const SET_USER_DISABLED = `mutation ($input: SetUserDisabledInput!) {
  setUserDisabled(input: $input) { user { id disabled } ${USER_ERRORS} }
}`;
const CHANGE_PASSWORD = `mutation ($input: ChangePasswordInput!) {
  changePassword(input: $input) { token user { username } ${USER_ERRORS} }
}`;
const RESET_USER_PASSWORD = `mutation ($input: ResetUserPasswordInput!) {
  resetUserPassword(input: $input) { user { id } ${USER_ERRORS} }
}`;
const CREATE_PLAN = `mutation ($input: CreatePlanInput!) {
  createPlan(input: $input) { plan { id } ${USER_ERRORS} }
}`;
const CREATE_MISSION = `mutation ($input: CreateMissionInput!) {
  createMission(input: $input) { mission { id } ${USER_ERRORS} }
}`;
const CREATE_OPD = `mutation ($input: CreateOpdInput!) {
  createOpd(input: $input) { opd { id } ${USER_ERRORS} }
}`;
const ASSIGN = `mutation ($input: AssignOpdToMissionInput!) {
  assignOpdToMission(input: $input) { opd { id } mission { id } ${USER_ERRORS} }
}`;
const CREATE_TASK = `mutation ($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } ${USER_ERRORS} }
}`;
const CREATE_INDICATOR = `mutation ($input: CreateIndicatorInput!) {
  createIndicator(input: $input) { indicator { id } ${USER_ERRORS} }
}`;
const ME = 'query { me { username role } }';

/** Row count of every table, keyed by entity name. */
async function countRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entity of ENTITIES) {
    counts[entity.name] = await server.app.dataSource.manager.count(entity);
  }
  return counts;
}

/** Last mission number used in the sandbox plan. Mission numbers run from 1 to 99. */
let sandboxMissionNumber = 1;

function nextMissionNumber(): number {
  sandboxMissionNumber += 1;
  return sandboxMissionNumber;
}

let sequence = 0;

/** Returns a number not used before in this file, for unique codes and names. */
function nextNumber(): number {
  sequence += 1;
  return sequence;
}

/** Sends a mutation as the given user and fails the test unless it succeeded. */
async function mutate(field: string, query: string, input: Record<string, unknown>, token: string) {
  return expectClean(field, await server.request(query, { input }, { token }));
}

/** Plan, indicator and year for a new contract of OPD A that no other case has used. */
interface ContractSlot {
  planId: string;
  indicatorId: string;
  year: number;
}

/** Years from the first to the last year of a slot plan, the maximum the server accepts. */
const PLAN_SPAN = 10;
let slotBlock: { planId: string; indicatorId: string; years: number[] } | null = null;
let nextBlockStart = 2030;

/**
 * Creates a plan of 11 years with one mission, assigns OPD A to it and gives OPD A a task and a
 * MAXIMIZE indicator with a target for every year, so each year can hold one new contract.
 */
async function createSlotBlock(startYear: number) {
  const endYear = startYear + PLAN_SPAN;
  const plan = await mutate(
    'createPlan',
    CREATE_PLAN,
    {
      code: `SLOTS-${startYear}`,
      title: `Contract years from ${startYear}`,
      governmentName: 'Kota Uji',
      startYear,
      endYear,
      vision: 'Slots',
    },
    world.tokens.admin,
  );
  const mission = await mutate(
    'createMission',
    CREATE_MISSION,
    { planId: plan.plan.id, number: 1, title: 'Slot mission', description: '' },
    world.tokens.admin,
  );
  await mutate(
    'assignOpdToMission',
    ASSIGN,
    { opdId: world.opdA, missionId: mission.mission.id },
    world.tokens.admin,
  );
  const task = await mutate(
    'createTask',
    CREATE_TASK,
    { opdId: world.opdA, missionId: mission.mission.id, description: 'Slot task' },
    world.tokens.aStaff,
  );
  const years = Array.from({ length: PLAN_SPAN + 1 }, (_, index) => startYear + index);
  const indicator = await mutate(
    'createIndicator',
    CREATE_INDICATOR,
    indicatorInput(task.task.id, startYear - 1, years),
    world.tokens.aStaff,
  );
  return { planId: plan.plan.id, indicatorId: indicator.indicator.id, years };
}

async function nextContractSlot(): Promise<ContractSlot> {
  if (!slotBlock || slotBlock.years.length === 0) {
    slotBlock = await createSlotBlock(nextBlockStart);
    nextBlockStart += PLAN_SPAN + 1;
  }
  const year = slotBlock.years.shift() as number;
  return { planId: slotBlock.planId, indicatorId: slotBlock.indicatorId, year };
}

function indicatorInput(taskId: string, baselineYear: number, years: number[]) {
  return {
    taskId,
    name: `Indicator ${nextNumber()}`,
    unit: 'unit',
    definition: 'Counted from the register',
    dataSource: 'Register',
    polarity: 'MAXIMIZE',
    accumulation: 'SUM',
    baselineYear,
    baselineValue: '10',
    endTarget: { value: '100' },
    yearlyTargets: years.map((year) => ({ year, target: { value: '100' } })),
  };
}

function offerInput(slot: ContractSlot) {
  return {
    planId: slot.planId,
    opdId: world.opdA,
    year: slot.year,
    clauses: [{ indicatorId: slot.indicatorId, weight: '100' }],
  };
}

/** Offers a new contract to OPD A as the mayor. */
async function offeredContract(): Promise<ContractHandle> {
  const payload = await mutate(
    'offerContract',
    OFFER,
    offerInput(await nextContractSlot()),
    world.tokens.mayor,
  );
  return {
    contractId: payload.contract.id,
    clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
  };
}

/** Offers a new contract to OPD A and bids the offered targets as its staff. */
async function bidOnContract(): Promise<ContractHandle> {
  const handle = await offeredContract();
  await bidContract(server, world.tokens.aStaff, handle, []);
  return handle;
}

/** Offers, bids and signs a new contract of OPD A by both parties. */
async function signedContract(): Promise<ContractHandle> {
  const handle = await bidOnContract();
  for (const token of [world.tokens.aHead, world.tokens.mayor]) {
    await mutate('signContract', SIGN, { contractId: handle.contractId }, token);
  }
  return handle;
}

/** Scores a new SIGNED contract of OPD A with one realisation and returns the evaluation ID. */
async function draftEvaluation(): Promise<string> {
  const handle = await signedContract();
  await mutate(
    'submitRealization',
    SUBMIT,
    {
      clauseId: handle.clauseIds[0],
      quarter: 1,
      value: '40',
      evidence: { dataSource: 'Register' },
    },
    world.tokens.aStaff,
  );
  await verifyAll(server, world.tokens.evaluator, handle.contractId);
  const scored = await mutate(
    'scoreEvaluation',
    SCORE,
    { contractId: handle.contractId },
    world.tokens.evaluator,
  );
  return scored.evaluation.id;
}

/** Finalises a new evaluation of a SIGNED contract of OPD A and returns its ID. */
async function finalEvaluation(): Promise<string> {
  const evaluationId = await draftEvaluation();
  await mutate('finalizeEvaluation', FINALIZE, { evaluationId }, world.tokens.evaluator);
  return evaluationId;
}

type Principal =
  | 'anonymous'
  | 'ADMIN'
  | 'MAYOR'
  | 'own OPD_HEAD'
  | 'own OPD_STAFF'
  | 'other OPD_HEAD'
  | 'other OPD_STAFF'
  | 'EVALUATOR'
  | 'ANALYST';

const PRINCIPALS: readonly Principal[] = [
  'anonymous',
  'ADMIN',
  'MAYOR',
  'own OPD_HEAD',
  'own OPD_STAFF',
  'other OPD_HEAD',
  'other OPD_STAFF',
  'EVALUATOR',
  'ANALYST',
];

type WorldUser = keyof World['tokens'];

/** The test world's user behind each principal. "Own" is OPD A, which owns every OPD input. */
const WORLD_USERS: Record<Exclude<Principal, 'anonymous'>, WorldUser> = {
  ADMIN: 'admin',
  MAYOR: 'mayor',
  'own OPD_HEAD': 'aHead',
  'own OPD_STAFF': 'aStaff',
  'other OPD_HEAD': 'bHead',
  'other OPD_STAFF': 'bStaff',
  EVALUATOR: 'evaluator',
  ANALYST: 'analyst',
};

/** Returns the bearer token of a principal. */
function tokenOf(principal: Principal): string | null {
  return principal === 'anonymous' ? null : world.tokens[WORLD_USERS[principal]];
}

/** One mutation under test: its document, who may call it, and how to build valid input. */
interface MutationCase {
  document: string;
  allowed: readonly Principal[];
  /** Builds the input of one call on state where the call succeeds. */
  prepareInput: () => Promise<Record<string, unknown>>;
  /** Undoes what an allowed call changed that the cells after it rely on. */
  afterAllowed?: (principal: Principal) => Promise<void>;
}

const OWN_OPD: readonly Principal[] = ['own OPD_HEAD', 'own OPD_STAFF'];
const SIGNED_IN_PRINCIPALS = PRINCIPALS.filter((principal) => principal !== 'anonymous');

/** Creates an ANALYST with the test password as the admin; returns its global ID. */
async function createAnalyst(): Promise<string> {
  const input = {
    username: `analyst-${nextNumber()}`,
    displayName: 'Another analyst',
    password: TEST_PASSWORD,
    role: 'ANALYST',
  };
  const created = await mutate('createUser', CREATE_USER, input, world.tokens.admin);
  return created.user.id;
}

/**
 * Gives a principal's user the test password back and clears the time of its password change,
 * so that the principal's token of the test world works again for the cells that follow.
 */
async function restorePassword(principal: Principal): Promise<void> {
  if (principal === 'anonymous') {
    return;
  }
  const username = WORLD_USERS[principal];
  await server.app.dataSource.manager.update(
    User,
    { id: world.userIds[username] },
    { passwordHash: await hashPassword(TEST_PASSWORD), passwordChangedAt: null },
  );
}

const MUTATIONS: Record<string, MutationCase> = {
  login: {
    document: LOGIN,
    allowed: PRINCIPALS,
    prepareInput: async () => ({ username: 'analyst', password: TEST_PASSWORD }),
  },
  createUser: {
    document: CREATE_USER,
    allowed: ['ADMIN'],
    prepareInput: async () => ({
      username: `user-${nextNumber()}`,
      displayName: 'New user',
      password: TEST_PASSWORD,
      role: 'ANALYST',
    }),
  },
  setUserDisabled: {
    document: SET_USER_DISABLED,
    allowed: ['ADMIN'],
    prepareInput: async () => ({
      userId: await createAnalyst(),
      disabled: true,
      reason: 'Left the agency',
    }),
  },
  changePassword: {
    document: CHANGE_PASSWORD,
    allowed: SIGNED_IN_PRINCIPALS,
    prepareInput: async () => ({
      currentPassword: TEST_PASSWORD,
      newPassword: 'changed-in-the-matrix',
    }),
    afterAllowed: restorePassword,
  },
  resetUserPassword: {
    document: RESET_USER_PASSWORD,
    allowed: ['ADMIN'],
    prepareInput: async () => ({
      userId: await createAnalyst(),
      newPassword: 'reset-in-the-matrix',
    }),
  },
  createPlan: {
    document: CREATE_PLAN,
    allowed: ['ADMIN'],
    prepareInput: async () => ({
      code: `PLAN-${nextNumber()}`,
      title: 'Another plan',
      governmentName: 'Kota Uji',
      startYear: 2024,
      endYear: 2029,
      vision: 'Vision',
    }),
  },
  createMission: {
    document: CREATE_MISSION,
    allowed: ['ADMIN'],
    prepareInput: async () => ({
      planId: sandbox.planId,
      number: nextMissionNumber(),
      title: 'Another mission',
      description: 'Added by a test',
    }),
  },
  createOpd: {
    document: CREATE_OPD,
    allowed: ['ADMIN'],
    prepareInput: async () => ({
      code: `OPD-N${nextNumber()}`,
      name: 'Dinas Baru',
      kind: 'DINAS',
      headName: 'Kepala',
    }),
  },
  assignOpdToMission: {
    document: ASSIGN,
    allowed: ['ADMIN'],
    prepareInput: async () => {
      const created = await mutate(
        'createOpd',
        CREATE_OPD,
        { code: `OPD-U${nextNumber()}`, name: 'Unassigned', kind: 'BADAN', headName: 'Kepala' },
        world.tokens.admin,
      );
      return { opdId: created.opd.id, missionId: sandbox.missionId };
    },
  },
  createTask: {
    document: CREATE_TASK,
    allowed: OWN_OPD,
    prepareInput: async () => ({
      opdId: world.opdA,
      missionId: world.missionIds[0],
      description: `Task ${nextNumber()}`,
    }),
  },
  createIndicator: {
    document: CREATE_INDICATOR,
    allowed: OWN_OPD,
    prepareInput: async () => indicatorInput(taskA1, 2018, [2019, 2020, 2021, 2022, 2023]),
  },
  offerContract: {
    document: OFFER,
    allowed: ['ADMIN', 'MAYOR'],
    prepareInput: async () => offerInput(await nextContractSlot()),
  },
  bidContract: {
    document: BID,
    allowed: OWN_OPD,
    prepareInput: async () => {
      const handle = await offeredContract();
      return {
        contractId: handle.contractId,
        clauses: [
          {
            clauseId: handle.clauseIds[0],
            committedTarget: { value: '110' },
            justification: 'Staff and budget are in place',
          },
        ],
      };
    },
  },
  signContract: {
    document: SIGN,
    allowed: ['MAYOR', 'own OPD_HEAD'],
    prepareInput: async () => ({ contractId: (await bidOnContract()).contractId }),
  },
  submitRealization: {
    document: SUBMIT,
    allowed: OWN_OPD,
    prepareInput: async () => ({
      clauseId: (await signedContract()).clauseIds[0],
      quarter: 1,
      value: '30',
      evidence: { dataSource: 'Register' },
    }),
  },
  scoreEvaluation: {
    document: SCORE,
    allowed: ['EVALUATOR'],
    prepareInput: async () => ({ contractId: (await signedContract()).contractId }),
  },
  finalizeEvaluation: {
    document: FINALIZE,
    allowed: ['EVALUATOR'],
    prepareInput: async () => ({ evaluationId: await draftEvaluation() }),
  },
  reviewRealization: {
    document: REVIEW,
    allowed: ['EVALUATOR'],
    prepareInput: async () => {
      const handle = await signedContract();
      const submitted = await mutate(
        'submitRealization',
        SUBMIT,
        { clauseId: handle.clauseIds[0], quarter: 1, value: '30', evidence: { dataSource: 'R' } },
        world.tokens.aStaff,
      );
      return { realizationId: submitted.realization.id, verdict: 'VERIFY' };
    },
  },
  amendContract: {
    document: AMEND,
    allowed: ['ADMIN', 'MAYOR'],
    prepareInput: async () => ({
      contractId: (await signedContract()).contractId,
      reason: 'OFFICIAL_CHANGED',
      note: 'A new head was appointed',
    }),
  },
  withdrawAmendment: {
    document: WITHDRAW,
    allowed: ['ADMIN', 'MAYOR'],
    prepareInput: async () => {
      const amended = await mutate(
        'amendContract',
        AMEND,
        {
          contractId: (await signedContract()).contractId,
          reason: 'OFFICIAL_CHANGED',
          note: 'A new head was appointed',
        },
        world.tokens.admin,
      );
      return { contractId: amended.contract.id, note: 'The head stays in office' };
    },
  },
  reviseOffer: {
    document: REVISE_OFFER,
    allowed: ['ADMIN', 'MAYOR'],
    prepareInput: async () => {
      const slot = await nextContractSlot();
      const offered = await mutate('offerContract', OFFER, offerInput(slot), world.tokens.mayor);
      return { contractId: offered.contract.id, clauses: offerInput(slot).clauses };
    },
  },
  decideOutcome: {
    document: DECIDE,
    allowed: ['MAYOR'],
    prepareInput: async () => ({ evaluationId: await finalEvaluation(), decision: 'NO_ACTION' }),
  },
};

type Outcome = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED';

function expectedOutcome(mutation: MutationCase, principal: Principal): Outcome {
  if (mutation.allowed.includes(principal)) {
    return 'allowed';
  }
  return principal === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

const CELLS = Object.entries(MUTATIONS).flatMap(([mutation, spec]) =>
  PRINCIPALS.map((principal) => ({
    mutation,
    principal,
    outcome: expectedOutcome(spec, principal),
  })),
);

/**
 * Input that denied calls share, one per mutation. A denied call changes nothing, so the state
 * behind it stays valid for the next principal.
 */
const deniedInputs = new Map<string, Promise<Record<string, unknown>>>();

function inputForDeniedCall(mutation: string): Promise<Record<string, unknown>> {
  let input = deniedInputs.get(mutation);
  if (!input) {
    input = MUTATIONS[mutation].prepareInput();
    deniedInputs.set(mutation, input);
  }
  return input;
}

/**
 * Mutations left out of the table, each with the test file that checks its roles instead. A
 * spreadsheet import needs a file built for the caller's OPD.
 */
const CHECKED_ELSEWHERE: Record<string, string> = {
  importIndicators: 'test/api/spreadsheet-import.test.ts',
};

describe('mutation authorization', () => {
  test('table lists every mutation', async () => {
    const schema = await buildApiSchema();
    const inSchema = Object.keys(schema.getMutationType()?.getFields() ?? {});
    const expected = inSchema.filter((name) => !(name in CHECKED_ELSEWHERE)).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(expected);
  });

  test.each(CELLS)('$mutation by $principal is $outcome', async (cell) => {
    const spec = MUTATIONS[cell.mutation];
    const input =
      cell.outcome === 'allowed'
        ? await spec.prepareInput()
        : await inputForDeniedCall(cell.mutation);
    const before = await countRows();

    const response = await server.request(
      spec.document,
      { input },
      { token: tokenOf(cell.principal) },
    );
    const after = await countRows();

    if (cell.outcome === 'allowed') {
      await spec.afterAllowed?.(cell.principal);
      expect(response.errors).toBeUndefined();
      expect(response.data?.[cell.mutation].userErrors).toEqual([]);
      expect(after.AuditEvent).toBe(before.AuditEvent + 1);
    } else {
      expect(errorCodes(response)).toEqual([cell.outcome]);
      expect(response.data).toBeNull();
      expect(after).toEqual(before);
    }
  });
});

describe('denied roles and missing references', () => {
  const missing = (typeName: string) => toGlobalId(typeName, 999999);

  /** Inputs whose referenced objects do not exist, for mutations an ANALYST may never call. */
  const MISSING_REFERENCES: [string, () => Record<string, unknown>][] = [
    ['setUserDisabled', () => ({ userId: missing('User'), disabled: true, reason: 'R' })],
    ['resetUserPassword', () => ({ userId: missing('User'), newPassword: 'missing-user-pw' })],
    ['createMission', () => ({ planId: missing('Plan'), number: 50, title: 'T', description: '' })],
    ['assignOpdToMission', () => ({ opdId: missing('Opd'), missionId: missing('Mission') })],
    [
      'createTask',
      () => ({ opdId: missing('Opd'), missionId: missing('Mission'), description: 'T' }),
    ],
    ['createIndicator', () => indicatorInput(missing('Task'), 2018, [2019])],
    [
      'offerContract',
      () => ({
        planId: missing('Plan'),
        opdId: missing('Opd'),
        year: 2019,
        clauses: [{ indicatorId: missing('Indicator'), weight: '100' }],
      }),
    ],
    [
      'bidContract',
      () => ({
        contractId: missing('Contract'),
        clauses: [
          { clauseId: missing('Clause'), committedTarget: { value: '1' }, justification: 'J' },
        ],
      }),
    ],
    ['signContract', () => ({ contractId: missing('Contract') })],
    [
      'submitRealization',
      () => ({
        clauseId: missing('Clause'),
        quarter: 1,
        value: '1',
        evidence: { dataSource: 'Register' },
      }),
    ],
    ['scoreEvaluation', () => ({ contractId: missing('Contract') })],
    ['finalizeEvaluation', () => ({ evaluationId: missing('Evaluation') })],
    ['reviewRealization', () => ({ realizationId: missing('Realization'), verdict: 'VERIFY' })],
    [
      'amendContract',
      () => ({ contractId: missing('Contract'), reason: 'PRIORITY_CHANGED', note: 'N' }),
    ],
    ['withdrawAmendment', () => ({ contractId: missing('Contract'), note: 'N' })],
    [
      'reviseOffer',
      () => ({
        contractId: missing('Contract'),
        clauses: [{ indicatorId: missing('Indicator'), weight: '100' }],
      }),
    ],
    ['decideOutcome', () => ({ evaluationId: missing('Evaluation'), decision: 'PROMOTION' })],
  ];

  test.each(MISSING_REFERENCES)('%s on missing object is FORBIDDEN', async (mutation, input) => {
    const response = await server.request(
      MUTATIONS[mutation].document,
      { input: input() },
      { token: world.tokens.analyst },
    );
    expect(response.data?.[mutation]?.userErrors).toBeUndefined();
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });
});

describe('bearer tokens', () => {
  function signToken(claims: object, options: jwt.SignOptions, secret = TEST_JWT_SECRET) {
    return jwt.sign(claims, secret, {
      algorithm: 'HS256',
      issuer: 'lelang-kinerja',
      subject: String(world.userIds.admin),
      ...options,
    });
  }

  function expectUnauthenticated(response: GraphQLResponse) {
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data).toBeNull();
  }

  test('token signed like the server works', async () => {
    const token = signToken({ role: 'ADMIN' }, { expiresIn: 60 });
    const response = await server.request(ME, {}, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.me).toEqual({ username: 'admin', role: 'ADMIN' });
  });

  test('expired token is UNAUTHENTICATED', async () => {
    const exp = Math.floor(Date.now() / 1000) - 60;
    const token = signToken({ role: 'ADMIN', exp }, {});
    const response = await server.request(ME, {}, { token });
    expectUnauthenticated(response);
    expect(response.errors?.[0].message).toContain('expired');
  });

  test('negative expiresIn is UNAUTHENTICATED', async () => {
    const token = signToken({ role: 'ADMIN' }, { expiresIn: -10 });
    expectUnauthenticated(await server.request(ME, {}, { token }));
  });

  test.each([
    ['garbage text', () => 'not-a-token'],
    ['another secret', () => signToken({ role: 'ADMIN' }, { expiresIn: 60 }, 'x'.repeat(40))],
    ['another issuer', () => signToken({ role: 'ADMIN' }, { expiresIn: 60, issuer: 'someone' })],
    [
      'no subject',
      () => jwt.sign({ role: 'ADMIN' }, TEST_JWT_SECRET, { issuer: 'lelang-kinerja' }),
    ],
    ['unknown user', () => signToken({ role: 'ADMIN' }, { expiresIn: 60, subject: '999999' })],
  ])('token with %s is UNAUTHENTICATED', async (_case, makeToken) => {
    expectUnauthenticated(await server.request(ME, {}, { token: makeToken() }));
  });

  // The test server's tokens live 3600 seconds (TOKEN_TTL_SECONDS).
  test.each([
    ['no expiry', () => signToken({ role: 'ADMIN' }, {}), 'no expiry (exp)'],
    [
      'no issue time',
      () => signToken({ role: 'ADMIN' }, { expiresIn: 60, noTimestamp: true }),
      'no issue time (iat)',
    ],
    [
      'expiry years ahead',
      () => signToken({ role: 'ADMIN' }, { expiresIn: 10 * 365 * 86400 }),
      'exceeds the maximum of 3600',
    ],
    [
      'issue time in future',
      () => {
        const iat = Math.floor(Date.now() / 1000) + 3600;
        return signToken({ role: 'ADMIN', iat, exp: iat + 60 }, {});
      },
      'ahead of the server clock',
    ],
  ])('token with %s is UNAUTHENTICATED', async (_case, makeToken, reason) => {
    const response = await server.request(ME, {}, { token: makeToken() });
    expectUnauthenticated(response);
    expect(response.errors?.[0].message).toContain(reason);
  });

  test('token of missing user names the cause', async () => {
    const token = signToken({ role: 'ADMIN' }, { expiresIn: 60, subject: '999999' });
    const response = await server.request(ME, {}, { token });
    expectUnauthenticated(response);
    expect(response.errors?.[0].message).toBe(
      'The bearer token belongs to a user that no longer exists: sign in with another account',
    );
  });

  test('unsigned token is UNAUTHENTICATED', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const claims = {
      role: 'ADMIN',
      iss: 'lelang-kinerja',
      sub: String(world.userIds.admin),
      exp: Math.floor(Date.now() / 1000) + 60,
    };
    const token = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
    expectUnauthenticated(await server.request(ME, {}, { token }));
  });

  test('role claim does not grant role', async () => {
    const token = signToken(
      { role: 'ADMIN' },
      { expiresIn: 60, subject: String(world.userIds.analyst) },
    );
    const me = await server.request(ME, {}, { token });
    expect(me.data?.me).toEqual({ username: 'analyst', role: 'ANALYST' });

    const before = await countRows();
    const response = await server.request(
      CREATE_OPD,
      { input: { code: 'OPD-CLAIM', name: 'Claimed', kind: 'OTHER', headName: 'H' } },
      { token },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(await countRows()).toEqual(before);
  });

  test('malformed Authorization header is UNAUTHENTICATED', async () => {
    const response = await server.request(
      ME,
      {},
      { headers: { authorization: `Token ${world.tokens.admin}` } },
    );
    expectUnauthenticated(response);
  });

  test('mutation with garbage token is UNAUTHENTICATED', async () => {
    const before = await countRows();
    const response = await server.request(
      CREATE_OPD,
      { input: { code: 'OPD-GARBAGE', name: 'Garbage', kind: 'OTHER', headName: 'H' } },
      { token: 'not-a-token' },
    );
    expectUnauthenticated(response);
    expect(await countRows()).toEqual(before);
  });

  test('login works despite garbage token', async () => {
    const response = await server.request(
      LOGIN,
      { input: { username: 'analyst', password: TEST_PASSWORD } },
      { token: 'not-a-token' },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.login.user).toEqual({ username: 'analyst' });
  });
});

describe('disabled users', () => {
  test('disabled user token stops working', async () => {
    const created = await mutate(
      'createUser',
      CREATE_USER,
      {
        username: 'soon.disabled',
        displayName: 'Soon disabled',
        password: TEST_PASSWORD,
        role: 'OPD_STAFF',
        opdId: world.opdA,
      },
      world.tokens.admin,
    );
    const token = await server.login('soon.disabled');
    const working = await server.request(ME, {}, { token });
    expect(working.data?.me).toEqual({ username: 'soon.disabled', role: 'OPD_STAFF' });

    await server.app.dataSource.manager.update(
      User,
      { username: created.user.username },
      { disabled: true },
    );

    const me = await server.request(ME, {}, { token });
    expect(errorCodes(me)).toEqual(['UNAUTHENTICATED']);
    expect(me.errors?.[0].message).toBe(
      'The account of this bearer token is disabled: contact an administrator to enable it',
    );
    const before = await countRows();
    const task = await server.request(
      CREATE_TASK,
      {
        input: { opdId: world.opdA, missionId: world.missionIds[0], description: 'Disabled' },
      },
      { token },
    );
    expect(errorCodes(task)).toEqual(['UNAUTHENTICATED']);
    expect(await countRows()).toEqual(before);
  });

  test('disabled user cannot sign in', async () => {
    await mutate(
      'createUser',
      CREATE_USER,
      { username: 'disabled.login', displayName: 'D', password: TEST_PASSWORD, role: 'ANALYST' },
      world.tokens.admin,
    );
    await server.app.dataSource.manager.update(
      User,
      { username: 'disabled.login' },
      { disabled: true },
    );
    const response = await server.request(LOGIN, {
      input: { username: 'disabled.login', password: TEST_PASSWORD },
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0].message).toBe('Invalid username or password');
  });
});

describe('login failures', () => {
  test('wrong password and unknown user match', async () => {
    const before = await countRows();
    const wrongPassword = await server.request(LOGIN, {
      input: { username: 'admin', password: 'wrong-password-123' },
    });
    const unknownUser = await server.request(LOGIN, {
      input: { username: 'nobody.here', password: TEST_PASSWORD },
    });

    expect(errorCodes(wrongPassword)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknownUser)).toEqual(['UNAUTHENTICATED']);
    expect(wrongPassword.data).toBeNull();
    expect(unknownUser.data).toBeNull();
    expect(unknownUser.errors?.[0].message).toBe(wrongPassword.errors?.[0].message);
    expect(unknownUser.errors?.[0].extensions).toEqual(wrongPassword.errors?.[0].extensions);
    expect(await countRows()).toEqual(before);
  });

  // Valid usernames are lowercase without spaces, so these name no user on any database.
  test.each(['ADMIN', 'Admin', 'admin '])('username %p does not sign in', async (username) => {
    const response = await server.request(LOGIN, {
      input: { username, password: TEST_PASSWORD },
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data?.login ?? null).toBeNull();
  });
});

describe('reads for signed-in roles', () => {
  const READ = `query ($plan: ID!, $mission: ID!) {
    plans { id missions { id number } }
    mission(id: $mission) { id number plan { id } }
    missionAttainment(planId: $plan, year: 2019) { mission { number } opdsAssigned opdsSigned }
    opdRanking(planId: $plan, year: 2019) { rank opd { code } }
  }`;

  beforeAll(async () => {
    await signedWorldContract(server, world, 'B', [
      { indicatorId: world.indicatorB, weight: '100' },
    ]);
  });

  test.each(SIGNED_IN_PRINCIPALS)('%s reads plans and reports', async (principal) => {
    const response = await server.request(
      READ,
      { plan: world.planId, mission: world.missionIds[0] },
      { token: tokenOf(principal) },
    );
    expect(response.errors).toBeUndefined();
    const plan = response.data?.plans.find((entry: { id: string }) => entry.id === world.planId);
    expect(plan.missions.map((mission: { number: number }) => mission.number)).toEqual([1, 2]);
    expect(response.data?.mission).toEqual({
      id: world.missionIds[0],
      number: 1,
      plan: { id: world.planId },
    });
    expect(response.data?.missionAttainment).toEqual([
      { mission: { number: 1 }, opdsAssigned: 1, opdsSigned: 0 },
      { mission: { number: 2 }, opdsAssigned: 2, opdsSigned: 1 },
    ]);
    expect(response.data?.opdRanking).toEqual([{ rank: 1, opd: { code: 'OPD-B' } }]);
  });

  test.each([
    ['plans', 'query { plans { id } }', () => ({})],
    ['node', 'query ($id: ID!) { node(id: $id) { id } }', () => ({ id: world.planId })],
    ['me', ME, () => ({})],
  ])('anonymous %s is UNAUTHENTICATED', async (field, query, variables) => {
    const response = await server.request(query, variables());
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data?.[field] ?? null).toBeNull();
  });
});
