import ExcelJS from 'exceljs';
import { Indicator, Opd, Task } from '../../src/entities';
import { OpdKind } from '../../src/entities/enums';
import { toGlobalId } from '../../src/schema/relay/global-id';
import { buildZipBomb } from '../support/zip';
import { errorCodes } from '../support/graphql-client';
import { readSheets, splitCsvRecords, toCsv, toXlsx } from '../support/spreadsheets';
import { startTestServer, type TestServer } from '../support/test-server';
import { MAX_LISTED_ROW_ERRORS } from '../../src/services/indicator-import.service';
import { TransactionRunner } from '../../src/services/transaction-runner';
import { buildWorld, type World } from '../support/world';

const IMPORT = `mutation ($input: ImportIndicatorsInput!) {
  importIndicators(input: $input) {
    summary { opd { code } rows tasksCreated indicatorsCreated indicatorsUnchanged }
    rowErrors { row column cell value message }
    rowErrorCount
    rowErrorsTruncated
    userErrors { field message code }
  }
}`;
const TEMPLATE = `query ($planId: ID!, $format: SpreadsheetFormat!) {
  indicatorTemplate(planId: $planId, format: $format) { fileName mediaType byteLength contentBase64 }
}`;
const EXPORT = `query ($planId: ID!, $opdId: ID!, $format: SpreadsheetFormat!) {
  indicatorExport(planId: $planId, opdId: $opdId, format: $format) { fileName contentBase64 }
}`;
const INDICATORS_OF_OPD = `query ($id: ID!) {
  node(id: $id) {
    ... on Opd {
      tasks { description mission { number } }
      indicators(first: 100) {
        edges { node { name polarity accumulation minimizeFormula baseline { year value }
          endTarget { value lower upper } targets { year target { value lower upper } } } }
      }
    }
  }
}`;

type Row = Record<string, string | number | null>;

let server: TestServer;
let world: World;
let header: string[];

/** Returns a valid row for OPD A, mission 1, with `changes` replacing or adding cells. */
function row(changes: Row = {}): Row {
  return {
    mission: 1,
    task: 'Imported task',
    indicator: 'School participation rate',
    unit: '%',
    definition: 'Pupils enrolled / children of school age x 100',
    data_source: 'Dapodik, Dinas Pendidikan',
    polarity: 'MAXIMIZE',
    accumulation: 'LAST',
    baseline_year: 2018,
    baseline_value: 90.5,
    end_target: 98,
    target_2019: 91,
    target_2020: 92.25,
    target_2021: 94,
    target_2022: 96,
    target_2023: 98,
    ...changes,
  };
}

function cells(rows: Row[]): (string | number | null)[][] {
  return [header, ...rows.map((entry) => header.map((column) => entry[column] ?? null))];
}

function csvFile(rows: Row[], separator = ','): string {
  return Buffer.from(toCsv(cells(rows), separator)).toString('base64');
}

async function importFile(
  contentBase64: string,
  token: string,
  format: 'CSV' | 'XLSX' = 'CSV',
  opdId = world.opdA,
) {
  return server.request(
    IMPORT,
    { input: { planId: world.planId, opdId, format, contentBase64 } },
    { token },
  );
}

async function countRows() {
  const manager = server.app.dataSource.manager;
  return { tasks: await manager.count(Task), indicators: await manager.count(Indicator) };
}

/** Creates an OPD assigned to both missions, for imports into an empty OPD. */
async function createEmptyOpd(code: string): Promise<string> {
  const id = await new TransactionRunner(server.app.dataSource).run(async (manager) => {
    const opd = await manager.save(
      manager.create(Opd, { code, name: `Dinas ${code}`, kind: OpdKind.DINAS, headName: 'Kepala' }),
    );
    await manager.query(
      'INSERT INTO mission_assignment (mission_id, opd_id) SELECT id, ? FROM mission',
      [opd.id],
    );
    return opd.id;
  });
  return toGlobalId('Opd', id);
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);
  const template = await server.request(
    TEMPLATE,
    { planId: world.planId, format: 'CSV' },
    { token: world.tokens.aStaff },
  );
  const file = Buffer.from(template.data?.indicatorTemplate[0].contentBase64, 'base64');
  header = (await readSheets(file, 'CSV'))[0].header;
});

afterAll(async () => {
  await server?.close();
});

