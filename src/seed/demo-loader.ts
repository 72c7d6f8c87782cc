import type { EntityManager } from 'typeorm';
import { type Actor, actorOf } from '../auth/actor';
import {
  Clause,
  type Contract,
  type Indicator,
  type Mission,
  type Opd,
  type Plan,
  User,
} from '../entities';
import { ContractStatus, EvaluationStatus, Role } from '../entities/enums';
import type { Services } from '../services';
import type { BidClauseData } from '../services/contract.service';
import { DEMO_CONTRACTS } from './demo-contracts';
import { DEMO_TASKS } from './demo-indicators';
import {
  DEMO_MISSIONS,
  DEMO_OPDS,
  DEMO_PLAN,
  DEMO_YEAR,
  ILLUSTRATIVE_VALUES_NOTE,
} from './demo-plan';
import type {
  DemoBid,
  DemoClause,
  DemoContract,
  DemoIndicator,
  DemoRealization,
  DemoStage,
  DemoTask,
  OpdMember,
} from './demo-types';

/** City-level users, one per role that does not belong to an OPD. */
const CITY_USERS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'Admin Bappeda Kota Malang', role: Role.ADMIN },
  { username: 'mayor', displayName: 'Wali Kota Malang', role: Role.MAYOR },
  { username: 'evaluator', displayName: 'Tim Penilai Inspektorat', role: Role.EVALUATOR },
  { username: 'analyst', displayName: 'Analis Bappeda Kota Malang', role: Role.ANALYST },
];

/** Contract stages in lifecycle order, to tell whether a demo contract goes past a stage. */
const STAGE_ORDER: DemoStage[] = [
  ContractStatus.OFFERED,
  ContractStatus.BID,
  ContractStatus.SIGNING,
  ContractStatus.SIGNED,
];

const QUARTER_NAMES = ['TW I', 'TW II', 'TW III', 'TW IV'];

/** First year with a target. The baseline year is the year before it. */
const FIRST_TARGET_YEAR = DEMO_PLAN.startYear + 1;

/**
 * Loads the demo data set through the services inside one transaction, acting as the user each
 * step belongs to, so every business rule of the API applies. Each service call is recorded in
 * the audit trail under the action name of the matching GraphQL mutation. Its digest covers the
 * service input, which contains database ids rather than the API's global ids.
 */
export class DemoLoader {
  private readonly actors = new Map<string, Actor>();
  private readonly missions = new Map<number, Mission>();
  private readonly opds = new Map<string, Opd>();
  private readonly indicators = new Map<string, Indicator>();

  constructor(
    private readonly manager: EntityManager,
    private readonly services: Services,
    private readonly passwordHash: string,
  ) {}

  /** Loads everything and returns the username of every user created, in creation order. */
  async load(): Promise<string[]> {
    await this.createCityUsers();
    const plan = await this.createPlan();
    await this.createOpds();
    for (const task of DEMO_TASKS) {
      await this.createTask(task);
    }
    for (const contract of DEMO_CONTRACTS) {
      await this.runContract(plan, contract);
    }
    return [...this.actors.keys()];
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
    const user = await this.manager.save(
      this.manager.create(User, {
        username,
        displayName,
        passwordHash: this.passwordHash,
        role,
        opdId,
        disabled: false,
        createdAt: new Date(),
      }),
    );
    this.actors.set(username, actorOf(user));
    await this.audit(null, 'createUser', user, { username, displayName, role, opdId });
  }

  private async createPlan(): Promise<Plan> {
    const admin = this.actor('admin');
    const plan = await this.services.plans.createPlan(this.manager, admin, DEMO_PLAN);
    await this.audit(admin, 'createPlan', plan, DEMO_PLAN);

    for (const entry of DEMO_MISSIONS) {
      const data = { planId: plan.id, ...entry };
      const mission = await this.services.plans.createMission(this.manager, admin, data);
      await this.audit(admin, 'createMission', mission, data);
      this.missions.set(mission.number, mission);
    }
    return plan;
  }

