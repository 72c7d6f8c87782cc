import ExcelJS from 'exceljs';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../src/config/config';
import { MAX_COLUMNS, SpreadsheetFileError } from '../../../src/exchange/file-limits';
import { readTable, SpreadsheetFormat } from '../../../src/exchange/spreadsheet';
import { buildZip, buildZipBomb } from '../../support/zip';

const LIMITS: ImportLimits = { maxUnpackedBytes: 1024 * 1024, maxRows: 3 };

async function read(content: Buffer, format: SpreadsheetFormat, limits = LIMITS) {
  return readTable(content, format, { sheetName: 'Indicators', limits, fileName: 'targets' });
}

async function readError(content: Buffer, format: SpreadsheetFormat, limits = LIMITS) {
  try {
    await read(content, format, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(SpreadsheetFileError);
    return error as SpreadsheetFileError;
  }
  throw new Error('the file was read without an error');
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Indicators');
  rows.forEach((cells, index) => {
    cells.forEach((value, column) => {
      if (value !== '') {
        sheet.getCell(index + 1, column + 1).value = value;
      }
    });
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csv(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

describe('unpacked size limit', () => {
  test('bomb rejected before parsing', async () => {
    const bomb = buildZipBomb(24_500_000);
    expect(bomb.length).toBeLessThan(72 * 1024);
    const error = await readError(bomb, SpreadsheetFormat.XLSX, DEFAULT_IMPORT_LIMITS);

    expect(error.message).toBe(
      `targets has ${bomb.length} bytes but unpacks to 24500008, more than the 4194304 that ` +
        'IMPORT_MAX_UNPACKED_BYTES allows: remove unused sheets, pictures and formatting, ' +
        'split the rows over several files, or send CSV',
    );
    expect(error.field).toBe('file');
    expect(error.detail).toContain('declared by 2 zip entries');
  });

  test('understated sizes rejected', async () => {
    const { zip } = buildZip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5_000_000, 'a'), declaredSize: 1000 },
    ]);
    const error = await readError(zip, SpreadsheetFormat.XLSX);
    expect(error.message).toContain('targets is not a readable .xlsx workbook');
    expect(error.detail).toBe(
      'invalid zip archive: entry xl/worksheets/sheet1.xml unpacks to more than the 1000 ' +
        'bytes it declares',
    );
  });

  test('small workbook read', async () => {
    const content = await workbook([
      ['mission', 'task'],
      [1, 'Imported task'],
    ]);
    const table = await read(content, SpreadsheetFormat.XLSX);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: [1, 'Imported task'] }]);
  });

  test('large CSV rejected', async () => {
    const content = csv(['mission,task', `1,${'x'.repeat(2000)}`]);
    const limits = { maxUnpackedBytes: 2000, maxRows: 3 };
    const error = await readError(content, SpreadsheetFormat.CSV, limits);
    expect(error.message).toBe(
      `targets has ${content.length} bytes, more than the 2000 that IMPORT_MAX_UNPACKED_BYTES ` +
        'allows: split the rows over several files',
    );
  });
});

describe('workbook structure', () => {
  test('ExcelJS failure keeps its cause', async () => {
    const { zip } = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('<<<>>>') }]);
    const error = await readError(zip, SpreadsheetFormat.XLSX);
    expect(error.message).toContain('targets is not a readable .xlsx workbook');
    expect(error.detail).toBe('ExcelJS failed to load it: 1:6: text data outside of root node.');
  });

  test('workbook without sheets rejected', async () => {
    const { zip } = buildZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }]);
    const error = await readError(zip, SpreadsheetFormat.XLSX);
    expect(error.message).toBe(
      'targets has no worksheet: add the Indicators sheet of the template',
    );
  });
});

describe('row limit', () => {
  const header = 'mission,task';

  test('rows at the limit read', async () => {
    const table = await read(csv([header, '1,a', '2,b', '', '3,c']), SpreadsheetFormat.CSV);
    expect(table.rows.map((row) => row.rowNumber)).toEqual([2, 3, 5]);
  });

  test('CSV over the limit rejected', async () => {
    const error = await readError(csv([header, '1,a', '2,b', '3,c', '4,d']), SpreadsheetFormat.CSV);
    expect(error.message).toBe(
      'targets has 4 data rows, more than the 3 that IMPORT_MAX_ROWS allows: split the rows ' +
        'over several files',
    );
  });

  test('xlsx over the limit rejected', async () => {
    const rows = [['mission'], [1], [2], [3], [4], [5]];
    const error = await readError(await workbook(rows), SpreadsheetFormat.XLSX);
    expect(error.message).toContain('targets has 5 data rows, more than the 3');
  });
});

describe('header width', () => {
  test('stray cell far right rejected', async () => {
    const wide = await workbook([
      ['mission', 'task'],
      [1, 'a'],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(wide as unknown as ArrayBuffer);
    (book.getWorksheet('Indicators') as ExcelJS.Worksheet).getCell('XFD1').value = 'note';
    const content = Buffer.from(await book.xlsx.writeBuffer());

    const error = await readError(content, SpreadsheetFormat.XLSX);
    expect(error.message).toBe(
      `targets has 16384 columns in its header row, more than the ${MAX_COLUMNS} an import ` +
        "reads: keep only the template's columns",
    );
  });

  test('trailing empty titles ignored', async () => {
    const content = csv(['mission,task,,,', '1,a,,,']);
    const table = await read(content, SpreadsheetFormat.CSV);
    expect(table.header).toEqual(['mission', 'task']);
    expect(table.rows[0].cells).toEqual(['1', 'a']);
  });

  test('gaps in the header kept', async () => {
    const table = await read(csv(['mission,,task', '1,x,a']), SpreadsheetFormat.CSV);
    expect(table.header).toEqual(['mission', '', 'task']);
    expect(table.rows[0].cells).toEqual(['1', 'x', 'a']);
  });

  test(`${MAX_COLUMNS} columns read`, async () => {
    const titles = Array.from({ length: MAX_COLUMNS }, (_, index) => `c${index}`);
    const table = await read(csv([titles.join(','), titles.join(',')]), SpreadsheetFormat.CSV);
    expect(table.header).toHaveLength(MAX_COLUMNS);
  });
});

describe('CSV encoding', () => {
  test('Latin-1 rejected with its line', async () => {
    const content = Buffer.from(
      'mission,task\r\n1,Pendidikan\r\n2,Kesehatan ibu & anak é\r\n',
      'latin1',
    );
    const error = await readError(content, SpreadsheetFormat.CSV);
    expect(error.message).toBe(
      'targets is not UTF-8 text (line 3 is the first with other bytes); save it as ' +
        '"CSV UTF-8 (Comma delimited)"',
    );
    expect(error.detail).toBe('invalid UTF-8 on line 3, which starts at byte 28');
  });

  test('last line without break found', async () => {
    const content = Buffer.concat([Buffer.from('mission,task\n1,'), Buffer.from([0xe9])]);
    const error = await readError(content, SpreadsheetFormat.CSV);
    expect(error.message).toContain('(line 2 is the first with other bytes)');
  });

  test('UTF-8 with byte order mark read', async () => {
    const content = Buffer.from('\uFEFFmission,task\r\n1,Kesehatan ibu & anak é\r\n', 'utf8');
    const table = await read(content, SpreadsheetFormat.CSV);
    expect(table.header).toEqual(['mission', 'task']);
    expect(table.rows[0].cells).toEqual(['1', 'Kesehatan ibu & anak é']);
  });
});
