import { type DataSource } from 'typeorm';
import { LoginThrottle } from '../auth/login-throttle';
import type { TokenSettings } from '../auth/token';
import type { ImportLimits, LoginThrottleSettings } from '../config/config';
import type { Logger } from '../logging/logger';
import { AccountService } from './account.service';
import { AmendmentService } from './amendment.service';
import { AuditService } from './audit.service';
import { ContractService } from './contract.service';
import { EvaluationService } from './evaluation.service';
import { IndicatorImportService } from './indicator-import.service';
import { IndicatorService } from './indicator.service';
import { OpdService } from './opd.service';
import { PlanService } from './plan.service';
import { ProjectionService } from './projection.service';
import { RealizationService } from './realization.service';
import { ReportService } from './report.service';
import { ScoreService } from './score.service';
import { SpreadsheetExportService } from './spreadsheet-export.service';
import { TransactionRunner } from './transaction-runner';
import { UnitOfWork } from './unit-of-work';
import { UserService } from './user.service';

/** Every service, created once per server and shared by all requests. */
export interface Services {
  unitOfWork: UnitOfWork;
  audit: AuditService;
  users: UserService;
  accounts: AccountService;
  plans: PlanService;
  opds: OpdService;
  indicators: IndicatorService;
  contracts: ContractService;
  amendments: AmendmentService;
  realizations: RealizationService;
  evaluations: EvaluationService;
  scores: ScoreService;
  reports: ReportService;
  projections: ProjectionService;
  indicatorImport: IndicatorImportService;
  spreadsheets: SpreadsheetExportService;
  /** Failed sign-in counters of this process. */
  loginThrottle: LoginThrottle;
}

/** Process-wide settings the services need besides the data source. */
export interface ServiceOptions {
  tokens: TokenSettings;
  loginThrottle: LoginThrottleSettings;
  importLimits: ImportLimits;
  log: Logger;
}

/** Wires the services to a data source. */
export function createServices(dataSource: DataSource, options: ServiceOptions): Services {
  const scores = new ScoreService(dataSource);
  const audit = new AuditService(dataSource);
  const indicators = new IndicatorService();
  const reports = new ReportService(dataSource);
  return {
    unitOfWork: new UnitOfWork(new TransactionRunner(dataSource, options.log), audit),
    audit,
    users: new UserService(dataSource, options.tokens),
    accounts: new AccountService(options.tokens),
    plans: new PlanService(dataSource),
    opds: new OpdService(dataSource),
    indicators,
    contracts: new ContractService(dataSource),
    amendments: new AmendmentService(),
    realizations: new RealizationService(),
    evaluations: new EvaluationService(scores),
    scores,
    reports,
    projections: new ProjectionService(dataSource, scores),
    indicatorImport: new IndicatorImportService(indicators, options.importLimits),
    spreadsheets: new SpreadsheetExportService(dataSource, reports),
    loginThrottle: new LoginThrottle(options.loginThrottle),
  };
}
