/**
 * Reads the central directory of a zip archive (an .xlsx workbook is one) without unpacking
 * it, so that the import can reject a workbook that unpacks to more than it allows before a
 * zip library inflates it. Follows the .ZIP File Format Specification (PKWARE APPNOTE 6.3),
 * sections 4.3.7 (local file header), 4.3.12 (central directory header) and 4.3.16 (end of
 * central directory record). Archives split over several files are rejected, and so are zip64
 * archives, because a workbook within the import limits never needs 64-bit sizes.
 * NOTE: this also rejects a writer that adds zip64 records to a small archive.
 */
import { inflateRawSync } from 'node:zlib';

/** One file of the archive as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** Compression method: 0 is stored, 8 is deflate. */
  method: number;
  compressedSize: number;
  /** Size after unpacking as the directory declares it; verifyEntrySizes checks it. */
  uncompressedSize: number;
  /** Offset of the entry's local file header from the start of the archive. */
  localHeaderOffset: number;
}

/** The entries of an archive and the sum of their declared unpacked sizes, in bytes. */
export interface ZipDirectory {
  entries: ZipEntry[];
  totalUncompressedBytes: number;
}

/** An archive whose structure is invalid or uses a feature the import does not accept. */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const END_OF_DIRECTORY_SIGNATURE = 0x06054b50;
const END_OF_DIRECTORY_SIZE = 22;
const MAX_COMMENT_LENGTH = 0xffff;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const DIRECTORY_HEADER_SIGNATURE = 0x02014b50;
const DIRECTORY_HEADER_SIZE = 46;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
/** A 16-bit or 32-bit field with every bit set means that the zip64 record contains the value. */
const ZIP64_MARK_16 = 0xffff;
const ZIP64_MARK_32 = 0xffffffff;
const ENCRYPTED_FLAG = 0x0001;
const STORED = 0;
const DEFLATED = 8;

/**
 * Finds the end of central directory record and walks every central directory header. Throws
 * ZipFormatError when the archive is malformed, uses zip64 or spans several disks.
 */
