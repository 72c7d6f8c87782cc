import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { ContractStatus, EvaluationStatus } from '../entities/enums';
import { ProjectionStatus } from '../scoring/projection';
import type { Services } from '../services';
import type { AtRiskIndicatorResult } from '../services/projection.service';
import { TransactionRunner } from '../services/transaction-runner';
import { DEMO_CONTRACTS } from './demo-contracts';
import { DEMO_TASKS } from './demo-indicators';
import { DemoLoader } from './demo-loader';
import { DEMO_MISSIONS, DEMO_OPDS, DEMO_PLAN, DEMO_YEAR } from './demo-plan';

/** What the demo seed created, for the start-up log. */
export interface DemoSummary {
  description: string;
  usernames: string[];
}

/**
 * Loads the demo data set "Kota Malang 2019": the RPJMD 2018-2023 with its four missions,
 * fourteen OPDs with their users, tasks and indicators, and 2019 contracts in every lifecycle
 * stage with reviewed realisations, amendments, evaluations and the mayor's decisions.
 * Everything is written in one transaction, so a failure writes nothing. Every user gets
 * `password`.
 */
export async function seedDemoData(
  dataSource: DataSource,
  services: Services,
  password: string,
): Promise<DemoSummary> {
  // All demo users share one password, so separate salts would protect nothing, because
  // cracking any one hash reveals the password of all. One hash, computed before the
  // transaction opens, saves 31 scrypt runs. Run in parallel on a shared two-core machine they
  // took 1.5-2.6 s, several times the 0.4-1.0 s the rest of the seed took on SQLite.
  const passwordHash = await hashPassword(password);
  const { planId, usernames } = await new TransactionRunner(dataSource).run((manager) =>
    new DemoLoader(manager, services, passwordHash).load(),
  );
  const atRisk = await services.projections.atRisk(planId, DEMO_YEAR, null);
  return { description: describeDemoData(usernames.length, atRisk), usernames };
}

/** Builds the one-sentence summary of what the demo data set contains. */
function describeDemoData(userCount: number, atRisk: AtRiskIndicatorResult[]): string {
  const indicatorCount = DEMO_TASKS.reduce((sum, task) => sum + task.indicators.length, 0);
  const contractOpds = new Set(DEMO_CONTRACTS.map((contract) => contract.opdCode));
  const withoutContract = DEMO_OPDS.length - contractOpds.size;
  return (
    `Kota Malang ${DEMO_YEAR}: plan ${DEMO_PLAN.code} with ${DEMO_MISSIONS.length} missions, ` +
    `${DEMO_OPDS.length} OPDs, ${userCount} users, ${indicatorCount} indicators and ` +
    `${DEMO_CONTRACTS.length} contracts for ${DEMO_YEAR} (${countStages()}, ` +
    `${withoutContract} ${withoutContract === 1 ? 'OPD' : 'OPDs'} without a contract), ` +
    `${countAmendments()}, ${countReturns()}, ${countEvaluations()}, and ` +
    `${countAtRisk(atRisk)}; indicator values and head names are illustrative, not official data`
  );
}

function countStages(): string {
  const stages = [
    ContractStatus.SIGNED,
    ContractStatus.SIGNING,
    ContractStatus.BID,
    ContractStatus.OFFERED,
  ];
  return stages
    .map((stage) => {
      const count = DEMO_CONTRACTS.filter((contract) => contract.stage === stage).length;
      return `${count} ${stage}`;
    })
    .join(', ');
}

function countAmendments(): string {
  const amendments = DEMO_CONTRACTS.flatMap((contract) => contract.amendment ?? []);
  const signed = amendments.filter((amendment) => amendment.stage === ContractStatus.SIGNED);
  return (
    `${amendments.length} amendments (${signed.length} signed again, ` +
    `${amendments.length - signed.length} waiting for the OPD's bid)`
  );
}

function countReturns(): string {
  const returned = DEMO_CONTRACTS.flatMap((contract) => contract.clauses)
    .flatMap((clause) => clause.report?.realizations ?? [])
    .filter((realization) => realization.returned).length;
  return `realisations reviewed by the evaluator with ${returned} returned and reported again`;
}

function countEvaluations(): string {
  const count = (status: EvaluationStatus) =>
    DEMO_CONTRACTS.filter((contract) => contract.evaluation === status).length;
  const decisions = DEMO_CONTRACTS.filter((contract) => contract.decision).length;
  return (
    `${count(EvaluationStatus.FINAL)} FINAL and ${count(EvaluationStatus.DRAFT)} DRAFT ` +
    `evaluations with ${decisions} decisions by the mayor`
  );
}

/** Counts the indicators of the projection to the plan's end year by status. */
function countAtRisk(atRisk: AtRiskIndicatorResult[]): string {
  const count = (status: ProjectionStatus) =>
    atRisk.filter((result) => result.status === status).length;
  return (
    `${count(ProjectionStatus.AT_RISK)} AT_RISK and ${count(ProjectionStatus.OFF_TRACK)} ` +
    `OFF_TRACK indicators in the projection to ${DEMO_PLAN.endYear}`
  );
}
