import { readFileSync } from 'node:fs';
import path from 'node:path';

/** GraphQL documents the benchmark sends to the GraphQL server. */

/** Repository root, from bench/load or, compiled, from dist/bench/load. */
const ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..',
);

/** A documented example operation, which both servers serve. */
export interface ExampleOperation {
  operationName: string;
  document: string;
}

function readExample(file: string, operationName: string): ExampleOperation {
  return {
    operationName,
    document: readFileSync(path.join(ROOT, 'examples', 'operations', file), 'utf8'),
  };
}

/** The example operation for mission attainment; the baseline serves it by operation name. */
export const MISSION_ATTAINMENT = readExample(
  '2-attainment-per-mission.graphql',
  'AttainmentPerMission',
);

/** The example operation for the OPD ranking; the baseline serves it by operation name. */
export const OPD_RANKING = readExample('3-opd-ranking.graphql', 'OpdRanking');

/** Missions, their OPDs, each OPD's contracts of a year and every clause with its attainment. */
export const NESTED_REPORT = `query NestedReport($planId: ID!, $year: Int!) {
  plan(id: $planId) {
    missions {
      number
      opds(first: 100) {
        edges { node {
          code
          contracts(year: $year, first: 100) {
            edges { node {
              year
              status
              clauses {
                weight
                committedTarget { value lower upper }
                attainment { realization rawAttainment scoredAttainment flags }
              }
            } }
          }
        } }
      }
    }
  }
}`;

export const SUBMIT_REALIZATION = `mutation SubmitRealization($input: SubmitRealizationInput!) {
  submitRealization(input: $input) {
    realization { id quarter value status }
    userErrors { code message }
  }
}`;

/** Query OPD staff send between reports: their contract's live score and clause attainment. */
export const CONTRACT_PROGRESS = `query ContractProgress($id: ID!) {
  contract(id: $id) {
    year
    status
    progress { score rating }
    clauses { weight attainment { scoredAttainment flags } }
  }
}`;

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(input: { username: $username, password: $password }) { token }
}`;
