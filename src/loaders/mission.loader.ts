import { type DataSource, In } from 'typeorm';
import { Mission, MissionAssignment } from '../entities';
import { createGroupLoader } from './loader-helpers';

/** Loaders of missions and their OPD assignments. */
export function createMissionLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    /** Missions of each plan, by mission number. */
    missionsByPlan: createGroupLoader(
      (planIds) =>
        manager.find(Mission, { where: { planId: In([...planIds]) }, order: { number: 'ASC' } }),
      (mission) => mission.planId,
    ),

    /** Assignments of each mission with the OPD joined, by OPD id. */
    assignmentsByMission: createGroupLoader(
      (missionIds) =>
        manager.find(MissionAssignment, {
          where: { missionId: In([...missionIds]) },
          relations: { opd: true },
          order: { opdId: 'ASC' },
        }),
      (assignment) => assignment.missionId,
    ),

    /** Assignments of each OPD with the mission joined, by mission id. */
    assignmentsByOpd: createGroupLoader(
      (opdIds) =>
        manager.find(MissionAssignment, {
          where: { opdId: In([...opdIds]) },
          relations: { mission: true },
          order: { missionId: 'ASC' },
        }),
      (assignment) => assignment.opdId,
    ),
  };
}
