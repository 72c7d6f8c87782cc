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
import { type ReadSource } from '../database/read-source';
import { createByIdLoader } from './loader-helpers';

/** Loaders of single rows by id, for references and `node(id)`. */
export function createEntityLoaders(reads: ReadSource) {
  return {
    plan: createByIdLoader(reads, Plan),
    mission: createByIdLoader(reads, Mission),
    opd: createByIdLoader(reads, Opd),
    task: createByIdLoader(reads, Task),
    indicator: createByIdLoader(reads, Indicator),
    contract: createByIdLoader(reads, Contract),
    clause: createByIdLoader(reads, Clause),
    signature: createByIdLoader(reads, Signature),
    realization: createByIdLoader(reads, Realization),
    evaluation: createByIdLoader(reads, Evaluation),
    clauseScore: createByIdLoader(reads, ClauseScoreRecord),
    user: createByIdLoader(reads, User),
    auditEvent: createByIdLoader(reads, AuditEvent),
  };
}
