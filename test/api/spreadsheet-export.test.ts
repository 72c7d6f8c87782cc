import ExcelJS from 'exceljs';
import { ClauseScoreRecord, Evaluation, Mission, Opd } from '../../src/entities';
import { decodeId } from '../../src/schema/relay/global-id';
import { errorCodes } from '../support/graphql-client';
import {
  DECIDE,
  FINALIZE,
  SCORE,
  expectClean,
  signedContract,
  submitRealization,
  verifyAll,
} from '../support/operations';
import { readSheets, type SheetText, splitCsvRecords } from '../support/spreadsheets';
import { startTestServer, type TestServer } from '../support/test-server';
import { buildWorld, type World } from '../support/world';

const EVALUATION_EXPORT = `query ($planId: ID!, $year: Int!, $format: SpreadsheetFormat!) {
  evaluationExport(planId: $planId, year: $year, format: $format) {
    fileName mediaType byteLength contentBase64
  }
}`;
const MISSION_EXPORT = `query ($planId: ID!, $year: Int!, $quarter: Int, $format: SpreadsheetFormat!) {
  missionAttainmentExport(planId: $planId, year: $year, upToQuarter: $quarter, format: $format) {
    fileName contentBase64
  }
}`;
const INDICATOR_EXPORT = `query ($planId: ID!, $opdId: ID!, $format: SpreadsheetFormat!) {
  indicatorExport(planId: $planId, opdId: $opdId, format: $format) { fileName contentBase64 }
}`;
const MISSION_ATTAINMENT = `query ($planId: ID!, $year: Int!, $quarter: Int) {
  missionAttainment(planId: $planId, year: $year, upToQuarter: $quarter) {
    mission { number title } attainment rating opdsAssigned opdsSigned clauses
    clausesAchieved clausesMissingData
  }
}`;

let server: TestServer;
let world: World;
let finalEvaluation: Record<string, any>;
let draftEvaluation: Record<string, any>;

/** Fetches an export and reads every file back, sheets in file order. */
async function exportSheets(
  query: string,
  variables: Record<string, unknown>,
  format: 'XLSX' | 'CSV',
): Promise<{ files: Record<string, any>[]; sheets: SheetText[] }> {
  const response = await server.request(
    query,
    { ...variables, format },
    { token: world.tokens.analyst },
  );
  if (response.errors) {
    throw new Error(JSON.stringify(response.errors));
  }
  const files = Object.values(response.data ?? {})[0] as Record<string, any>[];
  const sheets: SheetText[] = [];
  for (const file of files) {
    sheets.push(...(await readSheets(Buffer.from(file.contentBase64, 'base64'), format)));
  }
  return { files, sheets };
}

/** Fetches an export and returns the content of each file by file name. */
async function exportFiles(
  query: string,
  variables: Record<string, unknown>,
  format: 'XLSX' | 'CSV',
): Promise<Map<string, Buffer>> {
  const { files } = await exportSheets(query, variables, format);
  return new Map(files.map((file) => [file.fileName, Buffer.from(file.contentBase64, 'base64')]));
}

/** Splits an exported CSV file into records of fields. */
function csvRecords(content: Buffer): string[][] {
  return splitCsvRecords(content.toString('utf8').replace(/^\uFEFF/, ''));
}

