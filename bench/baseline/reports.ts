import type { Pool, RowDataPacket } from 'mysql2/promise';
import {
  type BaselineClause,
  type BaselinePolicy,
  clauseAttainment,
  outcomeOf,
  ratingOf,
  twoDecimals,
} from './arithmetic';
import { Dec } from '../../src/scoring/decimal';

/** Thrown when the plan does not exist; the GraphQL server returns a NOT_FOUND error for it. */
export class PlanNotFoundError extends Error {}

type Rows = RowDataPacket[];

const SIGNED_IN_YEAR = 'k.plan_id = ? AND k.year = ? AND k.status = ?';

async function loadPolicy(pool: Pool, planId: number): Promise<BaselinePolicy> {
  const [rows] = await pool.query<Rows>('SELECT scoring_policy FROM plan WHERE id = ?', [planId]);
  if (rows.length === 0) {
    throw new PlanNotFoundError(`Plan ${planId} does not exist`);
  }
  return JSON.parse(String(rows[0].scoring_policy)) as BaselinePolicy;
}

/**
 * Loads the scoring columns and counted realisations of the clauses that `condition` selects
 * on the contract `k`, keyed by clause id in id order.
 */
async function loadClauses(
  pool: Pool,
  condition: string,
  parameters: unknown[],
): Promise<
  Map<number, BaselineClause & { missionId: number; contractId: number; weight: string }>
> {
  const clauseSql =
    'SELECT c.id, c.contract_id, t.mission_id, c.weight, i.polarity, i.accumulation, ' +
    'i.minimize_formula, c.committed_value, c.committed_lower, c.committed_upper ' +
    'FROM clause c JOIN contract k ON k.id = c.contract_id ' +
    'JOIN indicator i ON i.id = c.indicator_id JOIN task t ON t.id = i.task_id ' +
    `WHERE ${condition} ORDER BY c.id`;
  const realizationSql =
    'SELECT r.clause_id, r.quarter, r.value FROM realization r ' +
    'JOIN clause c ON c.id = r.clause_id JOIN contract k ON k.id = c.contract_id ' +
    `WHERE ${condition} AND r.status <> 'RETURNED'`;
  const [[clauseRows], [realizationRows]] = await Promise.all([
    pool.query<Rows>(clauseSql, parameters),
    pool.query<Rows>(realizationSql, parameters),
  ]);

  const clauses = new Map<
    number,
    BaselineClause & { missionId: number; contractId: number; weight: string }
  >();
  for (const row of clauseRows) {
    clauses.set(Number(row.id), {
      contractId: Number(row.contract_id),
      missionId: Number(row.mission_id),
      weight: String(row.weight),
      polarity: String(row.polarity),
      accumulation: String(row.accumulation),
      minimizeFormula: (row.minimize_formula as string | null) ?? null,
      value: row.committed_value as string | null,
      lower: row.committed_lower as string | null,
      upper: row.committed_upper as string | null,
      quarters: new Map(),
    });
  }
  for (const row of realizationRows) {
    clauses.get(Number(row.clause_id))?.quarters.set(Number(row.quarter), String(row.value));
  }
  return clauses;
}

/** Builds the `missionAttainment` list for a plan and year, in the server's field order. */
export async function missionAttainment(pool: Pool, planId: number, year: number) {
  const policy = await loadPolicy(pool, planId);
  const parameters = [planId, year, 'SIGNED'];
  const [[missions], clauses, [participation]] = await Promise.all([
    pool.query<Rows>('SELECT id, number, title FROM mission WHERE plan_id = ? ORDER BY number', [
      planId,
    ]),
    loadClauses(pool, SIGNED_IN_YEAR, parameters),
    pool.query<Rows>(
      'SELECT a.mission_id, COUNT(DISTINCT a.opd_id) AS assigned, ' +
        'COUNT(DISTINCT k.opd_id) AS signed FROM mission_assignment a ' +
        'JOIN mission m ON m.id = a.mission_id LEFT JOIN contract k ON k.opd_id = a.opd_id ' +
        `AND ${SIGNED_IN_YEAR} WHERE m.plan_id = ? GROUP BY a.mission_id`,
      [...parameters, planId],
    ),
  ]);

  const totals = new Map<number, { sum: Dec; count: number; achieved: number; missing: number }>();
  for (const clause of clauses.values()) {
    const total = totals.get(clause.missionId) ?? {
      sum: new Dec(0),
      count: 0,
      achieved: 0,
      missing: 0,
    };
    const attainment = clauseAttainment(clause, policy);
    total.count += 1;
    if (attainment === null) {
      total.missing += 1;
    } else {
      total.sum = total.sum.plus(attainment.capped);
      total.achieved += attainment.raw.gte(100) ? 1 : 0;
    }
    totals.set(clause.missionId, total);
  }
  const counts = new Map(participation.map((row) => [Number(row.mission_id), row]));

  return missions.map((mission) => {
    const total = totals.get(Number(mission.id));
    const attainment = total ? twoDecimals(total.sum.div(total.count)) : null;
    const count = counts.get(Number(mission.id));
    return {
      mission: { number: Number(mission.number), title: String(mission.title) },
      attainment,
      rating: attainment === null ? null : ratingOf(attainment, policy),
      opdsAssigned: count ? Number(count.assigned) : 0,
      opdsSigned: count ? Number(count.signed) : 0,
      clauses: total?.count ?? 0,
      clausesAchieved: total?.achieved ?? 0,
      clausesMissingData: total?.missing ?? 0,
    };
  });
}

