import { createHash } from 'node:crypto';
import { ContractStatus, OpdKind, RealizationStatus, Role } from '../../src/entities/enums';
import { DEFAULT_SCORING_POLICY } from '../../src/scoring/policy';
import { Accumulation, MinimizeFormula, Polarity } from '../../src/scoring/types';
import { SeededRandom } from './random';
import { type ClauseForScoring, evaluationRows } from './scored-evaluation';
import {
  PLAN_ID,
  PLAN_YEARS,
  REPORT_YEAR,
  USER_IDS,
  staffUserId,
  staffUsername,
} from './constants';
import { type RowSink } from './tables';

/** Size of a benchmark data set. */
export interface DatasetSize {
  missions: number;
  opds: number;
  indicatorsPerOpd: number;
}

/** The two sizes the benchmark runs at. */
export const DATASET_SIZES = {
  city: { missions: 4, opds: 60, indicatorsPerOpd: 20 },
  national: { missions: 40, opds: 600, indicatorsPerOpd: 20 },
} as const satisfies Record<string, DatasetSize>;

export type SizeName = keyof typeof DATASET_SIZES;

/** Share of contracts before REPORT_YEAR, and in it, that carry a FINAL evaluation. */
const FINAL_SHARE_EARLY = 0.4;
const FINAL_SHARE_REPORT_YEAR = 0.25;

/** Row counts of a data set, for the progress bar. */
export function expectedRowCount(size: DatasetSize): number {
  const indicators = size.opds * size.indicatorsPerOpd;
  const clauses = indicators * PLAN_YEARS.length;
  // About 4.2 realisations per clause (returned values are reported again), plus scores.
  return Math.round(indicators * (1 + PLAN_YEARS.length) + clauses * 5.3 + size.opds * 20);
}

/** Running ids per table, so that rows reference each other without reading ids back. */
class IdCounter {
  private readonly next = new Map<string, number>();

  take(table: string): number {
    const id = this.next.get(table) ?? 1;
    this.next.set(table, id + 1);
    return id;
  }
}

/** Context shared by the row builders of one data set. */
interface Builder {
  random: SeededRandom;
  ids: IdCounter;
  sink: RowSink;
  size: DatasetSize;
}

/**
 * Generates the whole data set into `sink`: one plan with its missions, OPDs with tasks and
 * indicators, a SIGNED contract per OPD and plan year, four quarters of realisations per
 * clause and FINAL evaluations for part of the closed years. The same seed gives the same rows.
 * `afterOpd` runs after each OPD's rows, so the caller can write them out in batches.
 */
export async function generateDataset(
  size: DatasetSize,
  seed: number,
  passwordHash: string,
  sink: RowSink,
  afterOpd: () => Promise<void>,
): Promise<void> {
  const builder: Builder = { random: new SeededRandom(seed), ids: new IdCounter(), sink, size };
  addPlan(builder);
  addUsers(builder, passwordHash);
  for (let index = 0; index < size.opds; index++) {
    addOpd(builder, index);
    await afterOpd();
  }
}

function addPlan({ sink, size }: Builder): void {
  const policy = JSON.stringify(DEFAULT_SCORING_POLICY);
  sink.add('plan', [
    PLAN_ID,
    'BENCH-2019',
    'Synthetic mid-term plan 2019-2023',
    'Synthetic government',
    PLAN_YEARS[0],
    PLAN_YEARS[PLAN_YEARS.length - 1],
    'Synthetic vision',
    policy,
    '2018-12-01 00:00:00.000',
  ]);
  for (let number = 1; number <= size.missions; number++) {
    sink.add('mission', [number, PLAN_ID, number, `Mission ${number}`, 'Synthetic mission']);
  }
}

function addUsers({ sink, size }: Builder, passwordHash: string): void {
  const created = '2018-12-01 00:00:00.000';
  const fixed: [number, string, Role][] = [
    [USER_IDS.admin, 'admin', Role.ADMIN],
    [USER_IDS.analyst, 'analyst', Role.ANALYST],
    [USER_IDS.evaluator, 'evaluator', Role.EVALUATOR],
    [USER_IDS.mayor, 'mayor', Role.MAYOR],
  ];
  for (const [id, username, role] of fixed) {
    sink.add('app_user', [id, username, username, passwordHash, role, null, 0, created]);
  }
  for (let opdId = 1; opdId <= size.opds; opdId++) {
    const username = staffUsername(opdId);
    const row = [staffUserId(opdId), username, username, passwordHash, Role.OPD_STAFF, opdId];
    sink.add('app_user', [...row, 0, created]);
  }
}

/** Missions an OPD serves: one by turns, and every fifth OPD a second one. */
function missionsOf(index: number, missions: number): number[] {
  const first = (index % missions) + 1;
  const second = ((index + 1) % missions) + 1;
  return index % 5 === 0 && second !== first ? [first, second] : [first];
}

