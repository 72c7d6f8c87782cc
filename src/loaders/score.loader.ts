import DataLoader from 'dataloader';
import { type ReadSource } from '../database/read-source';
import {
  type LiveClauseScore,
  type LiveContractScore,
  type ScoreService,
} from '../services/score.service';

/** Key of a live score: an id and the last quarter counted, null for the whole year. */
export interface ScoreKey {
  id: number;
  upToQuarter: number | null;
}

function cacheKey(key: ScoreKey): string {
  return `${key.id}:${key.upToQuarter ?? 'year'}`;
}

function groupByQuarter(keys: readonly ScoreKey[]): Map<number | null, number[]> {
  const groups = new Map<number | null, number[]>();
  for (const key of keys) {
    groups.set(key.upToQuarter, [...(groups.get(key.upToQuarter) ?? []), key.id]);
  }
  return groups;
}

/**
 * Loaders of scores computed live from current realisations. Each batch sends one set of
 * statements per distinct quarter asked for and returns one result per key, in key order; a
 * clause or contract that does not exist, or has no clauses, gives null.
 */
export function createScoreLoaders(scores: ScoreService, reads: ReadSource) {
  return {
    liveClauseScore: new DataLoader<ScoreKey, LiveClauseScore | null, string>(
      async (keys) => {
        const found = new Map<string, LiveClauseScore>();
        for (const [upToQuarter, clauseIds] of groupByQuarter(keys)) {
          const scored = await reads.run((manager) =>
            scores.scoreClauses({ kind: 'clauses', clauseIds }, upToQuarter, manager),
          );
          for (const entry of scored) {
            found.set(cacheKey({ id: entry.row.clauseId, upToQuarter }), entry);
          }
        }
        return keys.map((key) => found.get(cacheKey(key)) ?? null);
      },
      { cacheKeyFn: cacheKey },
    ),

    liveContractScore: new DataLoader<ScoreKey, LiveContractScore | null, string>(
      async (keys) => {
        const found = new Map<string, LiveContractScore>();
        for (const [upToQuarter, contractIds] of groupByQuarter(keys)) {
          const scored = await reads.run((manager) =>
            scores.scoreContracts(contractIds, upToQuarter, manager),
          );
          for (const [id, score] of scored) {
            found.set(cacheKey({ id, upToQuarter }), score);
          }
        }
        return keys.map((key) => found.get(cacheKey(key)) ?? null);
      },
      { cacheKeyFn: cacheKey },
    ),
  };
}