export function readZipDirectory(zip: Buffer): ZipDirectory {
  const end = findEndOfDirectory(zip);
  if (
    end >= ZIP64_LOCATOR_SIZE &&
    zip.readUInt32LE(end - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR_SIGNATURE
  ) {
    throw new ZipFormatError('the archive uses zip64, which the import does not accept');
  }
  const disk = zip.readUInt16LE(end + 4);
  const directoryDisk = zip.readUInt16LE(end + 6);
  const entriesOnDisk = zip.readUInt16LE(end + 8);
  const entryCount = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  const directoryOffset = zip.readUInt32LE(end + 16);
  if (
    entryCount === ZIP64_MARK_16 ||
    directorySize === ZIP64_MARK_32 ||
    directoryOffset === ZIP64_MARK_32
  ) {
    throw new ZipFormatError('the archive uses zip64, which the import does not accept');
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) {
    throw new ZipFormatError('the archive is split over several files');
  }
  const directoryEnd = directoryOffset + directorySize;
  if (directoryEnd > end) {
    throw new ZipFormatError(
      `the central directory (offset ${directoryOffset}, ${directorySize} bytes) overlaps ` +
        `the end record at offset ${end}`,
    );
  }

  const entries: ZipEntry[] = [];
  let position = directoryOffset;
  for (let index = 0; index < entryCount; index++) {
    const entry = readDirectoryHeader(zip, position, directoryEnd, index);
    entries.push(entry.entry);
    position = entry.next;
  }
  if (position !== directoryEnd) {
    throw new ZipFormatError(
      `the central directory has ${directoryEnd - position} bytes after its ${entryCount} ` +
        'entries',
    );
  }
  const totalUncompressedBytes = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  return { entries, totalUncompressedBytes };
}

/**
 * Checks that every entry unpacks to exactly its declared size, inflating each one with
 * Node's zlib at most one byte past that size. JSZip 3.10, which ExcelJS uses, compares an
 * entry's real size with the declared one only after inflating all of it, so an archive that
 * understates its sizes would pass readZipDirectory and still unpack to any size. Costs one
 * inflation bounded by the declared total. Throws ZipFormatError naming the first entry that
 * does not match.
 */
export function verifyEntrySizes(zip: Buffer, directory: ZipDirectory): void {
  for (const entry of directory.entries) {
    const data = entryData(zip, entry);
    if (entry.method === STORED) {
      if (entry.compressedSize !== entry.uncompressedSize) {
        throw new ZipFormatError(
          `entry ${entry.name} is stored uncompressed but declares ${entry.compressedSize} ` +
            `bytes stored and ${entry.uncompressedSize} unpacked`,
        );
      }
      continue;
    }
    if (entry.method !== DEFLATED) {
      throw new ZipFormatError(`entry ${entry.name} uses compression method ${entry.method}`);
    }
    const unpacked = inflateEntry(data, entry);
    if (unpacked !== entry.uncompressedSize) {
      throw new ZipFormatError(
        `entry ${entry.name} unpacks to ${unpacked} bytes but declares ${entry.uncompressedSize}`,
      );
    }
  }
}

function findEndOfDirectory(zip: Buffer): number {
  if (zip.length < END_OF_DIRECTORY_SIZE) {
    throw new ZipFormatError(`the file has ${zip.length} bytes, too few for a zip archive`);
  }
  const lowest = Math.max(0, zip.length - END_OF_DIRECTORY_SIZE - MAX_COMMENT_LENGTH);
  for (let offset = zip.length - END_OF_DIRECTORY_SIZE; offset >= lowest; offset--) {
    // The record ends the file after its comment; a signature elsewhere is part of a comment.
    if (
      zip.readUInt32LE(offset) === END_OF_DIRECTORY_SIGNATURE &&
      offset + END_OF_DIRECTORY_SIZE + zip.readUInt16LE(offset + 20) === zip.length
    ) {
      return offset;
    }
  }
  throw new ZipFormatError('the file has no end of central directory record');
}

function readDirectoryHeader(
  zip: Buffer,
  position: number,
  directoryEnd: number,
  index: number,
): { entry: ZipEntry; next: number } {
  if (
    position + DIRECTORY_HEADER_SIZE > directoryEnd ||
    zip.readUInt32LE(position) !== DIRECTORY_HEADER_SIGNATURE
  ) {
    throw new ZipFormatError(`central directory entry ${index + 1} is missing or damaged`);
  }

  const flags = zip.readUInt16LE(position + 8);
  const method = zip.readUInt16LE(position + 10);
  const compressedSize = zip.readUInt32LE(position + 20);
  const uncompressedSize = zip.readUInt32LE(position + 24);
  const nameLength = zip.readUInt16LE(position + 28);
  const extraLength = zip.readUInt16LE(position + 30);
  const commentLength = zip.readUInt16LE(position + 32);
  const localHeaderOffset = zip.readUInt32LE(position + 42);

  const next = position + DIRECTORY_HEADER_SIZE + nameLength + extraLength + commentLength;
  if (next > directoryEnd) {
    throw new ZipFormatError(`central directory entry ${index + 1} runs past the directory`);
  }

  const nameStart = position + DIRECTORY_HEADER_SIZE;
  const name = zip.toString('utf8', nameStart, nameStart + nameLength);
  if (
    compressedSize === ZIP64_MARK_32 ||
    uncompressedSize === ZIP64_MARK_32 ||
    localHeaderOffset === ZIP64_MARK_32
  ) {
    throw new ZipFormatError(`entry ${name} uses zip64, which the import does not accept`);
  }
  if ((flags & ENCRYPTED_FLAG) !== 0) {
    throw new ZipFormatError(`entry ${name} is encrypted`);
  }
  return {
    entry: { name, method, compressedSize, uncompressedSize, localHeaderOffset },
    next,
  };
}

/** Returns the compressed bytes of an entry, which follow its local file header. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  if (
    header + LOCAL_HEADER_SIZE > zip.length ||
    zip.readUInt32LE(header) !== LOCAL_HEADER_SIGNATURE
  ) {
    throw new ZipFormatError(`entry ${entry.name} has no local file header at offset ${header}`);
  }
  const start =
    header + LOCAL_HEADER_SIZE + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) {
    throw new ZipFormatError(`entry ${entry.name} runs past the end of the file`);
  }
  return zip.subarray(start, end);
}

/** Inflates an entry, stopping one byte past its declared size; returns the unpacked length. */
function inflateEntry(data: Buffer, entry: ZipEntry): number {
  try {
    return inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 }).length;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipFormatError(
        `entry ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes it declares`,
      );
    }
    throw new ZipFormatError(`entry ${entry.name} has damaged data: ${(error as Error).message}`);
  }
}
