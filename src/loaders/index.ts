import { type DataSource } from 'typeorm';
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
 * between users.
 */
export function createLoaders(dataSource: DataSource, scores: ScoreService) {
  const loaders = {
    ...createEntityLoaders(dataSource),
    ...createMissionLoaders(dataSource),
    ...createIndicatorLoaders(dataSource),
    ...createContractLoaders(dataSource),
    ...createScoreLoaders(scores),
  };
  return {
    ...loaders,
    /** Empties every cache, after a mutation changed the rows they hold. */
    clearAll(): void {
      for (const loader of Object.values(loaders)) {
        loader.clearAll();
      }
    },
  };
}
