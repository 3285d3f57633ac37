import { ResultsWriteError } from '@ansatz/results';
import { UserError } from '../errors.js';
import { writeSnapshot } from '../results/snapshot.js';
import type { LoadedSpec } from '../spec/load-spec.js';
import { ancestorWriteProblem, makeOutDir } from './out-dir.js';

/**
 * What `runner sweep` does when a record cannot be written (a full disk, EIO, a results
 * directory gone read-only, a quota): the first failure stops the sweep — no new runs, the
 * runs in flight abandoned, since their records could not be written either — and is reported
 * once, with its code and path. The writer has already cut the file back to its last whole
 * line; the records written before stay valid, so running the same command again once the
 * disk has room completes exactly the missing cells. Exit code 74 (EX_IOERR, DESIGN.md §3).
 */
export class WriteGuard {
  /** The first write failure, when there was one. */
  failure: ResultsWriteError | undefined;
  /** Finished runs whose record was not written (the failed one included). */
  unwritten = 0;

  /** `onFailure` runs once, at the first failure: stop the sweep there. */
  constructor(private readonly onFailure: (failure: ResultsWriteError) => void) {}

  /**
   * A batch of records could not be written (the caller counts them in `unwritten`): at the
   * first ResultsWriteError stop the sweep (`onFailure`). Errors other than a ResultsWriteError
   * are bugs and are returned, for the caller to throw once the sweep has wound down.
   */
  lost(error: unknown): unknown {
    if (!(error instanceof ResultsWriteError)) return error;
    if (this.failure === undefined) {
      this.failure = error;
      this.onFailure(error);
    }
    return undefined;
  }

  /** The one message of a failure, for stderr. */
  message(): string {
    const f = this.failure;
    if (f === undefined) return '';
    const tail =
      f.tornTail === 'left'
        ? `; its last line is torn (readers skip it)`
        : f.tornTail === 'truncated'
          ? '; the partial line was removed'
          : '';
    return (
      `error: cannot write results: ${f.message}${tail}. The sweep stopped: no new runs, ` +
      `${this.unwritten} finished run(s) not written, runs in flight abandoned. Fix the ` +
      `cause (e.g. free space) and run the same command again: only missing cells run.`
    );
  }
}

/** Errors of the results directory itself that another `--out` fixes: bad input (exit 2). */
const BAD_OUT: Record<string, string> = {
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  ENOENT: 'a part of the path cannot be created',
  ENAMETOOLONG: 'the name is too long',
  EINVAL: 'the file system does not allow it',
};

/**
 * Write the spec snapshot, the sweep's first write into the results directory: it proves
 * `--out` writable before any run starts. A directory that cannot be written is a UserError
 * naming `--out` (exit 2); a full or failing disk returns the message of an I/O error (exit
 * 74); undefined when written.
 */
export function writeSnapshotOrFail(outDir: string, loaded: LoadedSpec): string | undefined {
  try {
    makeOutDir(outDir);
    writeSnapshot(outDir, loaded);
    return undefined;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (typeof e.code !== 'string') throw err;
    // mkdir -p answers ENOENT on a read-only file system: ask the directory that exists.
    if (e.code === 'ENOENT') e.code = ancestorWriteProblem(outDir) ?? e.code;
    const why = BAD_OUT[e.code];
    if (why !== undefined) {
      throw new UserError(
        `--out ${outDir}: cannot write there (${e.code}: ${why}); choose another results directory`,
      );
    }
    return `error: cannot write results: ${e.code} (${e.message}) writing the spec snapshot into ${outDir}; nothing ran. Fix the cause (e.g. free space) and run the same command again.`;
  }
}
