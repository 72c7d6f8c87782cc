import { In } from 'typeorm';
import { type ReadSource } from '../database/read-source';
import { Indicator, IndicatorTarget, Task } from '../entities';
import { createGroupLoader } from './loader-helpers';

/** Loaders of tasks, indicators and yearly targets. */
export function createIndicatorLoaders(reads: ReadSource) {
  return {
    /** Tasks of each OPD, by id. */
    tasksByOpd: createGroupLoader(
      (opdIds) => reads.find(Task, { where: { opdId: In([...opdIds]) }, order: { id: 'ASC' } }),
      (task) => task.opdId,
    ),

    /** Tasks under each mission, by id. */
    tasksByMission: createGroupLoader(
      (missionIds) =>
        reads.find(Task, { where: { missionId: In([...missionIds]) }, order: { id: 'ASC' } }),
      (task) => task.missionId,
    ),

    /** Indicators of each task, by id. */
    indicatorsByTask: createGroupLoader(
      (taskIds) =>
        reads.find(Indicator, { where: { taskId: In([...taskIds]) }, order: { id: 'ASC' } }),
      (indicator) => indicator.taskId,
    ),

    /** Indicators of each OPD through its tasks, by id; the task is joined. */
    indicatorsByOpd: createGroupLoader(
      (opdIds) =>
        reads.find(Indicator, {
          where: { task: { opdId: In([...opdIds]) } },
          relations: { task: true },
          order: { id: 'ASC' },
        }),
      (indicator) => (indicator.task as Task).opdId,
    ),

    /** Indicators serving each mission through their tasks, by id; the task is joined. */
    indicatorsByMission: createGroupLoader(
      (missionIds) =>
        reads.find(Indicator, {
          where: { task: { missionId: In([...missionIds]) } },
          relations: { task: true },
          order: { id: 'ASC' },
        }),
      (indicator) => (indicator.task as Task).missionId,
    ),

    /** Yearly targets of each indicator, by year. */
    targetsByIndicator: createGroupLoader(
      (indicatorIds) =>
        reads.find(IndicatorTarget, {
          where: { indicatorId: In([...indicatorIds]) },
          order: { year: 'ASC' },
        }),
      (target) => target.indicatorId,
    ),
  };
}