/** One ranking entry before its rank is known. */
interface Ranked {
  opdId: number;
  code: string;
  name: string;
  score: string;
  rating: string;
  outcome: string;
  recommendation: string | null;
  basis: 'FINAL_EVALUATION' | 'LIVE';
}

/** Builds the `opdRanking` list for a plan and year, in the server's field order. */
export async function opdRanking(pool: Pool, planId: number, year: number) {
  const policy = await loadPolicy(pool, planId);
  const parameters = [planId, year, 'SIGNED'];
  const liveOnly = `${SIGNED_IN_YEAR} AND NOT EXISTS (SELECT 1 FROM evaluation f WHERE f.contract_id = k.id AND f.status = 'FINAL')`;
  const [[contracts], clauses] = await Promise.all([
    pool.query<Rows>(
      'SELECT k.id, k.opd_id, o.code, o.name, e.status, e.score, e.rating, e.outcome, ' +
        'e.recommendation FROM contract k JOIN opd o ON o.id = k.opd_id ' +
        `LEFT JOIN evaluation e ON e.contract_id = k.id WHERE ${SIGNED_IN_YEAR}`,
      parameters,
    ),
    loadClauses(pool, liveOnly, parameters),
  ]);

  const live = new Map<number, { weighted: Dec; weights: Dec }>();
  for (const clause of clauses.values()) {
    const sums = live.get(clause.contractId) ?? { weighted: new Dec(0), weights: new Dec(0) };
    const capped = clauseAttainment(clause, policy)?.capped ?? new Dec(0);
    sums.weighted = sums.weighted.plus(new Dec(clause.weight).mul(capped));
    sums.weights = sums.weights.plus(clause.weight);
    live.set(clause.contractId, sums);
  }

  const entries: Ranked[] = [];
  for (const contract of contracts) {
    const opd = {
      opdId: Number(contract.opd_id),
      code: String(contract.code),
      name: String(contract.name),
    };
    if (contract.status === 'FINAL') {
      const stored = {
        score: String(contract.score),
        rating: String(contract.rating),
        outcome: String(contract.outcome),
        recommendation: (contract.recommendation as string | null) ?? null,
      };
      entries.push({ ...opd, ...stored, basis: 'FINAL_EVALUATION' });
      continue;
    }
    const sums = live.get(Number(contract.id));
    if (sums) {
      const score = twoDecimals(sums.weighted.div(sums.weights));
      const rating = ratingOf(score, policy);
      entries.push({ ...opd, score, rating, ...outcomeOf(score, policy), basis: 'LIVE' });
    }
  }
  return rank(entries);
}

/** Orders by score descending, then OPD id; equal scores share a rank (1, 2, 2, 4). */
function rank(entries: Ranked[]) {
  entries.sort((a, b) => Number(b.score) - Number(a.score) || a.opdId - b.opdId);
  let current = 0;
  return entries.map((entry, index) => {
    if (index === 0 || entry.score !== entries[index - 1].score) {
      current = index + 1;
    }
    return {
      rank: current,
      opd: { code: entry.code, name: entry.name },
      score: entry.score,
      rating: entry.rating,
      basis: entry.basis,
      outcome: entry.outcome,
      recommendation: entry.recommendation,
    };
  });
}
