import { deflateRawSync } from 'node:zlib';

/** One file to put in a test archive. */
export interface ZipInput {
  name: string;
  data: Buffer;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** Unpacked size written in the headers instead of the real one, to build a lying archive. */
  declaredSize?: number;
}

/** Byte offsets of the parts of an archive built by buildZip, for tests that damage them. */
export interface ZipLayout {
  zip: Buffer;
  /** Offset of each entry's central directory header, in input order. */
  directoryHeaders: number[];
  endOfDirectory: number;
}

/**
 * Builds a zip archive the way the .ZIP File Format Specification (PKWARE APPNOTE 6.3)
 * describes it: local headers with data, the central directory, and the end record. CRC-32
 * fields are zero, because the server's zip checks do not read them.
 */
export function buildZip(inputs: ZipInput[], comment = ''): ZipLayout {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  const directoryHeaders: number[] = [];
  let offset = 0;
  let directorySize = 0;

  for (const input of inputs) {
    const method = input.method ?? 8;
    const stored = method === 8 ? deflateRawSync(input.data) : input.data;
    const size = input.declaredSize ?? input.data.length;
    const name = Buffer.from(input.name, 'utf8');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, stored);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(stored.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    directoryHeaders.push(directorySize);
    directory.push(header, name);
    directorySize += header.length + name.length;
    offset += local.length + name.length + stored.length;
  }

  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(inputs.length, 8);
  end.writeUInt16LE(inputs.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);

  return {
    zip: Buffer.concat([...locals, ...directory, end, commentBytes]),
    directoryHeaders: directoryHeaders.map((position) => offset + position),
    endOfDirectory: offset + directorySize,
  };
}

/**
 * Builds a workbook-shaped decompression bomb: a small archive whose sheet part unpacks to
 * `unpackedBytes` bytes of one repeated character.
 */
export function buildZipBomb(unpackedBytes: number): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(unpackedBytes, 'a') },
  ]).zip;
}
