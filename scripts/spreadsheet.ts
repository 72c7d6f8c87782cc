/**
 * Spreadsheet exchange from the command line, on the database the environment names (the
 * server's settings: DATABASE_URL, else SQLITE_PATH). `npm run spreadsheet -- --help` prints
 * the commands and options (USAGE in scripts/spreadsheet-arguments.ts).
 *
 * The import takes .xlsx or .csv by the file's extension, shows a progress bar, and runs as
 * USERNAME with that user's rights, recorded in the audit trail like the importIndicators
 * mutation. IMPORT_MAX_BYTES does not bound it, but IMPORT_MAX_UNPACKED_BYTES and
 * IMPORT_MAX_ROWS apply as on the server. docs/spreadsheet-import.md describes the template.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { SingleBar } from 'cli-progress';
import { type DataSource } from 'typeorm';
import { actorOf } from '../src/auth/actor';
import { ConfigError, loadConfig, loadImportLimits } from '../src/config/config';
import { Opd, Plan, User } from '../src/entities';
import { AppError } from '../src/errors/app-errors';
import { createSilentLogger } from '../src/logging/logger';
import { SpreadsheetFileError } from '../src/exchange/file-limits';
import { type SpreadsheetFile } from '../src/exchange/spreadsheet';
import { createServices, type Services } from '../src/services';
import { ImportRejectedError, type ImportProgress } from '../src/services/indicator-import.service';
import {
  DatabaseOpenError,
  loadCommandDatabaseConfig,
  openCommandDatabase,
} from './command-database';
import {
  type ImportFile,
  type Invocation,
  parseCommandLine,
  USAGE,
  USAGE_HINT,
  UsageError,
} from './spreadsheet-arguments';
import { OutputFileError, writeOutputFiles } from './spreadsheet-output';

/** Runs the command line; arguments and settings are checked before the database is opened. */
async function main(args: string[]): Promise<void> {
  const invocation = parseCommandLine(args);
  if (invocation === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const importLimits = loadImportLimits();
  const dataSource = await openCommandDatabase(loadCommandDatabaseConfig(), { requireFile: true });
  try {
    // Tokens are never issued here; the services only need some key to be constructed.
    const defaults = loadConfig({ JWT_SECRET: randomBytes(32).toString('hex') });
    const services = createServices(dataSource, {
      tokens: { secret: defaults.jwtSecret, ttlSeconds: 60 },
      loginThrottle: defaults.loginThrottle,
      importLimits,
      log: createSilentLogger(),
    });
    await run(invocation, dataSource, services);
  } finally {
    await dataSource.destroy();
  }
}

async function run(
  invocation: Invocation,
  dataSource: DataSource,
  services: Services,
): Promise<void> {
  const { format, out } = invocation;
  const plan = await findByCode(dataSource, Plan, invocation.planCode);
  const findOpd = () => findByCode(dataSource, Opd, invocation.opdCode as string);
  const year = invocation.year as number;
  switch (invocation.command) {
    case 'template':
      return save(await services.spreadsheets.indicatorTemplate(plan.id, format), out);
    case 'export-indicators': {
      const opd = await findOpd();
      return save(await services.spreadsheets.indicators(plan.id, opd.id, format), out);
    }
    case 'export-evaluations':
      return save(await services.spreadsheets.evaluationResults(plan.id, year, format), out);
    case 'export-missions': {
      const quarter = invocation.quarter ?? null;
      return save(
        await services.spreadsheets.missionAttainment(plan.id, year, quarter, format),
        out,
      );
    }
    case 'import': {
      const opd = await findOpd();
      const file = invocation.file as ImportFile;
      return importFile(file, invocation.username as string, plan, opd, dataSource, services);
    }
  }
}

async function importFile(
  file: ImportFile,
  username: string,
  plan: Plan,
  opd: Opd,
  dataSource: DataSource,
  services: Services,
): Promise<void> {
  const user = await dataSource.manager.findOne(User, { where: { username } });
  if (!user || user.disabled) {
    throw new UsageError(`--user ${username}: no active user has this username`);
  }

  const { content, format } = file;
  const progress = createProgressBar();
  try {
    const summary = await services.unitOfWork.run(
      actorOf(user),
      'importIndicators',
      { planId: plan.id, opdId: opd.id, format, byteLength: content.length },
      (manager) =>
        services.indicatorImport.importIndicators(
          manager,
          actorOf(user),
          { planId: plan.id, opdId: opd.id, content, format, fileName: file.path },
          progress.update,
        ),
      (result) => ({ entity: result.opd }),
    );
    progress.stop();
    console.log(
      `Imported ${file.path} for ${opd.code}: ${summary.rows} rows, ${summary.tasksCreated} ` +
        `tasks and ${summary.indicatorsCreated} indicators created, ` +
        `${summary.indicatorsUnchanged} rows unchanged.`,
    );
  } catch (error) {
    progress.stop();
    if (error instanceof ImportRejectedError) {
      error.rowErrors.forEach((rowError) => console.error(rowError.message));
      if (error.rowErrorsTruncated) {
        console.error(`... and ${error.rowErrorCount - error.rowErrors.length} more errors`);
      }
    }
    throw error;
  }
}

/** Creates a progress bar on standard error, one phase at a time; off a terminal, a line every 2 s. */
function createProgressBar() {
  const bar = new SingleBar({
    format: '{phase} [{bar}] {value}/{total} rows',
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
    hideCursor: true,
  });
  let phase: ImportProgress['phase'] | null = null;
  return {
    update: (progress: ImportProgress) => {
      if (progress.phase !== phase) {
        bar.stop();
        phase = progress.phase;
        bar.start(progress.total, 0, { phase: phase === 'validate' ? 'checking' : 'writing ' });
      }
      bar.update(progress.done);
    },
    stop: () => bar.stop(),
  };
}

async function findByCode<T extends Plan | Opd>(
  dataSource: DataSource,
  entity: new () => T,
  code: string,
): Promise<T> {
  const found = await dataSource.manager.findOne(entity, { where: { code } as never });
  if (!found) {
    const [option, noun] = entity === (Plan as unknown) ? ['--plan', 'plan'] : ['--opd', 'OPD'];
    throw new UsageError(`${option} ${code}: no ${noun} has this code`);
  }
  return found;
}

function save(files: SpreadsheetFile[], folder: string): void {
  const targets = writeOutputFiles(files, folder);
  files.forEach((file, index) => {
    console.log(`Wrote ${targets[index]} (${file.content.length} bytes)`);
  });
}

/**
 * Prints a failure without a stack trace when it is expected, and returns the exit status:
 * 2 for invalid arguments, settings and output paths, 78 for database settings or a database
 * that cannot be opened, 1 for everything else.
 */
function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`spreadsheet: ${error.message}`);
    console.error(USAGE_HINT);
    return 2;
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    return 2;
  }
  if (error instanceof OutputFileError) {
    console.error(`spreadsheet: ${error.message}`);
    return error.exitStatus;
  }
  if (error instanceof DatabaseOpenError) {
    console.error(`spreadsheet: ${error.message}`);
    return 78;
  }
  if (error instanceof SpreadsheetFileError) {
    console.error(error.message);
    console.error(`Reason: ${error.detail}`);
    return 1;
  }
  if (error instanceof AppError) {
    console.error(error.message);
    return 1;
  }
  // Anything else is a bug or an outage, and its stack trace helps to find it.
  console.error(error);
  return 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.exit(reportFailure(error));
});
