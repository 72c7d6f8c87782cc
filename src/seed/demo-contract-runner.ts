import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clause, type Contract, type Plan, Realization } from '../entities';
import {
  ContractStatus,
  EvaluationStatus,
  RealizationStatus,
  ReviewVerdict,
} from '../entities/enums';
import type { BidClauseData, OfferClauseData } from '../services/contract.service';
import type { SubmitRealizationData } from '../services/realization.service';
import { DEMO_YEAR } from './demo-plan';
import { type DemoSession, requireDefined } from './demo-session';
import type {
  DemoAmendment,
  DemoBid,
  DemoClause,
  DemoContract,
  DemoOfferedClause,
  DemoRealization,
  DemoStage,
  DemoSubmission,
  OpdMember,
} from './demo-types';

/** Contract stages in lifecycle order, to tell whether a demo contract goes past a stage. */
const STAGE_ORDER: DemoStage[] = [
  ContractStatus.OFFERED,
  ContractStatus.BID,
  ContractStatus.SIGNING,
  ContractStatus.SIGNED,
];

const QUARTERS = [1, 2, 3, 4];

const QUARTER_NAMES = ['TW I', 'TW II', 'TW III', 'TW IV'];

/**
 * Drives the demo contracts through the lifecycle, each step as the user it belongs to: offer,
 * bid, signatures, then the year quarter by quarter with reports, reviews and amendments, and
 * finally the evaluation and the mayor's decision.
 */
export class DemoContractRunner {
  constructor(
    private readonly session: DemoSession,
    private readonly plan: Plan,
  ) {}

  /**
   * Drives one contract through the lifecycle up to its demo stage. A SIGNED contract then runs
   * through the year and, if the demo names one, gets its evaluation.
   */
  async run(demo: DemoContract): Promise<void> {
    const contract = await this.offer(demo);
    if (!goesPast(demo.stage, ContractStatus.OFFERED)) {
      return;
    }
    await this.bid(demo, contract, requireBidder(demo.opdCode, demo.bidBy));
    if (!goesPast(demo.stage, ContractStatus.BID)) {
      return;
    }
    await this.sign(this.session.member(demo.opdCode, 'head'), contract);
    if (!goesPast(demo.stage, ContractStatus.SIGNING)) {
      return;
    }
    await this.sign(this.session.actor('mayor'), contract);
    const inForce = await this.runYear(demo, contract);
    if (demo.evaluation) {
      await this.evaluate(demo, inForce, demo.evaluation);
    }
  }

  /** Offers the clauses. A null offered target makes the service use the indicator's target. */
  private async offer(demo: DemoContract): Promise<Contract> {
    const offeror = this.session.actor(demo.offeredBy);
    const data = {
      planId: this.plan.id,
      opdId: this.session.opd(demo.opdCode).id,
      year: DEMO_YEAR,
      clauses: demo.clauses.map((clause) => this.offeredClauseData(clause)),
    };
    const contract = await this.session.services.contracts.offer(
      this.session.manager,
      offeror,
      data,
    );
    await this.session.audit(offeror, 'offerContract', contract, data);
    return contract;
  }

  private offeredClauseData(clause: DemoOfferedClause): OfferClauseData {
    return {
      indicatorId: this.session.indicator(clause.indicator).id,
      weight: clause.weight,
      offeredTarget: clause.offeredTarget ?? null,
      quarterlyTargets: clause.quarterlyTargets,
      budget: clause.budget,
    };
  }

  /** Bids the commitments of every demo clause on `contract`, one version of the demo contract. */
  private async bid(demo: DemoContract, contract: Contract, member: OpdMember): Promise<void> {
    const bidder = this.session.member(demo.opdCode, member);
    const clauseIds = await this.clauseIdsByIndicatorKey(contract, demo.clauses);
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
    const saved = await this.session.services.contracts.bid(this.session.manager, bidder, data);
    await this.session.audit(bidder, 'bidContract', saved, data);
  }