describe('indicator template', () => {
  test('CSV header lists template columns', () => {
    expect(header.slice(0, 4)).toEqual(['mission', 'task', 'indicator', 'unit']);
    expect(header).toContain('minimize_formula');
    expect(header.slice(-3)).toEqual(['target_2023', 'lower_2023', 'upper_2023']);
    expect(header).toHaveLength(14 + 3 * 6);
  });

  test('xlsx has guide and missions', async () => {
    const response = await server.request(
      TEMPLATE,
      { planId: world.planId, format: 'XLSX' },
      { token: world.tokens.analyst },
    );
    const file = response.data?.indicatorTemplate[0];
    expect(file.fileName).toBe('indicator-template-RPJMD-TEST.xlsx');
    expect(file.mediaType).toContain('spreadsheetml');
    const sheets = await readSheets(Buffer.from(file.contentBase64, 'base64'), 'XLSX');
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Indicators', 'Guide', 'Missions']);
    expect(sheets[0].header).toEqual(header);
    expect(sheets[0].rows).toEqual([]);
    expect(sheets[1].rows.map((entry) => entry[0])).toContain('polarity');
    expect(sheets[2].rows).toEqual([
      ['1', 'Layanan dasar'],
      ['2', 'Kota produktif'],
    ]);
  });
});

