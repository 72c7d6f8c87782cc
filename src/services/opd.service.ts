import { type DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { requireRole } from '../auth/permissions';
import { type OpdKind, Role } from '../entities/enums';
import { Mission, MissionAssignment, Opd } from '../entities';
import { ConflictError } from '../errors/app-errors';
import { type ConnectionResult, type PageRequest, paginateQuery } from './pagination';
import { findOrFail, translateUniqueViolation } from './repository-helpers';

/** Fields of a new OPD. */
export interface CreateOpdData {
  code: string;
  name: string;
  kind: OpdKind;
  headName: string;
}

/** Filters of the OPD list. */
export interface OpdFilter {
  kind?: OpdKind | null;
}

/** Regional agencies and their mission assignments. */
export class OpdService {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates an OPD (ADMIN); codes are unique. */
  async createOpd(manager: EntityManager, actor: Actor, data: CreateOpdData): Promise<Opd> {
    requireRole(actor, [Role.ADMIN], 'create OPDs');
    const opd = manager.create(Opd, data);
    return translateUniqueViolation(
      () => manager.save(opd),
      () => new ConflictError(`An OPD with code "${data.code}" already exists`, 'code'),
    );
  }

  /**
   * Assigns an OPD to a mission (ADMIN); assigning the same pair twice is a conflict. Returns the
   * assignment with its OPD and mission attached.
   */
  async assignToMission(
    manager: EntityManager,
    actor: Actor,
    opdId: number,
    missionId: number,
  ): Promise<MissionAssignment> {
    requireRole(actor, [Role.ADMIN], 'assign OPDs to missions');
    const opd = await findOrFail(manager, Opd, opdId, 'opdId');
    const mission = await findOrFail(manager, Mission, missionId, 'missionId');

    const assignment = manager.create(MissionAssignment, { opdId, missionId });
    const saved = await translateUniqueViolation(
      () => manager.save(assignment),
      () =>
        new ConflictError(
          `OPD ${opd.code} is already assigned to mission ${mission.number}`,
          'missionId',
        ),
    );
    return Object.assign(saved, { opd, mission });
  }

  /** Lists OPDs by ascending id, one page at a time. */
  listOpds(filter: OpdFilter, page: PageRequest): Promise<ConnectionResult<Opd>> {
    const query = this.dataSource.getRepository(Opd).createQueryBuilder('opd');
    if (filter.kind) {
      query.where('opd.kind = :kind', { kind: filter.kind });
    }
    return paginateQuery(query, 'opd', page);
  }
}
