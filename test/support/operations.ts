import { errorCodes, type GraphQLResponse } from './graphql-client';
import type { TestServer } from './test-server';
import type { World } from './world';
import { fromGlobalId } from '../../src/schema/relay/global-id';

const USER_ERRORS = 'userErrors { field message code }';

export const OFFER = `mutation ($input: OfferContractInput!) {
  offerContract(input: $input) {
    contract { id status version clauses { id weight indicator { id } offeredTarget { value lower upper } } }
    ${USER_ERRORS}
  }
}`;

export const BID = `mutation ($input: BidContractInput!) {
  bidContract(input: $input) {
    contract { id status clauses { id committedTarget { value lower upper } justification } }
    ${USER_ERRORS}
  }
}`;

export const SIGN = `mutation ($input: SignContractInput!) {
  signContract(input: $input) {
    contract { id status contentHash signedAt }
    signature { id role contentHash user { username } }
    ${USER_ERRORS}
  }
}`;

export const SUBMIT = `mutation ($input: SubmitRealizationInput!) {
  submitRealization(input: $input) {
    realization { id quarter value status evidence { dataSource documentUrl note } }
    ${USER_ERRORS}
  }
}`;

export const SCORE = `mutation ($input: ScoreEvaluationInput!) {
  scoreEvaluation(input: $input) {
    evaluation {
      id status score rating outcome recommendation
      clauseScores {
        clause { id } weight polarity minimizeFormula realizationValue rawAttainment
        scoredAttainment flags explanation target { value lower upper }
      }
    }
    ${USER_ERRORS}
  }
}`;

export const FINALIZE = `mutation ($input: FinalizeEvaluationInput!) {
  finalizeEvaluation(input: $input) {
    evaluation { id status score rating outcome finalizedAt }
    ${USER_ERRORS}
  }
}`;

/** A clause of an offer in API form. */
export interface OfferClause {
  indicatorId: string;
  weight: string;
  offeredTarget?: { value?: string; lower?: string; upper?: string } | null;
  quarterlyTargets?: string[] | null;
  budget?: string | null;
}

/** IDs of a contract created through the API, with clause IDs in offer order. */
export interface ContractHandle {
  contractId: string;
  clauseIds: string[];
}

/** Fails with the response when a mutation returned errors or user errors. */
export function expectClean(field: string, response: GraphQLResponse) {
  const payload = response.data?.[field];
  if (response.errors || !payload || payload.userErrors.length > 0) {
    throw new Error(
      `${field} failed: ${JSON.stringify(response.errors ?? payload?.userErrors)} ${errorCodes(response).join(', ')}`,
    );
  }
  return payload;
}

/** Offers a contract for `year` (by default 2019) to an OPD as the mayor. */
export async function offerContract(
  server: TestServer,
  world: World,
  opdId: string,
  clauses: OfferClause[],
  year = 2019,
): Promise<ContractHandle> {
  const response = await server.request(
    OFFER,
    { input: { planId: world.planId, opdId, year, clauses } },
    { token: world.tokens.mayor },
  );
  const payload = expectClean('offerContract', response);
  return {
    contractId: payload.contract.id,
    clauseIds: payload.contract.clauses.map((clause: { id: string }) => clause.id),
  };
}

/** Bids the given committed targets (or the offered ones) as the OPD's staff. */
export async function bidContract(
  server: TestServer,
  token: string,
  handle: ContractHandle,
  committed: ({ value?: string; lower?: string; upper?: string } | null)[],
) {
  const contract = await server.request(
    'query ($id: ID!) { contract(id: $id) { clauses { id offeredTarget { value lower upper } } } }',
    { id: handle.contractId },
    { token },
  );
  const offered = contract.data?.contract.clauses as { id: string; offeredTarget: object }[];
  const clauses = handle.clauseIds.map((clauseId, index) => {
    const target =
      committed[index] ?? offered.find((clause) => clause.id === clauseId)?.offeredTarget;
    return {
      clauseId,
      committedTarget: stripNulls(target as Record<string, string | null>),
      justification: 'Budget and staff are in place',
    };
  });
  return expectClean(
    'bidContract',
    await server.request(BID, { input: { contractId: handle.contractId, clauses } }, { token }),
  );
}

