import { type EntityManager, In } from 'typeorm';
import { Indicator, IndicatorTarget, Mission, Task } from '../entities';

/** The missions of a plan and one OPD's tasks under them, with indicators and yearly targets. */
export interface OpdIndicatorRows {
  /** Missions of the plan by number. */
  missions: Mission[];
  /** Tasks of the OPD under those missions, by id. */
  tasks: Task[];
  /** Indicators of those tasks, by id. */
  indicators: Indicator[];
  /** Yearly targets of those indicators, by year. */
  targets: IndicatorTarget[];
}

/** Loads an OPD's tasks, indicators and targets under a plan in four statements. */
export async function loadOpdIndicators(
  manager: EntityManager,
  planId: number,
  opdId: number,
): Promise<OpdIndicatorRows> {
  const missions = await manager.find(Mission, { where: { planId }, order: { number: 'ASC' } });
  const tasks = await manager.find(Task, {
    where: { opdId, missionId: In(missions.map((mission) => mission.id)) },
    order: { id: 'ASC' },
  });
  const indicators = await manager.find(Indicator, {
    where: { taskId: In(tasks.map((task) => task.id)) },
    order: { id: 'ASC' },
  });
  const targets = await manager.find(IndicatorTarget, {
    where: { indicatorId: In(indicators.map((indicator) => indicator.id)) },
    order: { year: 'ASC' },
  });
  return { missions, tasks, indicators, targets };
}
