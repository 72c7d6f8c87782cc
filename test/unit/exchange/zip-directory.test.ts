import ExcelJS from 'exceljs';
import {
  readZipDirectory,
  verifyEntrySizes,
  ZipFormatError,
} from '../../../src/exchange/zip-directory';
import { buildZip } from '../../support/zip';

const SHEET = Buffer.from('<sheetData>'.padEnd(5000, 'x'));
const CONTENT_TYPES = Buffer.from('<Types/>');

function twoEntries() {
  return buildZip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES, method: 0 },
    { name: 'xl/worksheets/sheet1.xml', data: SHEET },
  ]);
}

function expectZipError(zip: Buffer, message: string): void {
  let caught: unknown;
  try {
    verifyEntrySizes(zip, readZipDirectory(zip));
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ZipFormatError);
  expect((caught as Error).message).toContain(message);
}

describe('readZipDirectory', () => {
  test('lists entries and sums sizes', () => {
    const directory = readZipDirectory(twoEntries().zip);
    expect(directory.entries.map((entry) => [entry.name, entry.method])).toEqual([
      ['[Content_Types].xml', 0],
      ['xl/worksheets/sheet1.xml', 8],
    ]);
    expect(directory.entries[1].uncompressedSize).toBe(SHEET.length);
    expect(directory.entries[1].compressedSize).toBeLessThan(SHEET.length);
    expect(directory.totalUncompressedBytes).toBe(CONTENT_TYPES.length + SHEET.length);
  });

  test('reads ExcelJS workbooks', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Indicators').addRow(['mission', 'task']);
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    const directory = readZipDirectory(zip);

    expect(directory.entries.map((entry) => entry.name)).toContain('xl/worksheets/sheet1.xml');
    expect(directory.totalUncompressedBytes).toBeGreaterThan(zip.length);
    expect(() => verifyEntrySizes(zip, directory)).not.toThrow();
  });

  test('archive comment accepted', () => {
    const { zip } = buildZip([{ name: 'a.xml', data: SHEET }], 'made by a test');
    expect(readZipDirectory(zip).entries).toHaveLength(1);
  });

  test('empty archive has no entries', () => {
    expect(readZipDirectory(buildZip([]).zip)).toEqual({ entries: [], totalUncompressedBytes: 0 });
  });

  test('plain text rejected', () => {
    const csv = Buffer.from('mission,task,indicator\n1,Imported task,Literacy rate\n');
    expectZipError(csv, 'no end of central directory record');
    expectZipError(Buffer.from('short'), 'too few for a zip archive');
  });

  test('truncated archive rejected', () => {
    const { zip } = twoEntries();
    expectZipError(zip.subarray(0, zip.length - 1), 'no end of central directory record');
  });

  test('zip64 rejected', () => {
    const { zip, endOfDirectory } = twoEntries();
    const entryCount = Buffer.from(zip);
    entryCount.writeUInt16LE(0xffff, endOfDirectory + 10);
    expectZipError(entryCount, 'uses zip64');

    const { zip: first, directoryHeaders } = twoEntries();
    const entrySize = Buffer.from(first);
    entrySize.writeUInt32LE(0xffffffff, directoryHeaders[1] + 24);
    expectZipError(entrySize, 'entry xl/worksheets/sheet1.xml uses zip64');

    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    const withLocator = Buffer.concat([
      first.subarray(0, endOfDirectory),
      locator,
      first.subarray(endOfDirectory),
    ]);
    expectZipError(withLocator, 'uses zip64');
  });

  test('split archive rejected', () => {
    const { zip, endOfDirectory } = twoEntries();
    zip.writeUInt16LE(1, endOfDirectory + 4);
    expectZipError(zip, 'split over several files');
  });

  test('damaged directory rejected', () => {
    const badSignature = twoEntries();
    badSignature.zip.writeUInt32LE(0x12345678, badSignature.directoryHeaders[1]);
    expectZipError(badSignature.zip, 'central directory entry 2 is missing or damaged');

    const tooManyEntries = twoEntries();
    tooManyEntries.zip.writeUInt16LE(3, tooManyEntries.endOfDirectory + 8);
    tooManyEntries.zip.writeUInt16LE(3, tooManyEntries.endOfDirectory + 10);
    expectZipError(tooManyEntries.zip, 'central directory entry 3 is missing or damaged');

    const longName = twoEntries();
    longName.zip.writeUInt16LE(500, longName.directoryHeaders[1] + 28);
    expectZipError(longName.zip, 'central directory entry 2 runs past the directory');

    const spareBytes = twoEntries();
    spareBytes.zip.writeUInt16LE(1, spareBytes.endOfDirectory + 8);
    spareBytes.zip.writeUInt16LE(1, spareBytes.endOfDirectory + 10);
    expectZipError(spareBytes.zip, 'bytes after its 1 entries');

    const outside = twoEntries();
    outside.zip.writeUInt32LE(outside.endOfDirectory, outside.endOfDirectory + 16);
    expectZipError(outside.zip, 'overlaps the end record');
  });

  test('encrypted entry rejected', () => {
    const { zip, directoryHeaders } = twoEntries();
    zip.writeUInt16LE(1, directoryHeaders[0] + 8);
    expectZipError(zip, 'entry [Content_Types].xml is encrypted');
  });
});

describe('verifyEntrySizes', () => {
  test('understated size rejected', () => {
    const { zip } = buildZip([{ name: 'big.xml', data: SHEET, declaredSize: 100 }]);
    expect(readZipDirectory(zip).totalUncompressedBytes).toBe(100);
    expectZipError(zip, 'entry big.xml unpacks to more than the 100 bytes it declares');
  });

  test('overstated size rejected', () => {
    const { zip } = buildZip([{ name: 'big.xml', data: SHEET, declaredSize: SHEET.length + 1 }]);
    expectZipError(zip, `entry big.xml unpacks to ${SHEET.length} bytes but declares 5001`);
  });

  test('stored size mismatch rejected', () => {
    const { zip } = buildZip([{ name: 'a.xml', data: SHEET, method: 0, declaredSize: 10 }]);
    expectZipError(zip, 'declares 5000 bytes stored and 10 unpacked');
  });

  test('unknown method rejected', () => {
    const { zip, directoryHeaders } = twoEntries();
    zip.writeUInt16LE(12, directoryHeaders[1] + 10);
    expectZipError(zip, 'entry xl/worksheets/sheet1.xml uses compression method 12');
  });

  test('damaged data rejected', () => {
    const { zip, directoryHeaders } = buildZip([{ name: 'a.xml', data: SHEET }]);
    const dataStart = 30 + 'a.xml'.length;
    zip.fill(0xff, dataStart, dataStart + 4);
    expect(directoryHeaders).toHaveLength(1);
    expectZipError(zip, 'entry a.xml has damaged data');
  });

  test('missing local header rejected', () => {
    const { zip } = twoEntries();
    zip.writeUInt32LE(0, 0);
    expectZipError(zip, 'entry [Content_Types].xml has no local file header at offset 0');
  });
});
