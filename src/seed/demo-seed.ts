import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { ContractStatus, EvaluationStatus } from '../entities/enums';
import type { Services } from '../services';
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
 * stage with realisations and evaluations. Everything is written in one transaction, so a
 * failure writes nothing. Every user gets `password`.
 */
export async function seedDemoData(
  dataSource: DataSource,
  services: Services,
  password: string,
): Promise<DemoSummary> {
  // scrypt is deliberately slow, so all demo users share one hash, computed before the
  // transaction opens.
  const passwordHash = await hashPassword(password);
  const usernames = await new TransactionRunner(dataSource).run((manager) =>
    new DemoLoader(manager, services, passwordHash).load(),
  );
  return { description: describeDemoData(usernames.length), usernames };
}

/** Builds the one-sentence summary of what the demo data set contains. */
function describeDemoData(userCount: number): string {
  const indicatorCount = DEMO_TASKS.reduce((sum, task) => sum + task.indicators.length, 0);
  const contractOpds = new Set(DEMO_CONTRACTS.map((contract) => contract.opdCode));
  const withoutContract = DEMO_OPDS.length - contractOpds.size;
  return (
    `Kota Malang ${DEMO_YEAR}: plan ${DEMO_PLAN.code} with ${DEMO_MISSIONS.length} missions, ` +
    `${DEMO_OPDS.length} OPDs, ${userCount} users, ${indicatorCount} indicators and ` +
    `${DEMO_CONTRACTS.length} contracts for ${DEMO_YEAR} (${countStages()}, ` +
    `${withoutContract} ${withoutContract === 1 ? 'OPD' : 'OPDs'} without a contract), ` +
    `${countEvaluations()}; indicator values and head names are illustrative, not official data`
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

function countEvaluations(): string {
  const count = (status: EvaluationStatus) =>
    DEMO_CONTRACTS.filter((contract) => contract.evaluation === status).length;
  return (
    `${count(EvaluationStatus.FINAL)} FINAL and ${count(EvaluationStatus.DRAFT)} DRAFT ` +
    'evaluations'
  );
}