  private async sign(signatory: Actor, contract: Contract): Promise<Contract> {
    const { contracts } = this.session.services;
    const result = await contracts.sign(this.session.manager, signatory, contract.id);
    await this.session.audit(signatory, 'signContract', result.contract, {
      contractId: contract.id,
    });
    return result.contract;
  }

  /**
   * Plays the year of a SIGNED contract quarter by quarter: the OPD reports, the evaluator
   * verifies quarters up to `verifiedUpToQuarter`, and the amendment follows the quarter it
   * names. Returns the version in force at the end of the year.
   */
  private async runYear(demo: DemoContract, signed: Contract): Promise<Contract> {
    let inForce = signed;
    for (const quarter of QUARTERS) {
      await this.reportQuarter(demo, inForce, quarter);
      if (quarter <= (demo.verifiedUpToQuarter ?? 0)) {
        await this.verifyQuarter(inForce, quarter);
      }
      if (demo.amendment?.afterQuarter === quarter) {
        inForce = await this.amend(demo, inForce, demo.amendment);
      }
    }
    return inForce;
  }

  /** Reports the demo realisations of one quarter as the OPD's staff user. */
  private async reportQuarter(
    demo: DemoContract,
    contract: Contract,
    quarter: number,
  ): Promise<void> {
    const staff = this.session.member(demo.opdCode, 'staff');
    const clauseIds = await this.clauseIdsByIndicatorKey(contract, demo.clauses);
    for (const clause of demo.clauses) {
      const report = clause.report;
      const realization = report?.realizations.find((entry) => entry.quarter === quarter);
      if (!report || !realization) {
        continue;
      }
      const clauseId = clauseIds.get(clause.indicator) as number;
      await this.reportRealization(staff, clauseId, report.evidenceSource, realization);
    }
  }

  /**
   * Submits a quarter's value. When the demo has a returned first submission, that one is
   * submitted first and returned by the evaluator with its note, so both rows stay in the
   * quarter's history.
   */
  private async reportRealization(
    staff: Actor,
    clauseId: number,
    evidenceSource: string,
    demo: DemoRealization,
  ): Promise<void> {
    if (demo.returned) {
      const first = await this.submit(staff, clauseId, evidenceSource, demo.quarter, demo.returned);
      await this.review(first, ReviewVerdict.RETURN, demo.returned.reviewNote);
    }
    await this.submit(staff, clauseId, evidenceSource, demo.quarter, demo);
  }

  private async submit(
    staff: Actor,
    clauseId: number,
    evidenceSource: string,
    quarter: number,
    demo: DemoSubmission,
  ): Promise<Realization> {
    const data: SubmitRealizationData = {
      clauseId,
      quarter,
      value: demo.value,
      evidence: {
        dataSource: `${evidenceSource}, ${QUARTER_NAMES[quarter - 1]} ${DEMO_YEAR}`,
        documentUrl: demo.documentUrl ?? null,
        note: demo.note ?? null,
      },
    };
    const { realizations } = this.session.services;
    const realization = await realizations.submit(this.session.manager, staff, data);
    await this.session.audit(staff, 'submitRealization', realization, data);
    return realization;
  }

  /** Verifies, as the evaluator, every value of the quarter still waiting for review. */
  private async verifyQuarter(contract: Contract, quarter: number): Promise<void> {
    const clauses = await this.session.manager.find(Clause, {
      select: { id: true },
      where: { contractId: contract.id },
    });
    const pending = await this.session.manager.find(Realization, {
      where: {
        clauseId: In(clauses.map((clause) => clause.id)),
        quarter,
        status: RealizationStatus.SUBMITTED,
      },
      order: { id: 'ASC' },
    });
    for (const realization of pending) {
      await this.review(realization, ReviewVerdict.VERIFY, null);
    }
  }

  private async review(
    realization: Realization,
    verdict: ReviewVerdict,
    note: string | null,
  ): Promise<void> {
    const evaluator = this.session.actor('evaluator');
    const data = { realizationId: realization.id, verdict, note };
    const { realizations } = this.session.services;
    const reviewed = await realizations.review(this.session.manager, evaluator, data);
    await this.session.audit(evaluator, 'reviewRealization', reviewed, data);
  }

