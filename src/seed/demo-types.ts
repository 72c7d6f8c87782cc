import type { AmendmentReason, ContractStatus, EvaluationStatus, OpdKind } from '../entities/enums';
import type { Accumulation, MinimizeFormula, Polarity, TargetValue } from '../scoring/types';

/** A regional agency of the demo city and the mission numbers it is assigned to. */
export interface DemoOpd {
  /** Unique code. Its lowercase form prefixes the OPD's usernames, as in `dinkes.head`. */
  code: string;
  name: string;
  kind: OpdKind;
  /** Invented name of the head, also the display name of the head's user. */
  headName: string;
  missionNumbers: number[];
}

/** An indicator of a demo task, with one target per year from 2019 to 2023. */
export interface DemoIndicator {
  /** Key that contract clauses use to name the indicator. It is not stored. */
  key: string;
  name: string;
  unit: string;
  definition: string;
  dataSource: string;
  polarity: Polarity;
  accumulation: Accumulation;
  /** Null lets the plan's scoring policy choose the formula of a MINIMIZE indicator. */
  minimizeFormula: MinimizeFormula | null;
  /** Value in the baseline year 2018. */
  baselineValue: string;
  /** Targets for 2019 to 2023 in year order. The last one is also the end target. */
  targets: TargetValue[];
}

/** A duty of one OPD under one mission, with its indicators. */
export interface DemoTask {
  opdCode: string;
  missionNumber: number;
  description: string;
  indicators: DemoIndicator[];
}

/** Demo user of an OPD: the head (OPD_HEAD) or the staff member (OPD_STAFF). */
export type OpdMember = 'head' | 'staff';

/** City-level user who offers a contract. */
export type Offeror = 'admin' | 'mayor';

/** A value the OPD staff reports for a quarter, with its evidence. */
export interface DemoSubmission {
  value: string;
  documentUrl?: string;
  note?: string;
}

/** A first submission that the evaluator returned before the OPD reported the quarter again. */
export interface DemoReturnedSubmission extends DemoSubmission {
  /** Why the evaluator returned it: what the OPD must correct. */
  reviewNote: string;
}

/** A quarterly realisation that the OPD staff reports. */
export interface DemoRealization extends DemoSubmission {
  quarter: number;
  /** Returned first submission of the quarter. `value` is then the corrected resubmission. */
  returned?: DemoReturnedSubmission;
}

/** The OPD's commitment for one clause. */
export interface DemoBid {
  /** At least as ambitious as the offered target, which is the indicator's 2019 target. */
  committed: TargetValue;
  /** Quarterly targets that the bid puts in place of the offered ones. */
  quarterlyTargets?: string[];
  justification: string;
}

/** Quarterly reports of the OPD on one clause during the year. */
export interface DemoReport {
  /** Data source of every realisation of the clause, to which the quarter is appended. */
  evidenceSource: string;
  realizations: DemoRealization[];
}

/** The city's offer for one clause. */
export interface DemoOfferedClause {
  /** Key of an indicator of the contract's OPD. */
  indicator: string;
  weight: string;
  /** Absent to offer the indicator's target for the year. */
  offeredTarget?: TargetValue;
  /** Offered quarterly targets, or null for none. */
  quarterlyTargets: string[] | null;
  /** Budget in rupiah (IDR), or null. */
  budget: string | null;
}

/** One clause: what is offered, what the OPD commits, and what it reports. */
export interface DemoClause extends DemoOfferedClause {
  /** Absent only in a contract left OFFERED. */
  bid?: DemoBid;
  /** Absent when the OPD reports nothing, so the clause scores 0 as MISSING_REALIZATION. */
  report?: DemoReport;
}

/** Lifecycle stages the seed can drive a contract to, in lifecycle order. */
export type DemoStage =
  ContractStatus.OFFERED | ContractStatus.BID | ContractStatus.SIGNING | ContractStatus.SIGNED;

/**
 * An amendment of a SIGNED contract during the year. The new version copies the clauses. Once
 * it is SIGNED, the amended version becomes SUPERSEDED and its realisations carry over.
 */
export interface DemoAmendment {
  /** Last quarter reported on the amended version. Later quarters go to the version in force. */
  afterQuarter: number;
  amendedBy: Offeror;
  reason: AmendmentReason;
  note: string;
  /** Clauses that replace the copied offer before the OPD bids. Absent to keep the copy. */
  revisedOffer?: DemoOfferedClause[];
  /**
   * SIGNED: the OPD bids the commitments of the contract's `clauses` again and both parties
   * sign. OFFERED: the new version waits for the OPD's bid and the amended version stays in force.
   */
  stage: ContractStatus.OFFERED | ContractStatus.SIGNED;
  /** Null when the new version stays OFFERED. */
  bidBy: OpdMember | null;
}

/** The mayor's decision on the outcome of a FINAL evaluation. */
export interface DemoDecision {
  /** One of the scoring policy's decision options. */
  decision: string;
  note: string | null;
}

/** A 2019 contract of one OPD and the stage the seed drives it to. */
export interface DemoContract {
  opdCode: string;
  stage: DemoStage;
  offeredBy: Offeror;
  /** Null only for a contract left OFFERED. */
  bidBy: OpdMember | null;
  /**
   * The evaluator verifies the realisations of quarters 1 to this one as each quarter closes,
   * and later ones stay SUBMITTED. Absent for none. A FINAL evaluation needs 4.
   */
  verifiedUpToQuarter?: number;
  amendment?: DemoAmendment;
  /** Status of the evaluation to leave behind, or null. Only SIGNED contracts are evaluated. */
  evaluation: EvaluationStatus | null;
  /** Recorded after a FINAL evaluation. */
  decision?: DemoDecision;
  clauses: DemoClause[];
}