/**
 * Offers, bids with the offered targets and signs a contract for `year` (by default 2019) by
 * both parties.
 */
export async function signedContract(
  server: TestServer,
  world: World,
  opd: 'A' | 'B',
  clauses: OfferClause[],
  year = 2019,
): Promise<ContractHandle> {
  const opdId = opd === 'A' ? world.opdA : world.opdB;
  const staff = opd === 'A' ? world.tokens.aStaff : world.tokens.bStaff;
  const head = opd === 'A' ? world.tokens.aHead : world.tokens.bHead;
  const handle = await offerContract(server, world, opdId, clauses, year);
  await bidContract(server, staff, handle, []);
  expectClean(
    'signContract',
    await server.request(SIGN, { input: { contractId: handle.contractId } }, { token: head }),
  );
  expectClean(
    'signContract',
    await server.request(
      SIGN,
      { input: { contractId: handle.contractId } },
      { token: world.tokens.mayor },
    ),
  );
  return handle;
}

/** Submits a realisation as the given OPD user; returns the payload. */
export async function submitRealization(
  server: TestServer,
  token: string,
  clauseId: string,
  quarter: number,
  value: string,
) {
  const response = await server.request(
    SUBMIT,
    { input: { clauseId, quarter, value, evidence: { dataSource: 'Quarterly report' } } },
    { token },
  );
  return expectClean('submitRealization', response);
}

function stripNulls(target: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(target).filter(([, value]) => value !== null)) as Record<
    string,
    string
  >;
}

export const REVIEW = `mutation ($input: ReviewRealizationInput!) {
  reviewRealization(input: $input) {
    realization { id status reviewNote history { id value status } }
    ${USER_ERRORS}
  }
}`;

export const AMEND = `mutation ($input: AmendContractInput!) {
  amendContract(input: $input) {
    contract { id version status amendmentReason previousVersion { id status } clauses { id } }
    ${USER_ERRORS}
  }
}`;

export const WITHDRAW = `mutation ($input: WithdrawAmendmentInput!) {
  withdrawAmendment(input: $input) {
    contract {
      id version status withdrawnAt withdrawalNote withdrawnBy { username }
      previousVersion { id status }
    }
    ${USER_ERRORS}
  }
}`;

export const REVISE_OFFER = `mutation ($input: ReviseOfferInput!) {
  reviseOffer(input: $input) {
    contract { id status clauses { id weight } }
    ${USER_ERRORS}
  }
}`;

export const DECIDE = `mutation ($input: DecideOutcomeInput!) {
  decideOutcome(input: $input) {
    evaluation { id decision decisionNote recommendation decisionDiffersFromRecommendation }
    ${USER_ERRORS}
  }
}`;

/** Verifies every SUBMITTED realisation of a contract as the evaluator. */
export async function verifyAll(server: TestServer, token: string, contractId: string) {
  const response = await server.request(
    'query ($id: ID!) { contract(id: $id) { clauses { realizations { id status } } } }',
    { id: contractId },
    { token },
  );
  const clauses = response.data?.contract.clauses as {
    realizations: { id: string; status: string }[];
  }[];
  for (const clause of clauses) {
    for (const realization of clause.realizations.filter((entry) => entry.status === 'SUBMITTED')) {
      expectClean(
        'reviewRealization',
        await server.request(
          REVIEW,
          { input: { realizationId: realization.id, verdict: 'VERIFY' } },
          { token },
        ),
      );
    }
  }
}

/** Database id behind a global ID; throws on anything else. */
export function idOf(globalId: string): number {
  const resolved = fromGlobalId(globalId);
  if (!resolved) {
    throw new Error(`not a global ID: ${globalId}`);
  }
  return resolved.id;
}
