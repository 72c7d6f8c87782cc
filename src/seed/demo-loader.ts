import type { EntityManager } from 'typeorm';
import { type Actor, actorOf } from '../auth/actor';
import { type Plan, User } from '../entities';
import { Role } from '../entities/enums';
import type { Services } from '../services';
import { DemoContractRunner } from './demo-contract-runner';
import { DEMO_CONTRACTS } from './demo-contracts';
import { DEMO_TASKS } from './demo-indicators';
import { DEMO_MISSIONS, DEMO_OPDS, DEMO_PLAN, ILLUSTRATIVE_VALUES_NOTE } from './demo-plan';
import { DemoSession, opdUsername } from './demo-session';
import type { DemoIndicator, DemoTask } from './demo-types';

/** City-level users, one per role that does not belong to an OPD. */
const CITY_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'Admin Bappeda Kota Malang', role: Role.ADMIN },
  { username: 'mayor', displayName: 'Wali Kota Malang', role: Role.MAYOR },
  { username: 'evaluator', displayName: 'Tim Penilai Inspektorat', role: Role.EVALUATOR },
  { username: 'analyst', displayName: 'Analis Bappeda Kota Malang', role: Role.ANALYST },
];

/** Username of every demo user, in creation order. */
export const DEMO_USERNAMES: readonly string[] = [
  ...CITY_USERS.map((user) => user.username),
  ...DEMO_OPDS.flatMap((opd) => [opdUsername(opd.code, 'head'), opdUsername(opd.code, 'staff')]),
];

/** First year with a target. The baseline year is the year before it. */
const FIRST_TARGET_YEAR = DEMO_PLAN.startYear + 1;

/**
 * Loads the demo data set through the services inside one transaction, acting as the user each
 * step belongs to, so every business rule of the API applies. Each service call is recorded in
 * the audit trail under the action name of the matching GraphQL mutation.
 */
export class DemoLoader {
  private readonly session: DemoSession;

  constructor(
    manager: EntityManager,
    services: Services,
    private readonly passwordHash: string,
  ) {
    this.session = new DemoSession(manager, services);
  }

  /**
   * Loads everything. Returns the plan's id and the username of every user created, in creation
   * order.
   */
  async load(): Promise<{ planId: number; usernames: string[] }> {
    await this.createCityUsers();
    const plan = await this.createPlan();
    await this.createOpds();
    for (const task of DEMO_TASKS) {
      await this.createTask(task);
    }
    const runner = new DemoContractRunner(this.session, plan);
    for (const contract of DEMO_CONTRACTS) {
      await runner.run(contract);
    }
    return { planId: plan.id, usernames: [...this.session.actors.keys()] };
  }

  private async createCityUsers(): Promise<void> {
    for (const user of CITY_USERS) {
      await this.createUser(user.username, user.displayName, user.role, null);
    }
  }

  /**
   * Writes a user row directly with the shared password hash. The audit event has no actor,
   * because no signed-in user created the row.
   */
  private async createUser(
    username: string,
    displayName: string,
    role: Role,
    opdId: number | null,
  ): Promise<void> {
    const { manager } = this.session;
    const user = await manager.save(
      manager.create(User, {
        username,
        displayName,
        passwordHash: this.passwordHash,
        role,
        opdId,
        disabled: false,
        createdAt: new Date(),
      }),
    );
    this.session.actors.set(username, actorOf(user));
    await this.session.audit(null, 'createUser', user, { username, displayName, role, opdId });
  }

  private async createPlan(): Promise<Plan> {
    const { manager, services } = this.session;
    const admin = this.session.actor('admin');
    const plan = await services.plans.createPlan(manager, admin, DEMO_PLAN);
    await this.session.audit(admin, 'createPlan', plan, DEMO_PLAN);

    for (const entry of DEMO_MISSIONS) {
      const data = { planId: plan.id, ...entry };
      const mission = await services.plans.createMission(manager, admin, data);
      await this.session.audit(admin, 'createMission', mission, data);
      this.session.missions.set(mission.number, mission);
    }
    return plan;
  }

  /** Creates each OPD, assigns it to its missions and gives it a head and a staff user. */
  private async createOpds(): Promise<void> {
    const { manager, services } = this.session;
    const admin = this.session.actor('admin');
    for (const { missionNumbers, ...data } of DEMO_OPDS) {
      const opd = await services.opds.createOpd(manager, admin, data);
      await this.session.audit(admin, 'createOpd', opd, data);
      this.session.opds.set(opd.code, opd);

      for (const number of missionNumbers) {
        const missionId = this.session.mission(number).id;
        await services.opds.assignToMission(manager, admin, opd.id, missionId);
        await this.session.audit(admin, 'assignOpdToMission', opd, { opdId: opd.id, missionId });
      }

      const head = opdUsername(opd.code, 'head');
      await this.createUser(head, opd.headName, Role.OPD_HEAD, opd.id);
      const staff = opdUsername(opd.code, 'staff');
      await this.createUser(staff, `Staf ${opd.name}`, Role.OPD_STAFF, opd.id);
    }
  }

  /** Creates a task and its indicators as the OPD's staff user. */
  private async createTask(demo: DemoTask): Promise<void> {
    const staff = this.session.member(demo.opdCode, 'staff');
    const data = {
      opdId: this.session.opd(demo.opdCode).id,
      missionId: this.session.mission(demo.missionNumber).id,
      description: demo.description,
    };
    const { manager, services } = this.session;
    const task = await services.indicators.createTask(manager, staff, data);
    await this.session.audit(staff, 'createTask', task, data);

    for (const indicator of demo.indicators) {
      await this.createIndicator(staff, task.id, indicator);
    }
  }

  private async createIndicator(staff: Actor, taskId: number, demo: DemoIndicator) {
    const data = {
      taskId,
      name: demo.name,
      unit: demo.unit,
      definition: `${demo.definition} ${ILLUSTRATIVE_VALUES_NOTE}`,
      dataSource: demo.dataSource,
      polarity: demo.polarity,
      accumulation: demo.accumulation,
      minimizeFormula: demo.minimizeFormula,
      baselineYear: DEMO_PLAN.startYear,
      baselineValue: demo.baselineValue,
      endTarget: demo.targets[demo.targets.length - 1],
      yearlyTargets: demo.targets.map((target, index) => ({
        year: FIRST_TARGET_YEAR + index,
        target,
      })),
    };
    const { manager, services } = this.session;
    const indicator = await services.indicators.createIndicator(manager, staff, data);
    await this.session.audit(staff, 'createIndicator', indicator, data);
    this.session.indicators.set(demo.key, indicator);
  }
}
