import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** A sheet read back from a file: header and rows of cell text ('' for an empty cell). */
export interface SheetText {
  name: string;
  header: string[];
  rows: string[][];
}

/**
 * Reads every sheet of an .xlsx file, or the one table of a CSV file, with ExcelJS directly
 * (not the server's reader), turning each cell into text so that files of both formats compare.
 */
export async function readSheets(content: Buffer, format: 'XLSX' | 'CSV'): Promise<SheetText[]> {
  const workbook = new ExcelJS.Workbook();
  if (format === 'XLSX') {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } else {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    await workbook.csv.read(Readable.from([text]), { map: (value: string) => value });
  }
  return workbook.worksheets.map((sheet) => {
    const width = sheet.getRow(1).cellCount;
    const lines: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let column = 1; column <= width; column++) {
        cells.push(row.getCell(column).text);
      }
      lines.push(cells);
    });
    return { name: sheet.name, header: lines[0] ?? [], rows: lines.slice(1) };
  });
}

/** Formats rows as CSV, quoting cells that need it; `separator` may be ',' or ';'. */
export function toCsv(rows: (string | number | null)[][], separator = ','): string {
  const quote = (cell: string | number | null) => {
    const text = cell === null ? '' : String(cell);
    return /[",;\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(quote).join(separator)).join('\r\n') + '\r\n';
}

/** Builds an .xlsx file with one sheet of the given rows, the first being the header. */
export async function toXlsx(name: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet(name).addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Splits CSV text into records of fields by RFC 4180 quoting, keeping empty fields, so that
 * tests can count the fields of each record. Every record must end with CR LF.
 */
export function splitCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      fields.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      index++;
    } else {
      field += character;
    }
  }
  return records;
}
