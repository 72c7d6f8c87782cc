import { canonicalJson, sha256Hex } from './canonical-json';
import type { TargetValue } from '../scoring/types';

/** The parts of a clause that a signature covers. */
export interface HashedClause {
  indicatorId: number;
  weight: string;
  offered: TargetValue;
  committed: TargetValue;
  quarterlyTargets: string[] | null;
  budget: string | null;
  justification: string | null;
}

/** The parts of a contract that a signature covers. */
export interface HashedContract {
  opdId: number;
  planId: number;
  year: number;
  version: number;
  clauses: HashedClause[];
}

/**
 * Computes the SHA-256 content hash of a contract: canonical JSON (sorted keys, clauses ordered
 * by indicator id, absent values as null) of what the parties agree on. Decimal strings must
 * already be canonical, as the columns return them.
 */
export function computeContentHash(contract: HashedContract): string {
  const clauses = [...contract.clauses]
    .sort((a, b) => a.indicatorId - b.indicatorId)
    .map((clause) => ({
      ...clause,
      offered: normaliseTarget(clause.offered),
      committed: normaliseTarget(clause.committed),
    }));
  return sha256Hex(canonicalJson({ ...contract, clauses }));
}

function normaliseTarget(target: TargetValue): TargetValue {
  return { value: target.value ?? null, lower: target.lower ?? null, upper: target.upper ?? null };
}
