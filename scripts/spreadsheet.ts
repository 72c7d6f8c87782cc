/**
 * Spreadsheet exchange from the command line, on the database the environment names (the
 * server's settings: DATABASE_URL, else SQLITE_PATH). Usage, after `npm run build`:
 *
 *   node dist/scripts/spreadsheet.js template --plan CODE [--format xlsx|csv] [--out DIR]
 *   node dist/scripts/spreadsheet.js import --plan CODE --opd CODE --user USERNAME FILE
 *   node dist/scripts/spreadsheet.js export-indicators --plan CODE --opd CODE [--format] [--out]
 *   node dist/scripts/spreadsheet.js export-evaluations --plan CODE --year YEAR [--format] [--out]
 *   node dist/scripts/spreadsheet.js export-missions --plan CODE --year YEAR [--quarter Q] ...
 *
 * The import takes .xlsx or .csv by the file's extension, shows a progress bar, and runs as
 * USERNAME with that user's rights, recorded in the audit trail like the importIndicators
 * mutation. It has no limit on the file's size, but IMPORT_MAX_UNPACKED_BYTES and
 * IMPORT_MAX_ROWS apply as on the server. docs/spreadsheet-import.md describes the template.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { type DataSource } from 'typeorm';
import { actorOf } from '../src/auth/actor';
import { loadConfig, loadDatabaseConfig, loadImportLimits } from '../src/config/config';
import { openDataSource } from '../src/database/data-source';
import { Opd, Plan, User } from '../src/entities';
import { AppError } from '../src/errors/app-errors';
import { createSilentLogger } from '../src/logging/logger';
import { SpreadsheetFileError } from '../src/exchange/file-limits';
import { SpreadsheetFormat, type SpreadsheetFile } from '../src/exchange/spreadsheet';
import { createServices, type Services } from '../src/services';
import { ImportRejectedError, type ImportProgress } from '../src/services/indicator-import.service';

const OPTIONS = {
  plan: { type: 'string' },
  opd: { type: 'string' },
  user: { type: 'string' },
  year: { type: 'string' },
  quarter: { type: 'string' },
  format: { type: 'string', default: 'xlsx' },
  out: { type: 'string', default: '.' },
} as const;

type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;

class UsageError extends Error {}

async function main(): Promise<void> {
  const parsed = parseArgs({ options: OPTIONS, allowPositionals: true });
  const [command, ...files] = parsed.positionals;
  const dataSource = await openDataSource(loadDatabaseConfig());
  try {
    // Tokens are never issued here; the services only need some key to be constructed.
    const defaults = loadConfig({ JWT_SECRET: randomBytes(32).toString('hex') });
    const services = createServices(dataSource, {
      tokens: { secret: defaults.jwtSecret, ttlSeconds: 60 },
      loginThrottle: defaults.loginThrottle,
      importLimits: loadImportLimits(),
      log: createSilentLogger(),
    });
    await run(command, files, parsed, dataSource, services);
  } finally {
    await dataSource.destroy();
  }
}

async function run(
  command: string | undefined,
  files: string[],
  parsed: Options,
  dataSource: DataSource,
  services: Services,
): Promise<void> {
  const values = parsed.values;
  const plan = await findByCode(dataSource, Plan, required(values.plan, '--plan'));
  const format = readFormat(values.format);
  switch (command ?? '') {
    case 'template':
      return save(await services.spreadsheets.indicatorTemplate(plan.id, format), values.out);
    case 'export-indicators': {
      const opd = await findByCode(dataSource, Opd, required(values.opd, '--opd'));
      return save(await services.spreadsheets.indicators(plan.id, opd.id, format), values.out);
    }
    case 'export-evaluations': {
      const year = readInteger(values.year, '--year');
      return save(await services.spreadsheets.evaluationResults(plan.id, year, format), values.out);
    }
    case 'export-missions': {
      const year = readInteger(values.year, '--year');
      const quarter =
        values.quarter === undefined ? null : readInteger(values.quarter, '--quarter');
      const exported = await services.spreadsheets.missionAttainment(
        plan.id,
        year,
        quarter,
        format,
      );
      return save(exported, values.out);
    }
    case 'import':
      return importFile(files, values, plan, dataSource, services);
    default:
      throw new UsageError(
        'Usage: spreadsheet (template|import|export-indicators|export-evaluations|' +
          'export-missions) --plan CODE ...; see the header of scripts/spreadsheet.ts',
      );
  }
}

async function importFile(
  files: string[],
  values: Options['values'],
  plan: Plan,
  dataSource: DataSource,
  services: Services,
): Promise<void> {
  if (files.length !== 1) {
    throw new UsageError('import needs exactly one file: import --plan CODE --opd CODE FILE');
  }
  const file = files[0];
  const format =
    path.extname(file).toLowerCase() === '.csv' ? SpreadsheetFormat.CSV : SpreadsheetFormat.XLSX;
  const opd = await findByCode(dataSource, Opd, required(values.opd, '--opd'));
  const username = required(values.user, '--user');
  const user = await dataSource.manager.findOne(User, { where: { username } });
  if (!user || user.disabled) {
    throw new UsageError(`--user ${username}: no active user has this username`);
  }

  const content = readFileSync(file);
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
          { planId: plan.id, opdId: opd.id, content, format, fileName: file },
          progress.update,
        ),
      (result) => ({ entity: result.opd }),
    );
    progress.stop();
    console.log(
      `Imported ${file} for ${opd.code}: ${summary.rows} rows, ${summary.tasksCreated} tasks ` +
        `and ${summary.indicatorsCreated} indicators created, ${summary.indicatorsUnchanged} ` +
        'rows unchanged.',
    );
  } catch (error) {
    progress.stop();
    if (error instanceof ImportRejectedError) {
      error.rowErrors.forEach((rowError) => console.error(rowError.message));
    }
    if (error instanceof SpreadsheetFileError) {
      console.error(`Reason: ${error.detail}`);
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
    throw new UsageError(`No ${entity.name} has code "${code}"`);
  }
  return found;
}

function save(files: SpreadsheetFile[], folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const file of files) {
    const target = path.join(folder, file.fileName);
    writeFileSync(target, file.content);
    console.log(`Wrote ${target} (${file.content.length} bytes)`);
  }
}

function required(value: string | undefined, option: string): string {
  if (!value) {
    throw new UsageError(`${option} is missing`);
  }
  return value;
}

function readInteger(value: string | undefined, option: string): number {
  const number = Number(required(value, option));
  if (!Number.isInteger(number)) {
    throw new UsageError(`${option} "${value}" is not a whole number`);
  }
  return number;
}

function readFormat(value: string | undefined): SpreadsheetFormat {
  const wanted = (value ?? 'xlsx').toUpperCase();
  const format = Object.values(SpreadsheetFormat).find((known) => (known as string) === wanted);
  if (!format) {
    throw new UsageError(`--format "${value}" is invalid: use xlsx or csv`);
  }
  return format;
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof AppError;
  console.error(known ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
