import { type ReadSource } from '../database/read-source';
import { type ScoreService } from '../services/score.service';
import { createContractLoaders } from './contract.loader';
import { createEntityLoaders } from './entity.loader';
import { createIndicatorLoaders } from './indicator.loader';
import { createMissionLoaders } from './mission.loader';
import { createScoreLoaders } from './score.loader';

/** Every DataLoader of one request. */
export type Loaders = ReturnType<typeof createLoaders>;

/**
 * Creates fresh loaders for one request, so that cached rows never outlive it and never leak
 * between users. Every batch reads through `reads`, which picks a replica or the primary.
 */
export function createLoaders(reads: ReadSource, scores: ScoreService) {
  const loaders = {
    ...createEntityLoaders(reads),
    ...createMissionLoaders(reads),
    ...createIndicatorLoaders(reads),
    ...createContractLoaders(reads),
    ...createScoreLoaders(scores, reads),
  };
  return {
    ...loaders,
    /**
     * Sends every later batch to the primary. A mutation calls this before it writes, so the
     * payload never shows a replica's older copy of what it just wrote.
     */
    usePrimary(): void {
      reads.usePrimary();
    },
    /** Empties every cache, after a mutation changed the rows they hold. */
    clearAll(): void {
      for (const loader of Object.values(loaders)) {
        loader.clearAll();
      }
    },
  };
}
