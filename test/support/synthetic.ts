import type { EntityManager } from 'typeorm';
import {
  Clause,
  Contract,
  Indicator,
  IndicatorTarget,
  Mission,
  MissionAssignment,
  Opd,
  Plan,
  Realization,
  Signature,
  Task,
} from '../../src/entities';
import {
  ContractStatus,
  OpdKind,
  RealizationStatus,
  SignatoryRole,
} from '../../src/entities/enums';
import { DEFAULT_SCORING_POLICY } from '../../src/scoring/policy';
import { Accumulation, Polarity } from '../../src/scoring/types';
import { TransactionRunner } from '../../src/services/transaction-runner';
import type { DataSource } from 'typeorm';

/** Size of a synthetic data set. */
export interface SyntheticSize {
  missions: number;
  opds: number;
  /** Indicators per OPD; each OPD's 2019 contract has one clause per indicator. */
  indicatorsPerOpd: number;
}

/** IDs of what the generator created. */
export interface SyntheticData {
  planId: number;
  userId: number;
}

const POLARITIES = [Polarity.MAXIMIZE, Polarity.MINIMIZE, Polarity.STABILIZE];
const ACCUMULATIONS = [Accumulation.SUM, Accumulation.LAST, Accumulation.AVERAGE];

/**
 * Inserts a plan with SIGNED 2019 contracts and four quarters of realisations straight into
 * the tables, bypassing the services for speed. `userId` must name an existing user, who is
 * recorded as offerer, signer and reporter. Weights are split evenly, the last clause taking
 * the rest, so every contract sums to 100.
 */
export async function insertSyntheticData(
  dataSource: DataSource,
  size: SyntheticSize,
  userId: number,
): Promise<SyntheticData> {
  return new TransactionRunner(dataSource).run(async (manager) => {
    const plan = await manager.save(
      manager.create(Plan, {
        code: `SYN-${Date.now()}`,
        title: 'Synthetic plan',
        governmentName: 'Kota Sintetis',
        startYear: 2018,
        endYear: 2023,
        vision: 'Synthetic',
        scoringPolicy: DEFAULT_SCORING_POLICY,
        createdAt: new Date(),
      }),
    );
    const missions: Mission[] = [];
    for (let number = 1; number <= size.missions; number++) {
      missions.push(
        await manager.save(
          manager.create(Mission, {
            planId: plan.id,
            number,
            title: `Mission ${number}`,
            description: '',
          }),
        ),
      );
    }
    for (let index = 0; index < size.opds; index++) {
      await insertOpd(manager, plan, missions[index % missions.length], index, size, userId);
    }
    return { planId: plan.id, userId };
  });
}

async function insertOpd(
  manager: EntityManager,
  plan: Plan,
  mission: Mission,
  index: number,
  size: SyntheticSize,
  userId: number,
): Promise<void> {
  const opd = await manager.save(
    manager.create(Opd, {
      code: `SYN-${plan.id}-${index}`,
      name: `Synthetic OPD ${index}`,
      kind: OpdKind.DINAS,
      headName: 'Head',
    }),
  );
  await manager.insert(MissionAssignment, { opdId: opd.id, missionId: mission.id });
  const task = await manager.save(
    manager.create(Task, { opdId: opd.id, missionId: mission.id, description: 'Synthetic task' }),
  );

  const indicators: Indicator[] = [];
  for (let n = 0; n < size.indicatorsPerOpd; n++) {
    const polarity = POLARITIES[n % POLARITIES.length];
    const band = polarity === Polarity.STABILIZE;
    indicators.push(
      manager.create(Indicator, {
        taskId: task.id,
        name: `Indicator ${index}.${n}`,
        unit: 'unit',
        definition: 'Synthetic',
        dataSource: 'Synthetic',
        polarity,
        accumulation: ACCUMULATIONS[n % ACCUMULATIONS.length],
        minimizeFormula: null,
        baselineYear: 2018,
        baselineValue: '50',
        endTargetValue: band ? null : '100',
        endTargetLower: band ? '2' : null,
        endTargetUpper: band ? '4' : null,
      }),
    );
  }
  await manager.save(indicators);
  await manager.save(
    indicators.flatMap((indicator) =>
      [2019, 2020, 2021, 2022, 2023].map((year) =>
        manager.create(IndicatorTarget, {
          indicatorId: indicator.id,
          year,
          value: indicator.endTargetValue,
          lower: indicator.endTargetLower,
          upper: indicator.endTargetUpper,
        }),
      ),
    ),
  );
  await insertSignedContract(manager, plan, opd, indicators, userId);
}

async function insertSignedContract(
  manager: EntityManager,
  plan: Plan,
  opd: Opd,
  indicators: Indicator[],
  userId: number,
): Promise<void> {
  const now = new Date();
  const contract = await manager.save(
    manager.create(Contract, {
      opdId: opd.id,
      planId: plan.id,
      year: 2019,
      version: 1,
      status: ContractStatus.SIGNED,
      contentHash: '0'.repeat(64),
      amendmentReason: null,
      amendmentNote: null,
      previousVersionId: null,
      offeredById: userId,
      offeredAt: now,
      bidAt: now,
      signedAt: now,
    }),
  );
  const share = Math.floor(100 / indicators.length);
  const clauses = indicators.map((indicator, n) =>
    manager.create(Clause, {
      contractId: contract.id,
      indicatorId: indicator.id,
      weight: String(n === indicators.length - 1 ? 100 - share * (indicators.length - 1) : share),
      offeredValue: indicator.endTargetValue,
      offeredLower: indicator.endTargetLower,
      offeredUpper: indicator.endTargetUpper,
      committedValue: indicator.endTargetValue,
      committedLower: indicator.endTargetLower,
      committedUpper: indicator.endTargetUpper,
      justification: 'Synthetic',
      quarterlyTargets: null,
      budget: null,
    }),
  );
  await manager.save(clauses);
  for (const role of [SignatoryRole.OPD_HEAD, SignatoryRole.MAYOR]) {
    await manager.insert(Signature, {
      contractId: contract.id,
      role,
      userId,
      signedAt: now,
      contentHash: '0'.repeat(64),
    });
  }
  await manager.save(
    clauses.flatMap((clause) =>
      [1, 2, 3, 4].map((quarter) =>
        manager.create(Realization, {
          clauseId: clause.id,
          quarter,
          value: clause.committedValue === null ? '3' : String(20 + quarter),
          dataSource: 'Synthetic',
          documentUrl: null,
          note: null,
          status: RealizationStatus.VERIFIED,
          activeKey: 1,
          submittedById: userId,
          submittedAt: now,
          reviewedById: userId,
          reviewedAt: now,
          reviewNote: null,
        }),
      ),
    ),
  );
}
