import { type DataSource, In } from 'typeorm';
import {
  Clause,
  ClauseScoreRecord,
  Contract,
  Evaluation,
  Indicator,
  Mission,
  Opd,
  Plan,
} from '../entities';
import { ContractStatus } from '../entities/enums';
import {
  INDICATOR_SHEET,
  decimalCell,
  indicatorColumns,
  indicatorToCells,
} from '../exchange/indicator-sheet';
import { templateGuide } from '../exchange/template-guide';
import {
  type SheetTable,
  type SpreadsheetFile,
  SpreadsheetFormat,
  type WrittenCell,
  writeSpreadsheet,
} from '../exchange/spreadsheet';
import { type ReportService } from './report.service';
import { loadOpdIndicators } from './opd-indicators';
import { assertYearInPlan } from './plan-years';
import { findOrFail } from './repository-helpers';

const CONTRACT_COLUMNS = [
  'opd_code',
  'opd_name',
  'contract_version',
  'contract_status',
  'evaluation_status',
  'score',
  'rating',
  'outcome',
  'recommendation',
  'decision',
  'decision_note',
  'scored_at',
  'finalized_at',
];

const CLAUSE_COLUMNS = [
  'opd_code',
  'mission',
  'indicator',
  'unit',
  'polarity',
  'accumulation',
  'minimize_formula',
  'weight',
  'target',
  'target_lower',
  'target_upper',
  'realization',
  'raw_attainment',
  'scored_attainment',
  'flags',
  'explanation',
];

const MISSION_COLUMNS = [
  'mission',
  'title',
  'attainment',
  'rating',
  'opds_assigned',
  'opds_signed',
  'clauses',
  'clauses_achieved',
  'clauses_missing_data',
];

/**
 * Spreadsheets the server writes: the indicator template of a plan, an OPD's indicators in
 * that template (which the import reads back), a year's evaluation results, and mission
 * attainment. Every export is .xlsx (one workbook) or CSV (one file per sheet).
 */
export class SpreadsheetExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportService,
  ) {}

  /**
   * Writes the empty import template of a plan: the Indicators sheet with its header row and,
   * in .xlsx only, a Guide sheet that explains each column and a Missions sheet.
   */
  async indicatorTemplate(planId: number, format: SpreadsheetFormat): Promise<SpreadsheetFile[]> {
    const manager = this.dataSource.manager;
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    const missions = await manager.find(Mission, { where: { planId }, order: { number: 'ASC' } });

    const sheets: SheetTable[] = [
      { name: INDICATOR_SHEET, header: indicatorColumns(plan), rows: [] },
    ];
    if (format === SpreadsheetFormat.XLSX) {
      sheets.push(templateGuide(plan), {
        name: 'Missions',
        header: ['mission', 'title'],
        rows: missions.map((mission) => [mission.number, mission.title]),
        widths: [10, 80],
      });
    }
    return writeSpreadsheet(sheets, format, `indicator-template-${fileSafe(plan.code)}`);
  }

  /**
   * Writes an OPD's tasks and indicators under a plan in the template's layout, ordered by
   * mission number, task and indicator. Importing the file again changes nothing.
   */
  async indicators(
    planId: number,
    opdId: number,
    format: SpreadsheetFormat,
  ): Promise<SpreadsheetFile[]> {
    const manager = this.dataSource.manager;
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    const opd = await findOrFail(manager, Opd, opdId, 'opdId');
    const { missions, tasks, indicators, targets } = await loadOpdIndicators(
      manager,
      planId,
      opdId,
    );

    const rows = missions.flatMap((mission) =>
      tasks
        .filter((task) => task.missionId === mission.id)
        .flatMap((task) =>
          indicators
            .filter((indicator) => indicator.taskId === task.id)
            .map((indicator) =>
              indicatorToCells(
                plan,
                mission.number,
                task.description,
                indicator,
                targets.filter((target) => target.indicatorId === indicator.id),
              ),
            ),
        ),
    );
    const sheet = { name: INDICATOR_SHEET, header: indicatorColumns(plan), rows };
    return writeSpreadsheet(
      [sheet],
      format,
      `indicators-${fileSafe(opd.code)}-${fileSafe(plan.code)}`,
    );
  }

  /**
   * Writes the evaluation results of a year. The Contracts sheet has one row per SIGNED contract
   * with score, rating, outcome, recommendation and the mayor's decision, empty until evaluated.
   * The Clauses sheet has every stored clause score with its formula's inputs.
   */
  async evaluationResults(
    planId: number,
    year: number,
    format: SpreadsheetFormat,
  ): Promise<SpreadsheetFile[]> {
    const manager = this.dataSource.manager;
    const plan = await findOrFail(manager, Plan, planId, 'planId');
    assertYearInPlan(plan, year);
    const contracts = await manager.find(Contract, {
      where: { planId, year, status: ContractStatus.SIGNED },
    });
    const contractIds = contracts.map((contract) => contract.id);
    const opds = await manager.find(Opd, {
      where: { id: In(contracts.map((contract) => contract.opdId)) },
    });
    const evaluations = await manager.find(Evaluation, { where: { contractId: In(contractIds) } });
    const clauseScores = await manager.find(ClauseScoreRecord, {
      where: { evaluationId: In(evaluations.map((evaluation) => evaluation.id)) },
      order: { clauseId: 'ASC' },
    });
    const clauses = await manager.find(Clause, {
      where: { id: In(clauseScores.map((score) => score.clauseId)) },
    });
    const indicators = await manager.find(Indicator, {
      where: { id: In(clauses.map((clause) => clause.indicatorId)) },
      relations: { task: { mission: true } },
    });

    const opdById = new Map(opds.map((opd) => [opd.id, opd]));
    const evaluationByContract = new Map(evaluations.map((e) => [e.contractId, e]));
    const ordered = [...contracts].sort((a, b) =>
      (opdById.get(a.opdId)?.code ?? '').localeCompare(opdById.get(b.opdId)?.code ?? ''),
    );
    const contractRows = ordered.map((contract) =>
      contractCells(contract, opdById.get(contract.opdId), evaluationByContract.get(contract.id)),
    );

    const lookup = {
      clauseById: new Map(clauses.map((clause) => [clause.id, clause])),
      indicatorById: new Map(indicators.map((indicator) => [indicator.id, indicator])),
      contractById: new Map(contracts.map((contract) => [contract.id, contract])),
      evaluationById: new Map(evaluations.map((evaluation) => [evaluation.id, evaluation])),
      opdById,
    };
    const clauseRows = ordered.flatMap((contract) => {
      const evaluation = evaluationByContract.get(contract.id);
      return clauseScores
        .filter((score) => score.evaluationId === evaluation?.id)
        .map((score) => clauseCells(score, lookup));
    });

    return writeSpreadsheet(
      [
        { name: 'Contracts', header: CONTRACT_COLUMNS, rows: contractRows },
        { name: 'Clauses', header: CLAUSE_COLUMNS, rows: clauseRows },
      ],
      format,
      `evaluation-${fileSafe(plan.code)}-${year}`,
    );
  }

  /** Writes mission attainment for a year, or up to a quarter, as the report computes it. */
  async missionAttainment(
    planId: number,
    year: number,
    upToQuarter: number | null,
    format: SpreadsheetFormat,
  ): Promise<SpreadsheetFile[]> {
    const plan = await findOrFail(this.dataSource.manager, Plan, planId, 'planId');
    const results = await this.reports.missionAttainment(planId, year, upToQuarter);
    const rows = results.map((result): WrittenCell[] => [
      result.mission.number,
      result.mission.title,
      decimalCell(result.attainment),
      result.rating,
      result.opdsAssigned,
      result.opdsSigned,
      result.clauses,
      result.clausesAchieved,
      result.clausesMissingData,
    ]);
    const period = upToQuarter === null ? `${year}` : `${year}-q${upToQuarter}`;
    return writeSpreadsheet(
      [{ name: 'Missions', header: MISSION_COLUMNS, rows, widths: [10, 60] }],
      format,
      `mission-attainment-${fileSafe(plan.code)}-${period}`,
    );
  }
}

