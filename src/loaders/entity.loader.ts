import { type DataSource } from 'typeorm';
import {
  AuditEvent,
  Clause,
  ClauseScoreRecord,
  Contract,
  Evaluation,
  Indicator,
  Mission,
  Opd,
  Plan,
  Realization,
  Signature,
  Task,
  User,
} from '../entities';
import { createByIdLoader } from './loader-helpers';

/** Loaders of single rows by id, for references and `node(id)`. */
export function createEntityLoaders(dataSource: DataSource) {
  return {
    plan: createByIdLoader(dataSource, Plan),
    mission: createByIdLoader(dataSource, Mission),
    opd: createByIdLoader(dataSource, Opd),
    task: createByIdLoader(dataSource, Task),
    indicator: createByIdLoader(dataSource, Indicator),
    contract: createByIdLoader(dataSource, Contract),
    clause: createByIdLoader(dataSource, Clause),
    signature: createByIdLoader(dataSource, Signature),
    realization: createByIdLoader(dataSource, Realization),
    evaluation: createByIdLoader(dataSource, Evaluation),
    clauseScore: createByIdLoader(dataSource, ClauseScoreRecord),
    user: createByIdLoader(dataSource, User),
    auditEvent: createByIdLoader(dataSource, AuditEvent),
  };
}