describe('importIndicators', () => {
  test('good CSV imports every row', async () => {
    const opdId = await createEmptyOpd('OPD-CSV');
    const rows = [
      row(),
      row({ indicator: 'Dropout rate', polarity: 'MINIMIZE', minimize_formula: 'ratio' }),
      row({
        mission: 2,
        task: 'Price stability',
        indicator: 'Inflation',
        polarity: 'STABILIZE',
        accumulation: 'AVERAGE',
        end_target: null,
        end_lower: 2,
        end_upper: 4,
        ...Object.fromEntries(
          [2019, 2020, 2021, 2022, 2023].flatMap((year) => [
            [`target_${year}`, null],
            [`lower_${year}`, 2.5],
            [`upper_${year}`, 3.5],
          ]),
        ),
      }),
    ];
    const response = await importFile(csvFile(rows), world.tokens.admin, 'CSV', opdId);

    expect(response.errors).toBeUndefined();
    expect(response.data?.importIndicators).toEqual({
      summary: {
        opd: { code: 'OPD-CSV' },
        rows: 3,
        tasksCreated: 2,
        indicatorsCreated: 3,
        indicatorsUnchanged: 0,
      },
      rowErrors: [],
      rowErrorCount: 0,
      rowErrorsTruncated: false,
      userErrors: [],
    });

    const stored = await server.request(
      INDICATORS_OF_OPD,
      { id: opdId },
      { token: world.tokens.analyst },
    );
    const indicators = stored.data?.node.indicators.edges.map((edge: any) => edge.node);
    expect(stored.data?.node.tasks).toEqual([
      { description: 'Imported task', mission: { number: 1 } },
      { description: 'Price stability', mission: { number: 2 } },
    ]);
    expect(indicators[0]).toMatchObject({
      name: 'School participation rate',
      baseline: { year: 2018, value: '90.5' },
      endTarget: { value: '98', lower: null, upper: null },
    });
    expect(indicators[0].targets[1]).toEqual({
      year: 2020,
      target: { value: '92.25', lower: null, upper: null },
    });
    expect(indicators[1]).toMatchObject({ polarity: 'MINIMIZE', minimizeFormula: 'RATIO' });
    expect(indicators[2]).toMatchObject({
      polarity: 'STABILIZE',
      endTarget: { value: null, lower: '2', upper: '4' },
    });
    expect(indicators[2].targets[0].target).toEqual({ value: null, lower: '2.5', upper: '3.5' });
  });

  test('xlsx imports for own OPD', async () => {
    const content = await toXlsx('Indicators', cells([row({ indicator: 'Literacy rate' })]));
    const response = await importFile(content.toString('base64'), world.tokens.aStaff, 'XLSX');
    expect(response.data?.importIndicators.summary).toMatchObject({
      opd: { code: 'OPD-A' },
      tasksCreated: 1,
      indicatorsCreated: 1,
    });
  });

  test('semicolon CSV with byte order mark', async () => {
    const text = '\uFEFF' + toCsv(cells([row({ indicator: 'Semicolon row' })]), ';');
    const response = await importFile(Buffer.from(text).toString('base64'), world.tokens.aHead);
    expect(response.data?.importIndicators.userErrors).toEqual([]);
    expect(response.data?.importIndicators.summary.indicatorsCreated).toBe(1);
  });

  test('base64 with line breaks', async () => {
    const content = csvFile([row({ indicator: 'Wrapped base64', definition: 'x'.repeat(300) })]);
    expect(content.length).toBeGreaterThan(76 * 3);
    // The `base64` command writes lines of 76 characters.
    const lines = content.match(/.{1,76}/g) as string[];
    const response = await importFile(`${lines.join('\n')}\n`, world.tokens.aStaff);
    expect(response.errors).toBeUndefined();
    expect(response.data?.importIndicators.summary.indicatorsCreated).toBe(1);

    const crlf = await importFile(` ${lines.join('\r\n')} `, world.tokens.aStaff);
    expect(crlf.data?.importIndicators.summary.indicatorsUnchanged).toBe(1);
  });

  test('invalid base64 rejected', async () => {
    const response = await importFile('bWlzc2lvbg==%%', world.tokens.aStaff);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('contentBase64 must be base64 encoded');
  });

  test('other OPD forbidden', async () => {
    const response = await importFile(csvFile([row()]), world.tokens.bStaff);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
  });

  test('read-only roles forbidden', async () => {
    for (const token of [world.tokens.analyst, world.tokens.evaluator, world.tokens.mayor]) {
      const response = await importFile(csvFile([row()]), token);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    }
  });

  test('anonymous rejected', async () => {
    const response = await importFile(csvFile([row()]), '');
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('importIndicators errors', () => {
  test('every error listed with row and column', async () => {
    const before = await countRows();
    const rows = [
      row({ indicator: 'Good row that must not be stored' }),
      row({ indicator: 'Bad polarity', polarity: 'UP' }),
      row({ indicator: 'No data source', data_source: '' }),
      row({ indicator: 'Comma decimal', target_2020: '92,5' }),
      row({ indicator: 'Band on max', end_target: null, end_lower: 1, end_upper: 2 }),
      row({ indicator: 'Missing 2022', target_2022: null }),
      row({ indicator: 'Old baseline', baseline_year: 2000 }),
      row({ indicator: 'Formula on max', minimize_formula: 'DIFFERENCE' }),
      row({ indicator: 'Unknown mission', mission: 7 }),
      row({ indicator: 'Too many decimals', baseline_value: '1.23456' }),
      row({ indicator: 'Good row that must not be stored' }),
      row({
        indicator: 'Reversed band',
        polarity: 'STABILIZE',
        end_target: null,
        end_lower: 4,
        end_upper: 2,
        ...bands(1, 2),
      }),
    ];
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const payload = response.data?.importIndicators;

    expect(response.errors).toBeUndefined();
    expect(payload.summary).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        field: 'file',
        code: 'BAD_USER_INPUT',
        message:
          'The file has 12 error(s), so nothing was imported: correct every listed cell and ' +
          'import the whole file again',
      },
    ]);
    expect(payload.rowErrors.map((error: any) => [error.row, error.column])).toEqual([
      [3, 'polarity'],
      [4, 'data_source'],
      [5, 'target_2020'],
      [6, 'end_target'],
      [7, 'target_2022'],
      [8, 'baseline_year'],
      // A baseline in 2000 makes every plan year a year after the baseline.
      [8, 'target_2018'],
      [9, 'minimize_formula'],
      [10, 'mission'],
      [11, 'baseline_value'],
      [12, 'indicator'],
      [13, 'end_lower'],
    ]);
    expect(payload.rowErrors[11].message).toBe('M13 (end_lower) "4" must not exceed end_upper 2');
    expect(payload.rowErrorCount).toBe(12);
    expect(payload.rowErrorsTruncated).toBe(false);
    expect(await countRows()).toEqual(before);
  });

  test('messages name cell, value and rule', async () => {
    const rows = [
      row({ polarity: 'UP' }),
      row({ indicator: 'Comma', target_2020: '92,5' }),
      row({ indicator: 'Gap', target_2022: null, target_2023: null }),
    ];
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const errors = response.data?.importIndicators.rowErrors;
    expect(errors[0]).toEqual({
      row: 2,
      column: 'polarity',
      cell: 'G2',
      value: 'UP',
      message: 'G2 (polarity) "UP" is invalid: use MAXIMIZE, MINIMIZE, STABILIZE',
    });
    expect(errors[1].message).toBe(
      'U3 (target_2020) "92,5" is not a decimal number (use a point, not a comma, before decimals)',
    );
    expect(errors[2]).toMatchObject({ row: 4, column: 'target_2022', cell: 'AA4' });
    expect(errors[2].message).toBe(
      'AA4 (target_2022) the row has no target for 2022, 2023: every plan year after the ' +
        'baseline year needs one',
    );
  });

  test('text cells follow input rules', async () => {
    const before = await countRows();
    const rows = [
      row({ task: 'T\u0007ctl' }),
      row({ indicator: 'I ctl\u001b' }),
      row({ indicator: 'Null byte', definition: 'def\u0000' }),
      row({ indicator: '\u200b' }),
      row({ indicator: 'Delete', unit: '%\u007f' }),
      row({ indicator: 'Long unit', unit: 'x'.repeat(61) }),
      row({ indicator: 'Unit at limit', unit: 'x'.repeat(60) }),
    ];
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const errors = response.data?.importIndicators.rowErrors;

    expect(errors.map((error: any) => [error.row, error.column, error.value])).toEqual([
      [2, 'task', 'T\u0007ctl'],
      [3, 'indicator', 'I ctl\u001b'],
      [4, 'definition', 'def\u0000'],
      [5, 'indicator', '\u200b'],
      [6, 'unit', '%\u007f'],
      [7, 'unit', `${'x'.repeat(60)}...`],
    ]);
    const unstorable = 'contains a control character or a broken Unicode character';
    expect(errors[0].message).toBe(
      `B2 (task) "T\\u0007ctl" ${unstorable} (U+0007 at character 2), which cannot be ` +
        'stored; remove it',
    );
    expect(errors[1].message).toContain('"I ctl\\u001b"');
    expect(errors[1].message).toContain('(U+001B at character 6)');
    expect(errors[2].message).toContain('(U+0000 at character 4)');
    expect(errors[3].message).toBe(
      'C5 (indicator) "\\u200b" must contain text, not only spaces or invisible characters',
    );
    expect(errors[4].message).toContain('"%\\u007f"');
    expect(errors[4].message).toContain('(U+007F at character 2)');
    expect(errors[5].message).toContain('has 61 characters, more than the 60 allowed');
    expect(await countRows()).toEqual(before);
  });

  test('mission not assigned to OPD', async () => {
    const response = await importFile(
      csvFile([row({ mission: 1 })]),
      world.tokens.bStaff,
      'CSV',
      world.opdB,
    );
    const error = response.data?.importIndicators.rowErrors[0];
    expect(error).toMatchObject({ row: 2, column: 'mission', cell: 'A2' });
    expect(error.value).toBe('1');
    expect(error.message).toBe(
      'A2 (mission) "1" is a mission the OPD is not assigned to; ask the planning agency to ' +
        'assign it first',
    );
  });

  test('bad cells keep later checks', async () => {
    const rows = [
      row({ indicator: 'Old baseline, bad polarity', polarity: 'UP', baseline_year: 1999 }),
      row({ indicator: 'No unit, unknown mission', unit: '', mission: 9 }),
      row({ indicator: 'Comma and band', target_2020: '92,5', end_target: null, end_lower: 1 }),
      row({ indicator: 'Twice' }),
      row({ indicator: 'Twice', definition: '' }),
    ];
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const errors = response.data?.importIndicators.rowErrors;

    expect(errors.map((error: any) => [error.cell, error.value])).toEqual([
      ['G2', 'UP'],
      ['J2', '1999'],
      ['O2', null],
      ['A3', '9'],
      ['D3', null],
      ['L4', null],
      ['U4', '92,5'],
      ['C6', 'Twice'],
      ['E6', null],
    ]);
    expect(errors[1].message).toBe(
      'J2 (baseline_year) "1999" is invalid: it must lie from 2013 to 2022 for plan ' +
        'RPJMD-TEST (2018-2023)',
    );
    expect(errors[2].message).toBe(
      'O2 (target_2018) the row has no target for 2018: every plan year after the baseline ' +
        'year needs one',
    );
    expect(errors[3].message).toBe(
      'A3 (mission) "9" is not a mission of plan RPJMD-TEST; use 1, 2',
    );
    expect(errors[5].message).toBe(
      "L4 (end_target) the end target must give value only, because the indicator's polarity " +
        'is MAXIMIZE',
    );
    expect(errors[7].message).toBe(
      'C6 (indicator) "Twice" repeats the indicator of row 5 in the same mission and task',
    );
  });

  test('header problems reported on row 1', async () => {
    const broken = header.filter((column) => column !== 'unit').concat('remarks');
    const text = toCsv([broken, broken.map(() => 'x')]);
    const response = await importFile(Buffer.from(text).toString('base64'), world.tokens.aStaff);
    const errors = response.data?.importIndicators.rowErrors;
    expect(errors.map((error: any) => [error.row, error.column])).toEqual([
      [1, 'remarks'],
      [1, 'unit'],
    ]);
    expect(errors[0].message).toContain('is not a template column');
    expect(errors[1].message).toBe('row 1 (unit) is missing from the header row');
  });

  test('empty file rejected', async () => {
    const response = await importFile(csvFile([]), world.tokens.aStaff);
    expect(response.data?.importIndicators.rowErrors[0].message).toContain('no data rows');
  });

  test('stored indicator changed rejected', async () => {
    const original = row({ task: 'Stored task', indicator: 'Stored indicator' });
    const first = await importFile(csvFile([original]), world.tokens.aStaff);
    expect(first.data?.importIndicators.summary.indicatorsCreated).toBe(1);

    const again = await importFile(csvFile([original]), world.tokens.aStaff);
    expect(again.data?.importIndicators.summary).toMatchObject({
      indicatorsCreated: 0,
      indicatorsUnchanged: 1,
      tasksCreated: 0,
    });

    const changed = await importFile(
      csvFile([{ ...original, unit: 'persons', target_2021: 95 }]),
      world.tokens.aStaff,
    );
    const error = changed.data?.importIndicators.rowErrors[0];
    expect(error).toMatchObject({ row: 2, column: 'unit' });
    expect(error.message).toContain('in unit, target_2021; the import only adds indicators');
  });

  test('not a workbook rejected', async () => {
    const response = await importFile(
      Buffer.from('plain text').toString('base64'),
      world.tokens.aStaff,
      'XLSX',
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('not a readable .xlsx workbook');
    const logged = server.logs.filter((line) => line.msg === 'import file rejected');
    expect(logged.at(-1)?.reason).toBe(
      'invalid zip archive: the file has 10 bytes, too few for a zip archive',
    );
  });

  test('Latin-1 CSV gets one error', async () => {
    const text = toCsv(cells([row({ task: 'Pelayanan kesehatan ibu & anak', unit: 'café' })]));
    const response = await importFile(
      Buffer.from(text, 'latin1').toString('base64'),
      world.tokens.aStaff,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].message).toBe(
      'The file is not UTF-8 text (line 2 is the first with other bytes); save it as ' +
        '"CSV UTF-8 (Comma delimited)"',
    );
  });

  test('decompression bomb rejected and logged', async () => {
    const before = await countRows();
    const bomb = buildZipBomb(24_500_000);
    const response = await importFile(bomb.toString('base64'), world.tokens.aStaff, 'XLSX');

    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toBe(
      `The file has ${bomb.length} bytes but unpacks to 24500008, more than the 4194304 that ` +
        'IMPORT_MAX_UNPACKED_BYTES allows: remove unused sheets, pictures and formatting, ' +
        'split the rows over several files, or send CSV',
    );
    const logged = server.logs.filter((line) => line.msg === 'import file rejected');
    expect(logged.at(-1)).toMatchObject({
      level: 40,
      action: 'importIndicators',
      format: 'XLSX',
      byteLength: bomb.length,
      reason:
        'unpacked size 24500008 bytes declared by 2 zip entries exceeds ' +
        'IMPORT_MAX_UNPACKED_BYTES 4194304',
    });
    expect(await countRows()).toEqual(before);
  });

  test('file over the size limit rejected', async () => {
    const content = Buffer.alloc(72 * 1024 + 1, 'a').toString('base64');
    const response = await importFile(content, world.tokens.aStaff);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors?.[0].message).toContain('IMPORT_MAX_BYTES');
  });
});

