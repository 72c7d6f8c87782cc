import { In } from 'typeorm';
import { type ReadSource } from '../database/read-source';
import { Mission, MissionAssignment } from '../entities';
import { createGroupLoader } from './loader-helpers';

/** Loaders of missions and their OPD assignments. */
export function createMissionLoaders(reads: ReadSource) {
  return {
    /** Missions of each plan, by mission number. */
    missionsByPlan: createGroupLoader(
      (planIds) =>
        reads.find(Mission, { where: { planId: In([...planIds]) }, order: { number: 'ASC' } }),
      (mission) => mission.planId,
    ),

    /** Assignments of each mission with the OPD joined, by OPD id. */
    assignmentsByMission: createGroupLoader(
      (missionIds) =>
        reads.find(MissionAssignment, {
          where: { missionId: In([...missionIds]) },
          relations: { opd: true },
          order: { opdId: 'ASC' },
        }),
      (assignment) => assignment.missionId,
    ),

    /** Assignments of each OPD with the mission joined, by mission id. */
    assignmentsByOpd: createGroupLoader(
      (opdIds) =>
        reads.find(MissionAssignment, {
          where: { opdId: In([...opdIds]) },
          relations: { mission: true },
          order: { missionId: 'ASC' },
        }),
      (assignment) => assignment.opdId,
    ),
  };
}
