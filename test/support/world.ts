import { actorOf } from '../../src/auth/actor';
import { hashPassword } from '../../src/auth/password';
import { User } from '../../src/entities';
import { OpdKind, Role } from '../../src/entities/enums';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { Accumulation, MinimizeFormula, Polarity, type TargetValue } from '../../src/scoring/types';
import { TransactionRunner } from '../../src/services/transaction-runner';
import { TEST_PASSWORD, type TestServer } from './test-server';

/** Global IDs and tokens of the small world most API tests start from. */
export interface World {
  planId: string;
  missionIds: [string, string];
  opdA: string;
  opdB: string;
  /** Indicators of OPD A: MAXIMIZE/SUM, MINIMIZE/LAST (DIFFERENCE), STABILIZE/AVERAGE band 2-4. */
  indicatorsA: { maxSum: string; minLast: string; stabilize: string; minRatio: string };
  /** Indicator of OPD B: MAXIMIZE/AVERAGE. */
  indicatorB: string;
  tokens: Record<
    'admin' | 'mayor' | 'evaluator' | 'analyst' | 'aHead' | 'aStaff' | 'bHead' | 'bStaff',
    string
  >;
  userIds: Record<string, number>;
}

interface IndicatorSpec {
  name: string;
  polarity: Polarity;
  accumulation: Accumulation;
  minimizeFormula: MinimizeFormula | null;
  target2019: TargetValue;
}

const YEARS = [2019, 2020, 2021, 2022, 2023];

/**
 * Creates, through the services in one transaction: a plan 2018-2023 with two missions, OPD A
 * (assigned to both) and OPD B (mission 2), one user per role plus a head and a staff user per
 * OPD, and indicators of every polarity. Then signs every user in over the API.
 */