describe('row error list cap', () => {
  test('first errors listed, all counted', async () => {
    const before = await countRows();
    const bad = Object.fromEntries(header.map((column) => [column, 'x']));
    const rows = Array.from({ length: 300 }, () => bad);
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const payload = response.data?.importIndicators;

    expect(response.errors).toBeUndefined();
    expect(payload.summary).toBeNull();
    expect(payload.rowErrors).toHaveLength(MAX_LISTED_ROW_ERRORS);
    expect(payload.rowErrorCount).toBeGreaterThan(MAX_LISTED_ROW_ERRORS);
    expect(payload.rowErrorsTruncated).toBe(true);
    expect(payload.userErrors[0].message).toContain(
      `The file has ${payload.rowErrorCount} error(s)`,
    );
    expect(JSON.stringify(response).length).toBeLessThan(100_000);
    expect(await countRows()).toEqual(before);
  });

  test('listed errors in row and column order', async () => {
    const bad = Object.fromEntries(header.map((column) => [column, 'x']));
    const rows = Array.from({ length: 300 }, () => bad);
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const listed: { row: number; cell: string }[] = response.data?.importIndicators.rowErrors;

    expect(listed[0].row).toBe(2);
    expect(listed[0].cell).toBe('A2');
    for (let index = 1; index < listed.length; index++) {
      expect(listed[index].row).toBeGreaterThanOrEqual(listed[index - 1].row);
    }
    expect(listed[listed.length - 1].row).toBeLessThan(300);
  });

  test('cap not reported below the limit', async () => {
    const rows = Array.from({ length: 3 }, (_, index) =>
      row({ indicator: `Bad polarity ${index}`, polarity: 'UP' }),
    );
    const response = await importFile(csvFile(rows), world.tokens.aStaff);
    const payload = response.data?.importIndicators;
    expect(payload.rowErrors).toHaveLength(3);
    expect(payload.rowErrorCount).toBe(3);
    expect(payload.rowErrorsTruncated).toBe(false);
  });

  test('successful import reports no errors', async () => {
    const opdId = await createEmptyOpd('OPD-CAP-GOOD');
    const response = await importFile(csvFile([row()]), world.tokens.admin, 'CSV', opdId);
    const payload = response.data?.importIndicators;
    expect(payload.summary.indicatorsCreated).toBe(1);
    expect(payload.rowErrors).toEqual([]);
    expect(payload.rowErrorCount).toBe(0);
    expect(payload.rowErrorsTruncated).toBe(false);
  });
});