  /** Creates each OPD, assigns it to its missions and gives it a head and a staff user. */
  private async createOpds(): Promise<void> {
    const admin = this.actor('admin');
    for (const { missionNumbers, ...data } of DEMO_OPDS) {
      const opd = await this.services.opds.createOpd(this.manager, admin, data);
      await this.audit(admin, 'createOpd', opd, data);
      this.opds.set(opd.code, opd);

      for (const number of missionNumbers) {
        const missionId = this.mission(number).id;
        await this.services.opds.assignToMission(this.manager, admin, opd.id, missionId);
        await this.audit(admin, 'assignOpdToMission', opd, { opdId: opd.id, missionId });
      }

      const prefix = opd.code.toLowerCase();
      await this.createUser(`${prefix}.head`, opd.headName, Role.OPD_HEAD, opd.id);
      await this.createUser(`${prefix}.staff`, `Staf ${opd.name}`, Role.OPD_STAFF, opd.id);
    }
  }

  /** Creates a task and its indicators as the OPD's staff user. */
  private async createTask(demo: DemoTask): Promise<void> {
    const staff = this.member(demo.opdCode, 'staff');
    const data = {
      opdId: this.opd(demo.opdCode).id,
      missionId: this.mission(demo.missionNumber).id,
      description: demo.description,
    };
    const task = await this.services.indicators.createTask(this.manager, staff, data);
    await this.audit(staff, 'createTask', task, data);

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
    const indicator = await this.services.indicators.createIndicator(this.manager, staff, data);
    await this.audit(staff, 'createIndicator', indicator, data);
    this.indicators.set(demo.key, indicator);
  }

  /**
   * Drives one contract through the lifecycle up to its demo stage. A SIGNED contract then gets
   * its realisations and, if the demo names one, its evaluation.
   */
  private async runContract(plan: Plan, demo: DemoContract): Promise<void> {
    const contract = await this.offer(plan, demo);
    if (!goesPast(demo.stage, ContractStatus.OFFERED)) {
      return;
    }
    await this.bid(demo, contract);
    if (!goesPast(demo.stage, ContractStatus.BID)) {
      return;
    }
    await this.sign(this.member(demo.opdCode, 'head'), contract);
    if (!goesPast(demo.stage, ContractStatus.SIGNING)) {
      return;
    }
    await this.sign(this.actor('mayor'), contract);
    await this.reportRealizations(demo, contract);
    if (demo.evaluation) {
      await this.evaluate(contract, demo.evaluation);
    }
  }

  /** Offers the clauses. A null offered target makes the service use the indicator's target. */
  private async offer(plan: Plan, demo: DemoContract): Promise<Contract> {
    const offeror = this.actor(demo.offeredBy);
    const data = {
      planId: plan.id,
      opdId: this.opd(demo.opdCode).id,
      year: DEMO_YEAR,
      clauses: demo.clauses.map((clause) => ({
        indicatorId: this.indicator(clause.indicator).id,
        weight: clause.weight,
        offeredTarget: null,
        quarterlyTargets: clause.quarterlyTargets,
        budget: clause.budget,
      })),
    };
    const contract = await this.services.contracts.offer(this.manager, offeror, data);
    await this.audit(offeror, 'offerContract', contract, data);
    return contract;
  }

  private async bid(demo: DemoContract, contract: Contract): Promise<void> {
    const bidder = this.member(demo.opdCode, requireBidder(demo));
    const clauseIds = await this.clauseIdsByIndicatorKey(contract, demo);
    const clauses = demo.clauses.map((clause): BidClauseData => {
      const bid = requireBid(demo, clause);
      return {
        clauseId: clauseIds.get(clause.indicator) as number,
        committedTarget: bid.committed,
        justification: bid.justification,
        quarterlyTargets: bid.quarterlyTargets ?? null,
      };
    });
    const data = { contractId: contract.id, clauses };
    const saved = await this.services.contracts.bid(this.manager, bidder, data);
    await this.audit(bidder, 'bidContract', saved, data);
  }

  private async sign(signatory: Actor, contract: Contract): Promise<void> {
    const result = await this.services.contracts.sign(this.manager, signatory, contract.id);
    await this.audit(signatory, 'signContract', result.contract, { contractId: contract.id });
  }

