import { In } from 'typeorm';
import { type ReadSource } from '../database/read-source';
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
export function createContractLoaders(reads: ReadSource) {
  return {
    /** Contracts of each OPD, every year and version, by id. */
    contractsByOpd: createGroupLoader(
      (opdIds) => reads.find(Contract, { where: { opdId: In([...opdIds]) }, order: { id: 'ASC' } }),
      (contract) => contract.opdId,
    ),

    /** Clauses of each contract, by id. */
    clausesByContract: createGroupLoader(
      (contractIds) =>
        reads.find(Clause, {
          where: { contractId: In([...contractIds]) },
          order: { id: 'ASC' },
        }),
      (clause) => clause.contractId,
    ),

    /** Clauses that use each indicator, across contracts, by id. */
    clausesByIndicator: createGroupLoader(
      (indicatorIds) =>
        reads.find(Clause, {
          where: { indicatorId: In([...indicatorIds]) },
          order: { id: 'ASC' },
        }),
      (clause) => clause.indicatorId,
    ),

    /** Signatures of each contract, in signing order. */
    signaturesByContract: createGroupLoader(
      (contractIds) =>
        reads.find(Signature, {
          where: { contractId: In([...contractIds]) },
          order: { id: 'ASC' },
        }),
      (signature) => signature.contractId,
    ),

    /** Every realisation of each clause, returned ones included, in submission order. */
    realizationsByClause: createGroupLoader(
      (clauseIds) =>
        reads.find(Realization, {
          where: { clauseId: In([...clauseIds]) },
          order: { id: 'ASC' },
        }),
      (realization) => realization.clauseId,
    ),

    /** The evaluation of each contract, or null. */
    evaluationByContract: createSingleLoader(
      (contractIds) => reads.find(Evaluation, { where: { contractId: In([...contractIds]) } }),
      (evaluation) => evaluation.contractId,
    ),

    /** Clause scores of each evaluation, by clause id. */
    clauseScoresByEvaluation: createGroupLoader(
      (evaluationIds) =>
        reads.find(ClauseScoreRecord, {
          where: { evaluationId: In([...evaluationIds]) },
          order: { clauseId: 'ASC' },
        }),
      (score) => score.evaluationId,
    ),
  };
}
