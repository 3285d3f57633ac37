import { fstatSync, ftruncateSync } from 'node:fs';

/**
 * What a failed write to a results file means for people. The codes a full or failing disk
 * gives (ENOSPC, EDQUOT, EIO, EROFS, EFBIG) and the few a directory that became unwritable
 * gives; anything else keeps its code and Node's message.
 */
const WHY: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'the results directory disappeared',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the name is too long',
};

/** What became of the bytes of a failed write. */
export type TornTail =
  /** Nothing of it reached the file. */
  | 'none'
  /** Some did, and the file was cut back to its last whole line. */
  | 'truncated'
  /** Some did and could not be removed: the file ends in a torn line (readers skip it). */
  | 'left';

/**
 * A record could not be written to a results file (DESIGN.md §3 "Results directory"): the
 * file system's error code, the path, and what became of the partial line. Thrown by
 * `JsonlWriter`; the runner stops the sweep on it (exit 74, EX_IOERR).
 */
export class ResultsWriteError extends Error {
  constructor(
    /** The errno code, e.g. ENOSPC, or `EUNKNOWN`. */
    readonly code: string,
    readonly path: string,
    readonly tornTail: TornTail,
    override readonly cause: unknown,
  ) {
    const why = WHY[code] ?? (cause instanceof Error ? cause.message : String(cause));
    super(`${code} (${why}) writing ${path}`);
    this.name = 'ResultsWriteError';
  }
}

/** Whether `err` is a file-system error (it has an errno code). */
export function isErrnoError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';
}

/**
 * Turn an error of a write to `path` into a ResultsWriteError, first cutting the file back to
 * `committed` bytes (its length after the last whole line) when part of the line reached it
 * (`written` bytes were accepted before the error). `fd` is undefined when the file could not
 * even be opened. Errors that are not file-system
 * errors are returned as they are (they are bugs).
 */
export function writeFailure(
  err: unknown,
  path: string,
  fd: number | undefined,
  committed: number,
  written: number,
): unknown {
  if (!isErrnoError(err)) return err;
  let tail: TornTail = 'none';
  if (fd !== undefined) {
    try {
      if (fstatSync(fd).size > committed) {
        ftruncateSync(fd, committed);
        tail = 'truncated';
      }
    } catch {
      tail = written > 0 ? 'left' : 'none';
    }
  }
  return new ResultsWriteError(err.code ?? 'EUNKNOWN', path, tail, err);
}