  /** Reports every demo realisation of the contract as the OPD's staff user. */
  private async reportRealizations(demo: DemoContract, contract: Contract): Promise<void> {
    const staff = this.member(demo.opdCode, 'staff');
    const clauseIds = await this.clauseIdsByIndicatorKey(contract, demo);
    for (const clause of demo.clauses) {
      const report = clause.report;
      if (!report) {
        continue;
      }
      for (const realization of report.realizations) {
        const clauseId = clauseIds.get(clause.indicator) as number;
        await this.submit(staff, clauseId, report.evidenceSource, realization);
      }
    }
  }

  private async submit(
    staff: Actor,
    clauseId: number,
    evidenceSource: string,
    demo: DemoRealization,
  ): Promise<void> {
    const data = {
      clauseId,
      quarter: demo.quarter,
      value: demo.value,
      evidence: {
        dataSource: `${evidenceSource}, ${QUARTER_NAMES[demo.quarter - 1]} ${DEMO_YEAR}`,
        documentUrl: demo.documentUrl ?? null,
        note: demo.note ?? null,
      },
    };
    const realization = await this.services.realizations.submit(this.manager, staff, data);
    await this.audit(staff, 'submitRealization', realization, data);
  }

  /** Scores the contract as the evaluator, and finalises the score when `status` is FINAL. */
  private async evaluate(contract: Contract, status: EvaluationStatus): Promise<void> {
    const evaluator = this.actor('evaluator');
    const { evaluations } = this.services;
    const draft = await evaluations.score(this.manager, evaluator, contract.id);
    await this.audit(evaluator, 'scoreEvaluation', draft, { contractId: contract.id });
    if (status === EvaluationStatus.FINAL) {
      const final = await evaluations.finalize(this.manager, evaluator, draft.id);
      await this.audit(evaluator, 'finalizeEvaluation', final, { evaluationId: draft.id });
    }
  }

  /** Maps the indicator key of each demo clause to the id of the stored clause. */
  private async clauseIdsByIndicatorKey(
    contract: Contract,
    demo: DemoContract,
  ): Promise<Map<string, number>> {
    const stored = await this.manager.find(Clause, { where: { contractId: contract.id } });
    const byIndicatorId = new Map(stored.map((clause) => [clause.indicatorId, clause.id]));
    return new Map(
      demo.clauses.map((clause) => {
        const clauseId = byIndicatorId.get(this.indicator(clause.indicator).id);
        return [clause.indicator, requireDefined(clauseId, `the clause on ${clause.indicator}`)];
      }),
    );
  }

  private async audit(actor: Actor | null, action: string, entity: { id: number }, input: unknown) {
    await this.services.audit.record(this.manager, {
      actor,
      action,
      entityType: entity.constructor.name,
      entityId: entity.id,
      input,
    });
  }

  private actor(username: string): Actor {
    return requireDefined(this.actors.get(username), `user ${username}`);
  }

  private member(opdCode: string, member: OpdMember): Actor {
    return this.actor(`${opdCode.toLowerCase()}.${member}`);
  }

  private mission(number: number): Mission {
    return requireDefined(this.missions.get(number), `mission ${number}`);
  }

  private opd(code: string): Opd {
    return requireDefined(this.opds.get(code), `OPD ${code}`);
  }

  private indicator(key: string): Indicator {
    return requireDefined(this.indicators.get(key), `indicator ${key}`);
  }
}

/** Returns whether a contract whose demo stage is `stage` moves on beyond `reached`. */
function goesPast(stage: DemoStage, reached: DemoStage): boolean {
  return STAGE_ORDER.indexOf(stage) > STAGE_ORDER.indexOf(reached);
}

/** Returns a value looked up in the demo tables, or throws when the tables name a missing one. */
function requireDefined<T>(value: T | undefined, description: string): T {
  if (value === undefined) {
    throw new Error(`Demo data set is inconsistent: ${description} is referenced but not defined`);
  }
  return value;
}

function requireBidder(demo: DemoContract): OpdMember {
  return requireDefined(demo.bidBy ?? undefined, `the bidder of the ${demo.opdCode} contract`);
}

function requireBid(demo: DemoContract, clause: DemoClause): DemoBid {
  return requireDefined(
    clause.bid,
    `the bid on ${clause.indicator} in the ${demo.opdCode} contract`,
  );
}