function addOpd(builder: Builder, index: number): void {
  const { sink, ids, random } = builder;
  const opdId = index + 1;
  const kind = random.pick(Object.values(OpdKind));
  sink.add('opd', [opdId, `OPD-${opdId}`, `Synthetic agency ${opdId}`, kind, `Head ${opdId}`]);

  const taskIds = missionsOf(index, builder.size.missions).map((missionId) => {
    sink.add('mission_assignment', [ids.take('mission_assignment'), missionId, opdId]);
    const taskId = ids.take('task');
    sink.add('task', [taskId, opdId, missionId, `Duties of agency ${opdId} for mission`]);
    return taskId;
  });

  const indicators: SyntheticIndicator[] = [];
  for (let n = 0; n < builder.size.indicatorsPerOpd; n++) {
    indicators.push(addIndicator(builder, taskIds[n % taskIds.length], `${opdId}.${n + 1}`));
  }
  for (const year of PLAN_YEARS) {
    addContract(builder, opdId, year, indicators);
  }
}

/** An indicator with its yearly targets, as the clauses of every year need it. */
interface SyntheticIndicator {
  id: number;
  polarity: Polarity;
  accumulation: Accumulation;
  minimizeFormula: MinimizeFormula | null;
  targets: Map<number, Target>;
}

/** A target: `value` for MAXIMIZE and MINIMIZE, `lower` and `upper` for STABILIZE. */
interface Target {
  value: string | null;
  lower: string | null;
  upper: string | null;
}

function addIndicator(builder: Builder, taskId: number, label: string): SyntheticIndicator {
  const { sink, ids, random } = builder;
  const id = ids.take('indicator');
  const polarity = random.weighted([
    [Polarity.MAXIMIZE, 0.6],
    [Polarity.MINIMIZE, 0.25],
    [Polarity.STABILIZE, 0.15],
  ]);
  const accumulation =
    polarity === Polarity.STABILIZE
      ? random.pick([Accumulation.LAST, Accumulation.AVERAGE])
      : random.pick([Accumulation.SUM, Accumulation.SUM, Accumulation.LAST, Accumulation.AVERAGE]);
  const minimizeFormula =
    polarity === Polarity.MINIMIZE && random.chance(0.4)
      ? random.pick([MinimizeFormula.DIFFERENCE, MinimizeFormula.RATIO])
      : null;

  const baseline = polarity === Polarity.MAXIMIZE ? random.integer(40, 80) : random.integer(20, 60);
  const targets = yearlyTargets(random, polarity, baseline);
  const end = targets.get(PLAN_YEARS[PLAN_YEARS.length - 1]) as Target;
  sink.add('indicator', [
    id,
    taskId,
    `Indicator ${label}`,
    polarity === Polarity.STABILIZE ? 'percent' : 'unit',
    'Synthetic definition',
    'Synthetic statistics office',
    polarity,
    accumulation,
    minimizeFormula,
    PLAN_YEARS[0] - 1,
    String(baseline),
    end.value,
    end.lower,
    end.upper,
  ]);
  for (const [year, target] of targets) {
    sink.add('indicator_target', [ids.take('indicator_target'), id, year, ...targetValues(target)]);
  }
  return { id, polarity, accumulation, minimizeFormula, targets };
}

/** Targets move from the baseline by a fixed step each year: up to maximise, down to minimise. */
function yearlyTargets(random: SeededRandom, polarity: Polarity, baseline: number) {
  const targets = new Map<number, Target>();
  const step = random.integer(2, 8);
  const band = random.integer(1, 3);
  PLAN_YEARS.forEach((year, offset) => {
    if (polarity === Polarity.STABILIZE) {
      targets.set(year, { value: null, lower: String(band), upper: String(band + 2) });
      return;
    }
    const sign = polarity === Polarity.MAXIMIZE ? 1 : -1;
    const value = Math.max(baseline + sign * step * (offset + 1), 1);
    targets.set(year, { value: String(value), lower: null, upper: null });
  });
  return targets;
}

function targetValues(target: Target): (string | null)[] {
  return [target.value, target.lower, target.upper];
}

function addContract(
  builder: Builder,
  opdId: number,
  year: number,
  indicators: SyntheticIndicator[],
): void {
  const { sink, ids, random } = builder;
  const contractId = ids.take('contract');
  const hash = createHash('sha256').update(`contract ${contractId}`).digest('hex');
  const signedAt = `${year}-01-31 10:00:00.000`;
  sink.add('contract', [
    contractId,
    opdId,
    PLAN_ID,
    year,
    1,
    ContractStatus.SIGNED,
    hash,
    null,
    null,
    null,
    USER_IDS.admin,
    `${year}-01-05 09:00:00.000`,
    `${year}-01-15 09:00:00.000`,
    signedAt,
  ]);
  sink.add('signature', [
    ids.take('signature'),
    contractId,
    'OPD_HEAD',
    staffUserId(opdId),
    signedAt,
    hash,
  ]);
  sink.add('signature', [
    ids.take('signature'),
    contractId,
    'MAYOR',
    USER_IDS.mayor,
    signedAt,
    hash,
  ]);

  const weights = splitWeights(random, indicators.length);
  const clauses = indicators.map((indicator, n) =>
    addClause(builder, contractId, opdId, year, indicator, weights[n]),
  );
  const finalShare = year < REPORT_YEAR ? FINAL_SHARE_EARLY : FINAL_SHARE_REPORT_YEAR;
  if (year <= REPORT_YEAR && random.chance(finalShare)) {
    evaluationRows(sink, ids.take('evaluation'), contractId, year, clauses, () =>
      ids.take('clause_score'),
    );
  }
}