function column(sheet: SheetText, row: string[], name: string): string {
  return row[sheet.header.indexOf(name)];
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server);

  // OPD A: FINAL evaluation. SUM 90 of 100 (90), MINIMIZE DIFFERENCE 12 vs 10 (80): 86.00.
  const a = await signedContract(server, world, 'A', [
    { indicatorId: world.indicatorsA.maxSum, weight: '60', offeredTarget: { value: '100' } },
    { indicatorId: world.indicatorsA.minLast, weight: '40', offeredTarget: { value: '10' } },
  ]);
  await submitRealization(server, world.tokens.aStaff, a.clauseIds[0], 1, '40');
  await submitRealization(server, world.tokens.aStaff, a.clauseIds[0], 2, '50');
  await submitRealization(server, world.tokens.aStaff, a.clauseIds[1], 2, '12');
  await verifyAll(server, world.tokens.evaluator, a.contractId);
  const scoredA = expectClean(
    'scoreEvaluation',
    await server.request(
      SCORE,
      { input: { contractId: a.contractId } },
      { token: world.tokens.evaluator },
    ),
  );
  finalEvaluation = expectClean(
    'finalizeEvaluation',
    await server.request(
      FINALIZE,
      { input: { evaluationId: scoredA.evaluation.id } },
      { token: world.tokens.evaluator },
    ),
  ).evaluation;
  finalEvaluation.clauseScores = scoredA.evaluation.clauseScores;
  expectClean(
    'decideOutcome',
    await server.request(
      DECIDE,
      { input: { evaluationId: finalEvaluation.id, decision: 'PROMOTION', note: 'Exceptional' } },
      { token: world.tokens.mayor },
    ),
  );

  // OPD B: DRAFT evaluation without realisations.
  const b = await signedContract(server, world, 'B', [
    { indicatorId: world.indicatorB, weight: '100', offeredTarget: { value: '80' } },
  ]);
  draftEvaluation = expectClean(
    'scoreEvaluation',
    await server.request(
      SCORE,
      { input: { contractId: b.contractId } },
      { token: world.tokens.evaluator },
    ),
  ).evaluation;
});

afterAll(async () => {
  await server?.close();
});

