import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/config/config';
import {
  ExactDecimal,
  escapeCsvText,
  readTable,
  SpreadsheetFormat,
  unescapeCsvText,
  writeSpreadsheet,
} from '../../../src/exchange/spreadsheet';
import { splitCsvRecords } from '../../support/spreadsheets';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/","click")',
  '=1+1',
  '@SUM(A1:A2)',
  '+cmd',
  '-2+3',
  '\t=1',
  '\r=1',
  "'=already quoted",
  "''+twice",
];

describe('CSV formula escaping', () => {
  test.each(HOSTILE)('%j gets an apostrophe', (text) => {
    expect(escapeCsvText(text)).toBe(`'${text}`);
  });

  test.each(['plain', '', "'quoted text", '1=1', 'a+b', ' =1', '2019-01-02'])(
    '%j stays unchanged',
    (text) => {
      expect(escapeCsvText(text)).toBe(text);
    },
  );

  test('unescape undoes escape', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a') }),
        (text) => {
          expect(unescapeCsvText(escapeCsvText(text))).toBe(text);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(unescapeCsvText(escapeCsvText(text))).toBe(text);
      }),
    );
  });
});

describe('writeSpreadsheet', () => {
  const sheet = {
    name: 'Cells',
    header: ['text', 'number'],
    rows: [...HOSTILE.map((text) => [text, -5]), ['plain', -0.25]],
  };

  test('CSV escapes text, not numbers', async () => {
    const [file] = await writeSpreadsheet([sheet], SpreadsheetFormat.CSV, 'cells');
    const lines = file.content.toString('utf8').replace(/^\uFEFF/, '');
    expect(lines).toContain(`'=HYPERLINK(""http://evil.example/"",""click"")",-5`);
    expect(lines).toContain("'@SUM(A1:A2),-5");
    expect(lines).toContain("'+cmd,-5");
    expect(lines).toContain("''=already quoted,-5");
    expect(lines).toContain('plain,-0.25');
    expect(lines).not.toMatch(/(^|\n|,)[=+@]/);
  });

  test('CSV reads back the original text', async () => {
    const [file] = await writeSpreadsheet([sheet], SpreadsheetFormat.CSV, 'cells');
    const table = await readTable(file.content, SpreadsheetFormat.CSV, {
      sheetName: 'Cells',
      limits: DEFAULT_IMPORT_LIMITS,
    });
    expect(table.rows.map((row) => row.cells[0])).toEqual([...HOSTILE, 'plain']);
    expect(table.rows.map((row) => row.cells[1])).toEqual([...HOSTILE.map(() => '-5'), '-0.25']);
  });

  test('xlsx stores text cells as strings', async () => {
    const [file] = await writeSpreadsheet([sheet], SpreadsheetFormat.XLSX, 'cells');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const worksheet = workbook.getWorksheet('Cells') as ExcelJS.Worksheet;

    HOSTILE.forEach((text, index) => {
      const cell = worksheet.getCell(index + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML 1.0 (section 2.11) reads a lone carriage return as a line feed.
      expect(cell.value).toBe(text.replace(/\r/g, '\n'));
      expect(cell.formula).toBeUndefined();
    });
    expect(worksheet.getCell(2, 2).type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('writeSpreadsheet decimals and widths', () => {
  const LONG = '3999999999999996000000.00';
  const sheet = {
    name: 'Values',
    header: ['name', 'value', 'note', 'empty'],
    rows: [
      ['long', new ExactDecimal(LONG), null, null],
      ['negative', new ExactDecimal('-12345678901.2345'), 'a, b', null],
      ['tiny', new ExactDecimal('0.00000001'), null],
      [null, null, null, null],
    ],
  };

  async function csvRecords(): Promise<string[][]> {
    const [file] = await writeSpreadsheet([sheet], SpreadsheetFormat.CSV, 'values');
    return splitCsvRecords(file.content.toString('utf8').replace(/^\uFEFF/, ''));
  }

  test('CSV records as wide as header', async () => {
    const records = await csvRecords();
    expect(records).toHaveLength(5);
    for (const record of records) {
      expect(record).toHaveLength(4);
    }
    expect(records[4]).toEqual(['', '', '', '']);
  });

  test('CSV writes exact plain decimals', async () => {
    const records = await csvRecords();
    expect(records[1][1]).toBe('3999999999999996000000');
    expect(records[2][1]).toBe('-12345678901.2345');
    expect(records[2][2]).toBe('a, b');
    expect(records[3][1]).toBe('0.00000001');
  });

  test('CSV decimals read back exactly', async () => {
    const [file] = await writeSpreadsheet([sheet], SpreadsheetFormat.CSV, 'values');
    const table = await readTable(file.content, SpreadsheetFormat.CSV, {
      sheetName: 'Values',
      limits: DEFAULT_IMPORT_LIMITS,
    });
    expect(table.rows.map((row) => row.cells[1])).toEqual([
      '3999999999999996000000',
      '-12345678901.2345',
      '0.00000001',
    ]);
  });

  test('xlsx keeps long decimals as text', async () => {
    const [file] = await writeSpreadsheet([sheet], SpreadsheetFormat.XLSX, 'values');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const worksheet = workbook.getWorksheet('Values') as ExcelJS.Worksheet;

    const long = worksheet.getCell('B2');
    expect(long.type).toBe(ExcelJS.ValueType.String);
    expect(long.value).toBe('3999999999999996000000');

    const negative = worksheet.getCell('B3');
    expect(negative.type).toBe(ExcelJS.ValueType.Number);
    expect(negative.value).toBe(-12345678901.2345);

    const tiny = worksheet.getCell('B4');
    expect(tiny.type).toBe(ExcelJS.ValueType.Number);
    expect(tiny.value).toBe(0.00000001);
  });
});
