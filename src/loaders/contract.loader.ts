import { type DataSource, In } from 'typeorm';
import {
  Clause,
  ClauseScoreRecord,
  Contract,
  Evaluation,
  Realization,
  Signature,
} from '../entities';
import { createGroupLoader, createSingleLoader } from './loader-helpers';

/** Loaders of contracts and everything that hangs off them. */
export function createContractLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;
  return {
    /** Contracts of each OPD, every year and version, by id. */
    contractsByOpd: createGroupLoader(
      (opdIds) =>
        manager.find(Contract, { where: { opdId: In([...opdIds]) }, order: { id: 'ASC' } }),
      (contract) => contract.opdId,
    ),

    /** Clauses of each contract, by id. */
    clausesByContract: createGroupLoader(
      (contractIds) =>
        manager.find(Clause, {
          where: { contractId: In([...contractIds]) },
          order: { id: 'ASC' },
        }),
      (clause) => clause.contractId,
    ),

    /** Clauses that use each indicator, across contracts, by id. */
    clausesByIndicator: createGroupLoader(
      (indicatorIds) =>
        manager.find(Clause, {
          where: { indicatorId: In([...indicatorIds]) },
          order: { id: 'ASC' },
        }),
      (clause) => clause.indicatorId,
    ),

    /** Signatures of each contract, in signing order. */
    signaturesByContract: createGroupLoader(
      (contractIds) =>
        manager.find(Signature, {
          where: { contractId: In([...contractIds]) },
          order: { id: 'ASC' },
        }),
      (signature) => signature.contractId,
    ),

    /** Every realisation of each clause, returned ones included, in submission order. */
    realizationsByClause: createGroupLoader(
      (clauseIds) =>
        manager.find(Realization, {
          where: { clauseId: In([...clauseIds]) },
          order: { id: 'ASC' },
        }),
      (realization) => realization.clauseId,
    ),

    /** The evaluation of each contract, or null. */
    evaluationByContract: createSingleLoader(
      (contractIds) => manager.find(Evaluation, { where: { contractId: In([...contractIds]) } }),
      (evaluation) => evaluation.contractId,
    ),

    /** Clause scores of each evaluation, by clause id. */
    clauseScoresByEvaluation: createGroupLoader(
      (evaluationIds) =>
        manager.find(ClauseScoreRecord, {
          where: { evaluationId: In([...evaluationIds]) },
          order: { clauseId: 'ASC' },
        }),
      (score) => score.evaluationId,
    ),
  };
}
