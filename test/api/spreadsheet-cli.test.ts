import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Indicator } from '../../src/entities';
import { readSheets, toCsv } from '../support/spreadsheets';
import { freeLocalPort } from '../support/local-port';
import { createTestDatabase, type TestDatabase, testDriver } from '../support/test-database';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld } from '../support/world';
import { buildZipBomb } from '../support/zip';

const SCRIPT = path.resolve(__dirname, '..', '..', 'dist', 'scripts', 'spreadsheet.js');
const HINT = 'Run "npm run spreadsheet -- --help" for usage.';

let database: TestDatabase;
let server: TestServer;
let folder: string;
let header: string[];

/** Output and exit status of one run of the built command. */
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built command on the test database, with extra environment variables, and as user
 * `uid` when given.
 */
function spreadsheet(args: string[], env: Record<string, string> = {}, uid?: number): Promise<Run> {
  const location: Record<string, string> =
    database.config.type === 'sqlite'
      ? { SQLITE_PATH: database.config.path }
      : { DATABASE_URL: database.config.url };
  const child = spawn(process.execPath, [SCRIPT, ...args], {
    env: { PATH: process.env.PATH ?? '', ...location, ...env },
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => {
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function writeFile(name: string, content: Buffer | string): string {
  const file = path.join(folder, name);
  writeFileSync(file, content);
  return file;
}

const CELLS: Record<string, string | number> = {
  mission: 1,
  task: 'Imported from the command line',
  unit: '%',
  definition: 'Share of households served',
  data_source: 'Dinas A',
  polarity: 'MAXIMIZE',
  accumulation: 'LAST',
  baseline_year: 2018,
  baseline_value: 50,
  end_target: 60,
  target_2019: 52,
  target_2020: 54,
  target_2021: 56,
  target_2022: 58,
  target_2023: 60,
};

/** Returns a CSV file of `count` valid rows for OPD A, named CLI 0, CLI 1 and so on. */
function csvRows(count: number): string {
  const rows = Array.from({ length: count }, (_, index) =>
    header.map((column) => CELLS[column] ?? (column === 'indicator' ? `CLI ${index}` : null)),
  );
  return toCsv([header, ...rows]);
}

const IMPORT = ['import', '--plan', 'RPJMD-TEST', '--opd', 'OPD-A', '--user', 'a.staff'];

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer({}, database);
  await buildWorld(server);
  folder = mkdtempSync(path.join(tmpdir(), 'lk-cli-'));

  const written = await spreadsheet([
    'template',
    '--plan',
    'RPJMD-TEST',
    '--format',
    'csv',
    '--out',
    folder,
  ]);
  expect(written.status).toBe(0);
  const template = readFileSync(path.join(folder, 'indicator-template-RPJMD-TEST.csv'));
  const [sheet] = await readSheets(template, 'CSV');
  header = sheet.header;
});

afterAll(async () => {
  await server?.close();
  if (folder) {
    rmSync(folder, { recursive: true, force: true });
  }
});

describe('spreadsheet command arguments', () => {
  test('help printed with status 0', async () => {
    for (const flag of ['--help', '-h']) {
      const run = await spreadsheet([flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: npm run spreadsheet -- COMMAND \[options\] \[FILE\]\n/);
      expect(run.stdout).toContain('--quarter Q');
      expect(run.stderr).toBe('');
    }
  });

  test.each([
    [[], 'the command is missing: use one of template, import, export-indicators'],
    [['convert', '--plan', 'P'], '"convert" is not a command'],
    [['template'], '--plan is missing'],
    [['template', '--plan', 'P', '--bogus'], "Unknown option '--bogus'"],
    [['template', '--plan', 'P', '--format', 'ods'], '--format "ods" is invalid: use xlsx or csv'],
    [['template', '--plan', 'P', 'extra'], 'unexpected argument at position 4: template takes no'],
    [['export-missions', '--plan', 'P', '--year', '2019', '--quarter', '5'], '--quarter "5"'],
    [[...IMPORT], 'import takes exactly one file, but got 0'],
    [[...IMPORT, 'targets.xls'], 'targets.xls is neither .xlsx nor .csv'],
  ])('%j rejected with status 2', async (args, message) => {
    const run = await spreadsheet(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^spreadsheet: /);
    expect(lines[0]).toContain(message);
    expect(lines[1]).toBe(HINT);
  });

  test('missing file rejected without trace', async () => {
    const missing = path.join(folder, 'missing.xlsx');
    const run = await spreadsheet([...IMPORT, missing]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`spreadsheet: cannot read ${missing}: no such file\n${HINT}\n`);
  });

  test('unknown plan rejected', async () => {
    const run = await spreadsheet(['template', '--plan', 'NO-SUCH-PLAN', '--out', folder]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`spreadsheet: --plan NO-SUCH-PLAN: no plan has this code\n${HINT}\n`);
  });
});

describe('spreadsheet command import', () => {
  test('CSV imported', async () => {
    const file = writeFile('two-rows.csv', csvRows(2));
    const run = await spreadsheet([...IMPORT, file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Imported ${file} for OPD-A: 2 rows, 1 tasks and 2 indicators`);
    const names = (await server.app.dataSource.manager.find(Indicator)).map((row) => row.name);
    expect(names).toEqual(expect.arrayContaining(['CLI 0', 'CLI 1']));
  });

  test('row limit read from environment', async () => {
    const file = writeFile('three-rows.csv', csvRows(3));
    const run = await spreadsheet([...IMPORT, file], { IMPORT_MAX_ROWS: '2' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `${file} has 3 data rows, more than the 2 that IMPORT_MAX_ROWS allows`,
    );
    expect(run.stderr).toContain('Reason: 3 data rows exceed IMPORT_MAX_ROWS 2');
  });

  test('decompression bomb rejected', async () => {
    const file = writeFile('bomb.xlsx', buildZipBomb(24_500_000));
    const run = await spreadsheet([...IMPORT, file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'but unpacks to 24500008, more than the 4194304 that IMPORT_MAX_UNPACKED_BYTES allows',
    );
    expect(run.stderr).toContain(`${file} has `);
    expect(run.stderr).toContain('Reason: unpacked size 24500008 bytes declared by 2 zip entries');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  test('invalid limit setting rejected', async () => {
    const file = writeFile('one-row.csv', csvRows(1));
    const run = await spreadsheet([...IMPORT, file], { IMPORT_MAX_ROWS: 'many' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'Invalid configuration:\n- IMPORT_MAX_ROWS "many" is invalid: expected an integer from ' +
        '1 to 1000000\n',
    );
  });
});

/** Checks a run that failed with `status` and printed one line without a stack trace. */
function expectOneLine(run: Run, status: number, message: string): void {
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toEqual([`spreadsheet: ${message}`]);
}

const TEMPLATE = ['template', '--plan', 'RPJMD-TEST', '--format', 'xlsx'];
const TEMPLATE_FILE = 'indicator-template-RPJMD-TEST.xlsx';

describe('spreadsheet command output', () => {
  test('extra argument not echoed', async () => {
    const run = await spreadsheet(['export-evaluations', '--plan', 'P', 'MyPw12345678']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unexpected argument at position 4');
    expect(run.stderr).not.toContain('MyPw');
  });

  test('empty --out rejected', async () => {
    const run = await spreadsheet([...TEMPLATE, '--out', '']);
    expectOneLine(
      run,
      2,
      '--out is empty: name an existing folder, or leave out --out to write to the current ' +
        'folder',
    );
  });

  test('file as --out rejected', async () => {
    const file = writeFile('not-a-folder.txt', 'text');
    const run = await spreadsheet([...TEMPLATE, '--out', file]);
    expectOneLine(run, 2, `--out ${file} is not a folder: name the folder to write into`);
    expect(readFileSync(file, 'utf8')).toBe('text');
  });

  test('path under a file rejected', async () => {
    const file = writeFile('plain-file.txt', 'text');
    const out = path.join(file, 'exports');
    const run = await spreadsheet([...TEMPLATE, '--out', out]);
    expectOneLine(run, 2, `--out ${out}: a part of the path is a file, not a folder (ENOTDIR)`);
  });

  test('missing folder not created', async () => {
    const out = path.join(folder, 'no-such-folder', 'exports') + path.sep;
    const run = await spreadsheet([...TEMPLATE, '--out', out]);
    expectOneLine(run, 2, `--out ${out}: the folder does not exist; create it first`);
    expect(existsSync(path.join(folder, 'no-such-folder'))).toBe(false);
  });

  test('folder in place of file rejected', async () => {
    const out = path.join(folder, 'blocked');
    mkdirSync(path.join(out, TEMPLATE_FILE), { recursive: true });
    const run = await spreadsheet([...TEMPLATE, '--out', out]);
    expectOneLine(
      run,
      2,
      `cannot write ${path.join(out, TEMPLATE_FILE)}: it exists and is not a regular file; ` +
        'move it away or choose another --out folder',
    );
    expect(readdirSync(out)).toEqual([TEMPLATE_FILE]);
  });

  test('folder without write permission rejected', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lk-locked-'));
    chmodSync(out, 0o555);
    try {
      // root may write anywhere, so the command then runs as the user nobody (uid 65534).
      const uid = process.getuid?.() === 0 ? 65534 : undefined;
      const run = await spreadsheet([...TEMPLATE, '--out', out], {}, uid);
      expectOneLine(run, 2, `--out ${out}: permission denied (EACCES)`);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test('/proc rejected without hanging', async () => {
    const started = Date.now();
    const missing = await spreadsheet([...TEMPLATE, '--out', '/proc/x']);
    expectOneLine(missing, 2, '--out /proc/x: the folder does not exist; create it first');

    const special = await spreadsheet([...TEMPLATE, '--out', '/proc']);
    expect(special.status).toBe(2);
    expect(special.stderr).toMatch(/^spreadsheet: (--out \/proc|cannot write \/proc\/)/);
    expect(special.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('existing export replaced whole', async () => {
    const out = path.join(folder, 'replaced');
    mkdirSync(out);
    writeFileSync(path.join(out, TEMPLATE_FILE), 'old content');
    const run = await spreadsheet([...TEMPLATE, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const written = readFileSync(path.join(out, TEMPLATE_FILE));
    expect(written.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(out)).toEqual([TEMPLATE_FILE]);
  });
});

describe('spreadsheet command database', () => {
  test('unreachable database rejected', async () => {
    const port = await freeLocalPort();
    const run = await spreadsheet([...TEMPLATE, '--out', folder], {
      DATABASE_URL: `mysql://root@127.0.0.1:${port}/cli_unreachable`,
    });
    expectOneLine(
      run,
      78,
      `cannot open the database "cli_unreachable" at 127.0.0.1:${port}: connection refused; ` +
        'check the host and port, and that the server is running (ECONNREFUSED); check ' +
        'DATABASE_URL',
    );
  });

  const mysqlOnly = testDriver() === 'mysql' ? test : test.skip;

  mysqlOnly('unknown database rejected', async () => {
    const url = new URL(database.config.type === 'mysql' ? database.config.url : '');
    url.pathname = '/cli_no_such_database';
    const run = await spreadsheet([...TEMPLATE, '--out', folder], { DATABASE_URL: url.href });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain(`"cli_no_such_database" at ${url.hostname}:`);
    expect(run.stderr).toContain('the database does not exist on this server (ER_BAD_DB_ERROR)');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  const sqliteOnly = testDriver() === 'sqlite' ? test : test.skip;

  sqliteOnly('missing SQLite file not created', async () => {
    const missing = path.join(folder, 'missing.sqlite');
    const run = await spreadsheet([...TEMPLATE, '--out', folder], { SQLITE_PATH: missing });
    expectOneLine(
      run,
      78,
      `the SQLite file ${missing} does not exist: point SQLITE_PATH or DATABASE_URL at the ` +
        "server's database",
    );
    expect(existsSync(missing)).toBe(false);
  });
});