describe('indicator export round trip', () => {
  for (const format of ['XLSX', 'CSV'] as const) {
    test(`${format} export imports unchanged`, async () => {
      const exported = await exportIndicators(world.opdA, format);
      const copyId = await createEmptyOpd(`OPD-COPY-${format}`);

      const imported = await importFile(exported.contentBase64, world.tokens.admin, format, copyId);
      const summary = imported.data?.importIndicators.summary;
      expect(imported.data?.importIndicators.rowErrors).toEqual([]);
      expect(summary.indicatorsCreated).toBe(summary.rows);
      expect(summary.rows).toBeGreaterThanOrEqual(4);

      const copy = await exportIndicators(copyId, format);
      const original = await readSheets(Buffer.from(exported.contentBase64, 'base64'), format);
      const copied = await readSheets(Buffer.from(copy.contentBase64, 'base64'), format);
      expect(copied[0].header).toEqual(original[0].header);
      expect(copied[0].rows).toEqual(original[0].rows);
    });
  }

  test('formula-like text survives CSV', async () => {
    const texts = {
      task: '=HYPERLINK("http://evil.example/","click")',
      indicator: '=1+1',
      unit: '+cmd',
      definition: '@SUM(A1:A2)',
      data_source: "'-already quoted",
    };
    const sourceId = await createEmptyOpd('OPD-FORMULA');
    const source = await toXlsx('Indicators', cells([row(texts)]));
    const first = await importFile(source.toString('base64'), world.tokens.admin, 'XLSX', sourceId);
    expect(first.data?.importIndicators.rowErrors).toEqual([]);

    const exported = await exportIndicators(sourceId, 'CSV');
    const [sheet] = await readSheets(Buffer.from(exported.contentBase64, 'base64'), 'CSV');
    const cell = (name: string) => sheet.rows[0][sheet.header.indexOf(name)];
    for (const [column, text] of Object.entries(texts)) {
      expect(cell(column)).toBe(`'${text}`);
    }
    expect(cell('baseline_value')).toBe('90.5');

    const copyId = await createEmptyOpd('OPD-FORMULA-COPY');
    const copied = await importFile(exported.contentBase64, world.tokens.admin, 'CSV', copyId);
    expect(copied.data?.importIndicators.rowErrors).toEqual([]);
    expect(copied.data?.importIndicators.summary.indicatorsCreated).toBe(1);
    const stored = await server.request(
      INDICATORS_OF_OPD,
      { id: copyId },
      { token: world.tokens.analyst },
    );
    expect(stored.data?.node.tasks).toEqual([{ description: texts.task, mission: { number: 1 } }]);
    expect(stored.data?.node.indicators.edges[0].node.name).toBe(texts.indicator);

    const again = await importFile(exported.contentBase64, world.tokens.admin, 'CSV', copyId);
    expect(again.data?.importIndicators.summary.indicatorsUnchanged).toBe(1);
  });

  test('negative and 15-digit decimals survive', async () => {
    const decimals = {
      baseline_value: '-12345678901.2345',
      end_target: '99999999999.9999',
      target_2020: '123456789012345',
    };
    const sourceId = await createEmptyOpd('OPD-DECIMALS');
    const source = await toXlsx('Indicators', cells([row(decimals)]));
    const first = await importFile(source.toString('base64'), world.tokens.admin, 'XLSX', sourceId);
    expect(first.data?.importIndicators.rowErrors).toEqual([]);

    for (const format of ['CSV', 'XLSX'] as const) {
      const exported = await exportIndicators(sourceId, format);
      const content = Buffer.from(exported.contentBase64, 'base64');
      if (format === 'CSV') {
        const [fileHeader, record] = splitCsvRecords(content.toString('utf8').slice(1));
        for (const [column, value] of Object.entries(decimals)) {
          expect(record[fileHeader.indexOf(column)]).toBe(value);
        }
      }
      const again = await importFile(exported.contentBase64, world.tokens.admin, format, sourceId);
      expect(again.data?.importIndicators.rowErrors).toEqual([]);
      expect(again.data?.importIndicators.summary.indicatorsUnchanged).toBe(1);
    }
  });

  test('xlsx export keeps text cells', async () => {
    const sourceId = await createEmptyOpd('OPD-FORMULA-XLSX');
    const text = '=HYPERLINK("http://evil.example/","click")';
    const source = await toXlsx('Indicators', cells([row({ indicator: text })]));
    await importFile(source.toString('base64'), world.tokens.admin, 'XLSX', sourceId);

    const exported = await exportIndicators(sourceId, 'XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(exported.contentBase64, 'base64') as unknown as ArrayBuffer,
    );
    const indicator = workbook.getWorksheet('Indicators')?.getCell('C2') as ExcelJS.Cell;
    expect(indicator.type).toBe(ExcelJS.ValueType.String);
    expect(indicator.value).toBe(text);
    expect(indicator.formula).toBeUndefined();
  });

  test('export into same OPD changes nothing', async () => {
    const exported = await exportIndicators(world.opdA, 'XLSX');
    const before = await countRows();
    const response = await importFile(exported.contentBase64, world.tokens.aStaff, 'XLSX');
    const summary = response.data?.importIndicators.summary;
    expect(summary.indicatorsCreated).toBe(0);
    expect(summary.tasksCreated).toBe(0);
    expect(summary.indicatorsUnchanged).toBe(summary.rows);
    expect(await countRows()).toEqual(before);
  });

  test('export keeps world indicators', async () => {
    const exported = await exportIndicators(world.opdA, 'CSV');
    const [sheet] = await readSheets(Buffer.from(exported.contentBase64, 'base64'), 'CSV');
    const inflation = sheet.rows.find((cells) => cells[2] === 'Inflation') as string[];
    const column = (name: string) => inflation[sheet.header.indexOf(name)];
    expect(column('polarity')).toBe('STABILIZE');
    expect(column('end_lower')).toBe('2');
    expect(column('upper_2021')).toBe('4');
    expect(column('target_2021')).toBe('');
  });
});

async function exportIndicators(opdId: string, format: 'XLSX' | 'CSV') {
  const response = await server.request(
    EXPORT,
    { planId: world.planId, opdId, format },
    { token: world.tokens.analyst },
  );
  if (response.errors) {
    throw new Error(JSON.stringify(response.errors));
  }
  return response.data?.indicatorExport[0] as { fileName: string; contentBase64: string };
}

function bands(lower: number, upper: number): Row {
  return Object.fromEntries(
    [2019, 2020, 2021, 2022, 2023].flatMap((year) => [
      [`target_${year}`, null],
      [`lower_${year}`, lower],
      [`upper_${year}`, upper],
    ]),
  );
}
