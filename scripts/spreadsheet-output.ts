/**
 * Writes the files of scripts/spreadsheet.ts into the folder that --out names. The folder must
 * exist, because a mistyped path should fail instead of creating folders somewhere else.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  lstatSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { type SpreadsheetFile } from '../src/exchange/spreadsheet';

/** A folder or file that cannot be written, with the exit status of the command. */
export class OutputFileError extends Error {
  constructor(
    message: string,
    /** 2 when the path is at fault, 1 for other failures such as a full disk. */
    readonly exitStatus: 1 | 2,
  ) {
    super(message);
    this.name = 'OutputFileError';
  }
}

/** Plain words for the errors of a path that the operator can fix by choosing another. */
const PATH_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links in the path',
};

/**
 * Checks that `folder` is an existing folder that the command may create files in, and throws
 * OutputFileError otherwise. The command creates no folders.
 */
export function checkOutputFolder(folder: string): void {
  if (folder === '') {
    throw new OutputFileError(
      '--out is empty: name an existing folder, or leave out --out to write to the current folder',
      2,
    );
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new OutputFileError(`--out ${folder}: the folder does not exist; create it first`, 2);
    }
    throw pathError(`--out ${folder}`, error);
  }
  if (!isFolder) {
    throw new OutputFileError(`--out ${folder} is not a folder: name the folder to write into`, 2);
  }
  try {
    accessSync(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw pathError(`--out ${folder}`, error);
  }
}

/**
 * Writes each file into `folder` and returns the paths written. Every file is first written in
 * full to a new temporary file in the same folder (opened with O_EXCL, so nothing that exists is
 * followed or truncated), and only then renamed to its name. So a failure leaves no partial file,
 * an earlier export of the same name is replaced whole, and a special file such as one under
 * /proc is never written to. A target that exists but is not a regular file is rejected.
 */
export function writeOutputFiles(files: SpreadsheetFile[], folder: string): string[] {
  const pending: { temporary: string; target: string }[] = [];
  try {
    for (const file of files) {
      const target = path.join(folder, file.fileName);
      checkTarget(target);
      const temporary = path.join(folder, `.${file.fileName}.${randomBytes(6).toString('hex')}`);
      pending.push({ temporary, target });
      try {
        writeFileSync(temporary, file.content, { flag: 'wx' });
      } catch (error) {
        throw pathError(`cannot write ${target}`, error);
      }
    }
    for (const { temporary, target } of pending) {
      try {
        renameSync(temporary, target);
      } catch (error) {
        throw pathError(`cannot write ${target}`, error);
      }
    }
  } catch (error) {
    for (const { temporary } of pending) {
      rmSync(temporary, { force: true });
    }
    throw error;
  }
  return pending.map(({ target }) => target);
}

/** Rejects a target that exists but is not a regular file, such as a folder or a link. */
function checkTarget(target: string): void {
  try {
    if (lstatSync(target).isFile()) {
      return;
    }
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return;
    }
    throw pathError(`cannot write ${target}`, error);
  }
  throw new OutputFileError(
    `cannot write ${target}: it exists and is not a regular file; move it away or choose ` +
      'another --out folder',
    2,
  );
}

/** Builds the error for a failed file operation: `context`, the cause and the error code. */
function pathError(context: string, error: unknown): OutputFileError {
  const code = errorCode(error);
  const known = code !== undefined && code in PATH_ERRORS;
  const cause = known ? PATH_ERRORS[code] : (error as Error).message;
  return new OutputFileError(`${context}: ${cause}${code ? ` (${code})` : ''}`, known ? 2 : 1);
}

function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