/** Splits 100 into positive weights with two decimals that sum to exactly 100. */
function splitWeights(random: SeededRandom, count: number): string[] {
  const raw = Array.from({ length: count }, () => random.integer(1, 10));
  const total = raw.reduce((sum, value) => sum + value, 0);
  const cents = raw.map((value) => Math.floor((value * 10000) / total));
  const assigned = cents.slice(0, -1).reduce((sum, value) => sum + value, 0);
  cents[count - 1] = 10000 - assigned;
  return cents.map((value) => (value / 100).toFixed(2));
}

function addClause(
  builder: Builder,
  contractId: number,
  opdId: number,
  year: number,
  indicator: SyntheticIndicator,
  weight: string,
): ClauseForScoring {
  const { sink, ids, random } = builder;
  const clauseId = ids.take('clause');
  const target = indicator.targets.get(year) as Target;
  const quarterly =
    random.chance(0.3) && target.value !== null ? quarterlyTargets(indicator, target.value) : null;
  sink.add('clause', [
    clauseId,
    contractId,
    indicator.id,
    weight,
    ...targetValues(target),
    ...targetValues(target),
    'Synthetic justification',
    quarterly === null ? null : JSON.stringify(quarterly),
    random.chance(0.5) ? String(random.integer(10, 900) * 1_000_000) : null,
  ]);
  const counted = addRealizations(builder, clauseId, opdId, year, indicator, target);
  return { clauseId, weight, indicator, target, quarterlyTargets: quarterly, counted };
}

function quarterlyTargets(indicator: SyntheticIndicator, yearly: string): string[] {
  const value = Number(yearly);
  const quarter = indicator.accumulation === Accumulation.SUM ? value / 4 : value;
  return [1, 2, 3, 4].map(() => quarter.toFixed(2));
}

/** A counted realisation, as scoring reads it. */
export interface CountedValue {
  id: number;
  quarter: number;
  value: string;
  verified: boolean;
}

/**
 * Adds up to four quarters of realisations. About 3 % of clauses report nothing and single
 * quarters are missing now and then; a RETURNED value is mostly reported again.
 */
function addRealizations(
  builder: Builder,
  clauseId: number,
  opdId: number,
  year: number,
  indicator: SyntheticIndicator,
  target: Target,
): CountedValue[] {
  const { random } = builder;
  const counted: CountedValue[] = [];
  if (random.chance(0.03)) {
    return counted;
  }
  for (let quarter = 1; quarter <= 4; quarter++) {
    if (random.chance(0.05)) {
      continue;
    }
    const status = random.weighted([
      [RealizationStatus.VERIFIED, 0.8],
      [RealizationStatus.SUBMITTED, 0.14],
      [RealizationStatus.RETURNED, 0.06],
    ]);
    const value = realizedValue(random, indicator, target);
    const id = addRealization(builder, clauseId, opdId, year, quarter, value, status);
    if (status !== RealizationStatus.RETURNED) {
      counted.push({ id, quarter, value, verified: status === RealizationStatus.VERIFIED });
    } else if (random.chance(0.7)) {
      const again = realizedValue(random, indicator, target);
      const retry = addRealization(
        builder,
        clauseId,
        opdId,
        year,
        quarter,
        again,
        RealizationStatus.SUBMITTED,
      );
      counted.push({ id: retry, quarter, value: again, verified: false });
    }
  }
  return counted;
}

/** Returns a value near the quarter's share of the target, with two decimals. */
function realizedValue(
  random: SeededRandom,
  indicator: SyntheticIndicator,
  target: Target,
): string {
  if (target.value === null) {
    const lower = Number(target.lower);
    return (lower - 1 + random.next() * 4).toFixed(2);
  }
  const share = indicator.accumulation === Accumulation.SUM ? 0.25 : 1;
  const factor = 0.5 + random.next() * 0.9;
  return (Number(target.value) * share * factor).toFixed(2);
}

function addRealization(
  builder: Builder,
  clauseId: number,
  opdId: number,
  year: number,
  quarter: number,
  value: string,
  status: RealizationStatus,
): number {
  const id = builder.ids.take('realization');
  const month = String(quarter * 3).padStart(2, '0');
  const submittedAt = `${year}-${month}-25 09:00:00.000`;
  const reviewed = status !== RealizationStatus.SUBMITTED;
  builder.sink.add('realization', [
    id,
    clauseId,
    quarter,
    value,
    'Synthetic statistics office',
    null,
    null,
    status,
    status === RealizationStatus.RETURNED ? null : 1,
    staffUserId(opdId),
    submittedAt,
    reviewed ? USER_IDS.evaluator : null,
    reviewed ? `${year}-${month}-28 09:00:00.000` : null,
    status === RealizationStatus.RETURNED ? 'Evidence does not match the value' : null,
  ]);
  return id;
}