  /**
   * Amends the SIGNED version and drives the new version to the amendment's stage. Returns the
   * version in force afterwards: the new one once both parties signed it, else the amended one.
   */
  private async amend(
    demo: DemoContract,
    current: Contract,
    amendment: DemoAmendment,
  ): Promise<Contract> {
    const amender = this.session.actor(amendment.amendedBy);
    const data = { contractId: current.id, reason: amendment.reason, note: amendment.note };
    const { amendments } = this.session.services;
    const next = await amendments.amend(this.session.manager, amender, data);
    await this.session.audit(amender, 'amendContract', next, data);
    if (amendment.revisedOffer) {
      await this.reviseOffer(amender, next, amendment.revisedOffer);
    }
    if (amendment.stage === ContractStatus.OFFERED) {
      return current;
    }

    await this.bid(demo, next, requireBidder(demo.opdCode, amendment.bidBy));
    await this.sign(this.session.member(demo.opdCode, 'head'), next);
    return this.sign(this.session.actor('mayor'), next);
  }

  private async reviseOffer(
    offeror: Actor,
    contract: Contract,
    clauses: DemoOfferedClause[],
  ): Promise<void> {
    const data = {
      contractId: contract.id,
      clauses: clauses.map((clause) => this.offeredClauseData(clause)),
    };
    const { contracts } = this.session.services;
    const revised = await contracts.reviseOffer(this.session.manager, offeror, data);
    await this.session.audit(offeror, 'reviseOffer', revised, data);
  }

  /**
   * Scores the contract as the evaluator, and finalises the score when `status` is FINAL. The
   * mayor then records the demo's decision on the outcome, if it has one.
   */
  private async evaluate(
    demo: DemoContract,
    contract: Contract,
    status: EvaluationStatus,
  ): Promise<void> {
    const { manager } = this.session;
    const evaluator = this.session.actor('evaluator');
    const { evaluations } = this.session.services;
    const draft = await evaluations.score(manager, evaluator, contract.id);
    await this.session.audit(evaluator, 'scoreEvaluation', draft, { contractId: contract.id });
    if (status !== EvaluationStatus.FINAL) {
      return;
    }
    const final = await evaluations.finalize(manager, evaluator, draft.id);
    await this.session.audit(evaluator, 'finalizeEvaluation', final, { evaluationId: draft.id });
    if (demo.decision) {
      const mayor = this.session.actor('mayor');
      const data = { evaluationId: final.id, ...demo.decision };
      const decided = await evaluations.decide(manager, mayor, data);
      await this.session.audit(mayor, 'decideOutcome', decided, data);
    }
  }

  /** Maps the indicator key of each demo clause to the id of the contract's stored clause. */
  private async clauseIdsByIndicatorKey(
    contract: Contract,
    clauses: DemoOfferedClause[],
  ): Promise<Map<string, number>> {
    const stored = await this.session.manager.find(Clause, {
      where: { contractId: contract.id },
    });
    const byIndicatorId = new Map(stored.map((clause) => [clause.indicatorId, clause.id]));
    return new Map(
      clauses.map((clause) => {
        const clauseId = byIndicatorId.get(this.session.indicator(clause.indicator).id);
        return [clause.indicator, requireDefined(clauseId, `the clause on ${clause.indicator}`)];
      }),
    );
  }
}

/** Returns whether a contract whose demo stage is `stage` moves on beyond `reached`. */
function goesPast(stage: DemoStage, reached: DemoStage): boolean {
  return STAGE_ORDER.indexOf(stage) > STAGE_ORDER.indexOf(reached);
}

function requireBidder(opdCode: string, bidder: OpdMember | null): OpdMember {
  return requireDefined(bidder ?? undefined, `the bidder of the ${opdCode} contract`);
}

function requireBid(demo: DemoContract, clause: DemoClause): DemoBid {
  return requireDefined(
    clause.bid,
    `the bid on ${clause.indicator} in the ${demo.opdCode} contract`,
  );
}
