import type { ContractStatus, EvaluationStatus, OpdKind } from '../entities/enums';
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

/** A quarterly realisation that the OPD staff reports. */
export interface DemoRealization {
  quarter: number;
  value: string;
  documentUrl?: string;
  note?: string;
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

/** One clause: what is offered, what the OPD commits, and what it reports. */
export interface DemoClause {
  /** Key of an indicator of the contract's OPD. */
  indicator: string;
  weight: string;
  /** Offered quarterly targets, or null for none. */
  quarterlyTargets: string[] | null;
  /** Budget in rupiah (IDR), or null. */
  budget: string | null;
  /** Absent only in a contract left OFFERED. */
  bid?: DemoBid;
  /** Absent when the OPD reports nothing, so the clause scores 0 as MISSING_REALIZATION. */
  report?: DemoReport;
}

/** Lifecycle stages the seed can drive a contract to, in lifecycle order. */
export type DemoStage =
  ContractStatus.OFFERED | ContractStatus.BID | ContractStatus.SIGNING | ContractStatus.SIGNED;

/** A 2019 contract of one OPD and the stage the seed drives it to. */
export interface DemoContract {
  opdCode: string;
  stage: DemoStage;
  offeredBy: Offeror;
  /** Null only for a contract left OFFERED. */
  bidBy: OpdMember | null;
  /** Status of the evaluation to leave behind, or null. Only SIGNED contracts are evaluated. */
  evaluation: EvaluationStatus | null;
  clauses: DemoClause[];
}