describe('evaluationExport', () => {
  test('xlsx has contracts and clauses', async () => {
    const { files, sheets } = await exportSheets(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2019 },
      'XLSX',
    );
    expect(files).toHaveLength(1);
    expect(files[0].fileName).toBe('evaluation-RPJMD-TEST-2019.xlsx');
    expect(files[0].byteLength).toBe(Buffer.from(files[0].contentBase64, 'base64').length);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Contracts', 'Clauses']);
  });

  test('contract rows carry scores', async () => {
    const { sheets } = await exportSheets(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2019 },
      'XLSX',
    );
    const [contracts] = sheets;
    expect(contracts.rows.map((row) => row.slice(0, 9))).toEqual([
      ['OPD-A', 'Dinas A', '1', 'SIGNED', 'FINAL', '86', 'TINGGI', 'NONE', ''],
      [
        'OPD-B',
        'Kecamatan B',
        '1',
        'SIGNED',
        'DRAFT',
        '0',
        'SANGAT_RENDAH',
        'PUNISHMENT',
        'MUTATION',
      ],
    ]);
    expect(finalEvaluation.score).toBe('86.00');
    expect(draftEvaluation.outcome).toBe('PUNISHMENT');
    expect(column(contracts, contracts.rows[0], 'decision')).toBe('PROMOTION');
    expect(column(contracts, contracts.rows[0], 'decision_note')).toBe('Exceptional');
    expect(column(contracts, contracts.rows[1], 'decision')).toBe('');
    expect(column(contracts, contracts.rows[0], 'finalized_at')).toBe(finalEvaluation.finalizedAt);
    expect(column(contracts, contracts.rows[1], 'finalized_at')).toBe('');
  });

  test('clause rows carry formula inputs', async () => {
    const { sheets } = await exportSheets(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2019 },
      'XLSX',
    );
    const clauses = sheets[1];
    expect(clauses.rows).toHaveLength(3);
    const [sum, minimize, missing] = clauses.rows;
    const scores = finalEvaluation.clauseScores;

    expect(column(clauses, sum, 'indicator')).toBe('Patients served');
    expect(column(clauses, sum, 'mission')).toBe('1');
    expect(column(clauses, sum, 'accumulation')).toBe('SUM');
    // Number cells drop trailing zeros that the API's decimal strings may show ("90.00").
    expect(Number(column(clauses, sum, 'weight'))).toBe(Number(scores[0].weight));
    expect(Number(column(clauses, sum, 'target'))).toBe(Number(scores[0].target.value));
    expect(column(clauses, sum, 'realization')).toBe('90');
    expect(Number(column(clauses, sum, 'scored_attainment'))).toBe(
      Number(scores[0].scoredAttainment),
    );

    expect(column(clauses, minimize, 'polarity')).toBe('MINIMIZE');
    expect(column(clauses, minimize, 'minimize_formula')).toBe('DIFFERENCE');
    expect(column(clauses, minimize, 'raw_attainment')).toBe('80');
    expect(column(clauses, minimize, 'explanation')).toBe(scores[1].explanation);

    expect(column(clauses, missing, 'opd_code')).toBe('OPD-B');
    expect(column(clauses, missing, 'realization')).toBe('');
    expect(column(clauses, missing, 'flags')).toBe('MISSING_REALIZATION');
  });

  test('CSV files match the xlsx sheets', async () => {
    const variables = { planId: world.planId, year: 2019 };
    const xlsx = await exportSheets(EVALUATION_EXPORT, variables, 'XLSX');
    const csv = await exportSheets(EVALUATION_EXPORT, variables, 'CSV');
    expect(csv.files.map((file) => file.fileName)).toEqual([
      'evaluation-RPJMD-TEST-2019-contracts.csv',
      'evaluation-RPJMD-TEST-2019-clauses.csv',
    ]);
    expect(csv.files[0].mediaType).toBe('text/csv; charset=utf-8');
    expect(csv.sheets.map((sheet) => [sheet.header, sheet.rows])).toEqual(
      xlsx.sheets.map((sheet) => [sheet.header, sheet.rows]),
    );
  });

  test('year without contracts has headers only', async () => {
    const { sheets } = await exportSheets(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2021 },
      'CSV',
    );
    expect(sheets.map((sheet) => sheet.rows)).toEqual([[], []]);
    expect(sheets[0].header[0]).toBe('opd_code');
  });

  test('anonymous rejected', async () => {
    const response = await server.request(EVALUATION_EXPORT, {
      planId: world.planId,
      year: 2019,
      format: 'CSV',
    });
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('CSV record width', () => {
  test('evaluation records match header', async () => {
    const files = await exportFiles(EVALUATION_EXPORT, { planId: world.planId, year: 2019 }, 'CSV');
    expect(files.size).toBe(2);
    for (const [fileName, content] of files) {
      const [header, ...records] = csvRecords(content);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect({ fileName, fields: record.length }).toEqual({ fileName, fields: header.length });
      }
    }
  });

  test('indicator records match header', async () => {
    const files = await exportFiles(
      INDICATOR_EXPORT,
      { planId: world.planId, opdId: world.opdA },
      'CSV',
    );
    const [content] = files.values();
    const [header, ...records] = csvRecords(content);
    expect(header[header.length - 1]).toBe('upper_2023');
    expect(records.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(record).toHaveLength(header.length);
    }
  });
});

describe('decimals beyond 15 digits', () => {
  const LONG = '3999999999999996000000';
  let scoreId: number;
  let original: string | null;

  beforeAll(async () => {
    const manager = server.app.dataSource.manager;
    const evaluationId = decodeId(finalEvaluation.id, 'Evaluation', 'id');
    const [score] = await manager.find(ClauseScoreRecord, {
      where: { evaluationId },
      order: { clauseId: 'ASC' },
    });
    scoreId = score.id;
    original = score.rawAttainment;
    await manager.update(ClauseScoreRecord, scoreId, { rawAttainment: `${LONG}.00` });
  });

  afterAll(async () => {
    await server.app.dataSource.manager.update(ClauseScoreRecord, scoreId, {
      rawAttainment: original,
    });
  });

  test('CSV writes exact digits', async () => {
    const files = await exportFiles(EVALUATION_EXPORT, { planId: world.planId, year: 2019 }, 'CSV');
    const [header, first] = csvRecords(
      files.get('evaluation-RPJMD-TEST-2019-clauses.csv') as Buffer,
    );
    expect(first[header.indexOf('raw_attainment')]).toBe(LONG);
  });

  test('xlsx writes text cell', async () => {
    const files = await exportFiles(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2019 },
      'XLSX',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      files.get('evaluation-RPJMD-TEST-2019.xlsx') as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Clauses') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const cell = sheet.getCell(2, header.indexOf('raw_attainment') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(LONG);
    const weight = sheet.getCell(2, header.indexOf('weight') + 1);
    expect(weight.type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('missionAttainmentExport', () => {
  for (const quarter of [null, 2]) {
    test(`rows equal the report, quarter ${quarter ?? 'none'}`, async () => {
      const variables = { planId: world.planId, year: 2019, quarter };
      const report = await server.request(MISSION_ATTAINMENT, variables, {
        token: world.tokens.analyst,
      });
      const expected = report.data?.missionAttainment.map((entry: any) => [
        String(entry.mission.number),
        entry.mission.title,
        entry.attainment === null ? '' : String(Number(entry.attainment)),
        entry.rating ?? '',
        String(entry.opdsAssigned),
        String(entry.opdsSigned),
        String(entry.clauses),
        String(entry.clausesAchieved),
        String(entry.clausesMissingData),
      ]);

      for (const format of ['XLSX', 'CSV'] as const) {
        const { files, sheets } = await exportSheets(MISSION_EXPORT, variables, format);
        expect(files[0].fileName).toContain(quarter ? '2019-q2' : '2019');
        expect(sheets[0].rows).toEqual(expected);
      }
    });
  }
});

describe('CSV formula escaping', () => {
  const hostile = {
    opdName: '=HYPERLINK("http://evil.example/","click")',
    note: '+cmd',
    title: '@SUM(A1:A2)',
  };
  let original: { opdName: string; note: string | null; title: string };

  beforeAll(async () => {
    const manager = server.app.dataSource.manager;
    const opd = await manager.findOneByOrFail(Opd, { code: 'OPD-A' });
    const evaluation = await manager.findOneByOrFail(Evaluation, {
      id: decodeId(finalEvaluation.id, 'Evaluation', 'id'),
    });
    const mission = await manager.findOneByOrFail(Mission, { number: 1 });
    original = { opdName: opd.name, note: evaluation.decisionNote, title: mission.title };
    await manager.update(Opd, opd.id, { name: hostile.opdName });
    await manager.update(Evaluation, evaluation.id, { decisionNote: hostile.note });
    await manager.update(Mission, mission.id, { title: hostile.title });
  });

  afterAll(async () => {
    const manager = server.app.dataSource.manager;
    await manager.update(Opd, { code: 'OPD-A' }, { name: original.opdName });
    await manager.update(Evaluation, decodeId(finalEvaluation.id, 'Evaluation', 'id'), {
      decisionNote: original.note,
    });
    await manager.update(Mission, { number: 1 }, { title: original.title });
  });

  test('evaluation CSV escapes text cells', async () => {
    const { sheets } = await exportSheets(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2019 },
      'CSV',
    );
    const [contracts] = sheets;
    expect(column(contracts, contracts.rows[0], 'opd_name')).toBe(`'${hostile.opdName}`);
    expect(column(contracts, contracts.rows[0], 'decision_note')).toBe(`'${hostile.note}`);
    expect(column(contracts, contracts.rows[0], 'score')).toBe('86');
  });

  test('evaluation xlsx keeps text', async () => {
    const { sheets } = await exportSheets(
      EVALUATION_EXPORT,
      { planId: world.planId, year: 2019 },
      'XLSX',
    );
    const [contracts] = sheets;
    expect(column(contracts, contracts.rows[0], 'opd_name')).toBe(hostile.opdName);
    expect(column(contracts, contracts.rows[0], 'decision_note')).toBe(hostile.note);
  });

  test('mission CSV escapes titles', async () => {
    const { sheets } = await exportSheets(
      MISSION_EXPORT,
      { planId: world.planId, year: 2019, quarter: null },
      'CSV',
    );
    const [missions] = sheets;
    expect(column(missions, missions.rows[0], 'title')).toBe(`'${hostile.title}`);
    expect(column(missions, missions.rows[1], 'title')).toBe('Kota produktif');
  });
});