export async function buildWorld(server: TestServer): Promise<World> {
  const { services, dataSource } = server.app;
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const ids = await new TransactionRunner(dataSource).run(async (manager) => {
    const createUser = (username: string, role: Role, opdId: number | null) =>
      manager.save(
        manager.create(User, {
          username,
          displayName: username,
          passwordHash,
          role,
          opdId,
          disabled: false,
          createdAt: new Date(),
        }),
      );
    const admin = actorOf(await createUser('admin', Role.ADMIN, null));
    const plan = await services.plans.createPlan(manager, admin, {
      code: 'RPJMD-TEST',
      title: 'Test plan',
      governmentName: 'Kota Uji',
      startYear: 2018,
      endYear: 2023,
      vision: 'Kota Uji Bermartabat',
      scoringPolicy: null,
    });
    const m1 = await services.plans.createMission(manager, admin, {
      planId: plan.id,
      number: 1,
      title: 'Layanan dasar',
      description: 'Mission one',
    });
    const m2 = await services.plans.createMission(manager, admin, {
      planId: plan.id,
      number: 2,
      title: 'Kota produktif',
      description: 'Mission two',
    });
    const opdA = await services.opds.createOpd(manager, admin, {
      code: 'OPD-A',
      name: 'Dinas A',
      kind: OpdKind.DINAS,
      headName: 'Kepala A',
    });
    const opdB = await services.opds.createOpd(manager, admin, {
      code: 'OPD-B',
      name: 'Kecamatan B',
      kind: OpdKind.KECAMATAN,
      headName: 'Camat B',
    });
    await services.opds.assignToMission(manager, admin, opdA.id, m1.id);
    await services.opds.assignToMission(manager, admin, opdA.id, m2.id);
    await services.opds.assignToMission(manager, admin, opdB.id, m2.id);

    const users = {
      mayor: await createUser('mayor', Role.MAYOR, null),
      evaluator: await createUser('evaluator', Role.EVALUATOR, null),
      analyst: await createUser('analyst', Role.ANALYST, null),
      aHead: await createUser('a.head', Role.OPD_HEAD, opdA.id),
      aStaff: await createUser('a.staff', Role.OPD_STAFF, opdA.id),
      bHead: await createUser('b.head', Role.OPD_HEAD, opdB.id),
      bStaff: await createUser('b.staff', Role.OPD_STAFF, opdB.id),
    };
    const aStaff = actorOf(users.aStaff);
    const bStaff = actorOf(users.bStaff);

    const taskA1 = await services.indicators.createTask(manager, aStaff, {
      opdId: opdA.id,
      missionId: m1.id,
      description: 'Task A1',
    });
    const taskA2 = await services.indicators.createTask(manager, aStaff, {
      opdId: opdA.id,
      missionId: m2.id,
      description: 'Task A2',
    });
    const taskB = await services.indicators.createTask(manager, bStaff, {
      opdId: opdB.id,
      missionId: m2.id,
      description: 'Task B',
    });
    const indicator =
      (taskId: number, actor = aStaff) =>
      (spec: IndicatorSpec) =>
        services.indicators.createIndicator(manager, actor, {
          taskId,
          name: spec.name,
          unit: 'unit',
          definition: `Definition of ${spec.name}`,
          dataSource: 'Test register',
          polarity: spec.polarity,
          accumulation: spec.accumulation,
          minimizeFormula: spec.minimizeFormula,
          baselineYear: 2018,
          baselineValue: '50',
          endTarget: spec.target2019,
          yearlyTargets: YEARS.map((year) => ({ year, target: spec.target2019 })),
        });

    const maxSum = await indicator(taskA1.id)({
      name: 'Patients served',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.SUM,
      minimizeFormula: null,
      target2019: { value: '100' },
    });
    const minLast = await indicator(taskA1.id)({
      name: 'Stunting rate',
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      minimizeFormula: MinimizeFormula.DIFFERENCE,
      target2019: { value: '10' },
    });
    const stabilize = await indicator(taskA1.id)({
      name: 'Inflation',
      polarity: Polarity.STABILIZE,
      accumulation: Accumulation.AVERAGE,
      minimizeFormula: null,
      target2019: { lower: '2', upper: '4' },
    });
    const minRatio = await indicator(taskA2.id)({
      name: 'Maternal deaths',
      polarity: Polarity.MINIMIZE,
      accumulation: Accumulation.LAST,
      minimizeFormula: MinimizeFormula.RATIO,
      target2019: { value: '10' },
    });
    const maxAvg = await indicator(
      taskB.id,
      bStaff,
    )({
      name: 'Service index',
      polarity: Polarity.MAXIMIZE,
      accumulation: Accumulation.AVERAGE,
      minimizeFormula: null,
      target2019: { value: '80' },
    });

    return {
      plan: plan.id,
      missions: [m1.id, m2.id] as const,
      opdA: opdA.id,
      opdB: opdB.id,
      indicators: {
        maxSum: maxSum.id,
        minLast: minLast.id,
        stabilize: stabilize.id,
        minRatio: minRatio.id,
      },
      indicatorB: maxAvg.id,
      userIds: Object.fromEntries([
        ['admin', admin.id],
        ...Object.entries(users).map(([key, user]) => [key, user.id]),
      ]),
    };
  });

  const tokens = {
    admin: await server.login('admin'),
    mayor: await server.login('mayor'),
    evaluator: await server.login('evaluator'),
    analyst: await server.login('analyst'),
    aHead: await server.login('a.head'),
    aStaff: await server.login('a.staff'),
    bHead: await server.login('b.head'),
    bStaff: await server.login('b.staff'),
  };
  const indicator = (id: number) => toGlobalId('Indicator', id);
  return {
    planId: toGlobalId('Plan', ids.plan),
    missionIds: [toGlobalId('Mission', ids.missions[0]), toGlobalId('Mission', ids.missions[1])],
    opdA: toGlobalId('Opd', ids.opdA),
    opdB: toGlobalId('Opd', ids.opdB),
    indicatorsA: {
      maxSum: indicator(ids.indicators.maxSum),
      minLast: indicator(ids.indicators.minLast),
      stabilize: indicator(ids.indicators.stabilize),
      minRatio: indicator(ids.indicators.minRatio),
    },
    indicatorB: indicator(ids.indicatorB),
    tokens,
    userIds: ids.userIds,
  };
}