function contractCells(
  contract: Contract,
  opd: Opd | undefined,
  evaluation: Evaluation | undefined,
): WrittenCell[] {
  return [
    opd?.code ?? null,
    opd?.name ?? null,
    contract.version,
    contract.status,
    evaluation?.status ?? null,
    decimalCell(evaluation?.score),
    evaluation?.rating ?? null,
    evaluation?.outcome ?? null,
    evaluation?.recommendation ?? null,
    evaluation?.decision ?? null,
    evaluation?.decisionNote ?? null,
    evaluation?.scoredAt.toISOString() ?? null,
    evaluation?.finalizedAt?.toISOString() ?? null,
  ];
}

function clauseCells(
  score: ClauseScoreRecord,
  lookup: {
    clauseById: Map<number, Clause>;
    indicatorById: Map<number, Indicator>;
    contractById: Map<number, Contract>;
    evaluationById: Map<number, Evaluation>;
    opdById: Map<number, Opd>;
  },
): WrittenCell[] {
  const clause = lookup.clauseById.get(score.clauseId);
  const indicator = clause ? lookup.indicatorById.get(clause.indicatorId) : undefined;
  const contract = clause ? lookup.contractById.get(clause.contractId) : undefined;
  const opd = contract ? lookup.opdById.get(contract.opdId) : undefined;
  return [
    opd?.code ?? null,
    indicator?.task?.mission?.number ?? null,
    indicator?.name ?? null,
    indicator?.unit ?? null,
    score.polarity,
    indicator?.accumulation ?? null,
    score.minimizeFormula,
    decimalCell(score.weight),
    decimalCell(score.targetValue),
    decimalCell(score.targetLower),
    decimalCell(score.targetUpper),
    decimalCell(score.realizationValue),
    decimalCell(score.rawAttainment),
    decimalCell(score.scoredAttainment),
    score.flags.join(' '),
    score.explanation,
  ];
}

/** Keeps letters, digits, dots, dashes and underscores of a code for use in a file name. */
function fileSafe(code: string): string {
  return code.replace(/[^A-Za-z0-9._-]+/g, '_');
}
