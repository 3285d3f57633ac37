import { chmodSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import type { GeneratedFile, ScaleOutOutput } from './target.js';

/** Why a path cannot be written, for the file-system errors a user can fix by another path. */
const FIXABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a part of the path is a file, not a directory',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the device',
};

/** Turns a file-system error the user can fix into a UserError naming the flag and the path. */
function asUserError(err: unknown, flag: string, path: string): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why = code === undefined ? undefined : FIXABLE[code];
  if (why === undefined) return err;
  return new UserError(`${flag} ${path}: cannot write there (${why}); choose another path`);
}

/** The temporary name a file is written under before it replaces `path`. */
export function tempPathOf(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

const isDirectory = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory();

/**
 * Writes a target's files: creates the directories, writes every file under a temporary name
 * beside it, then renames each into place. A file is thus never seen half-written (a job
 * started from an earlier submission keeps reading a whole one), and when any write fails —
 * a read-only directory, a full disk, a path that is a directory — none of the files is
 * replaced and no temporary file is left. File-system errors a user can fix become a
 * UserError naming the flag and the path.
 */
export function writeOutputFiles(output: Pick<ScaleOutOutput, 'files' | 'dirs'>): void {
  const dirs = [
    ...(output.dirs ?? []),
    ...output.files.map((f) => ({ path: dirname(f.path), flag: f.flag })),
  ];
  for (const d of dirs) {
    try {
      mkdirSync(d.path, { recursive: true });
    } catch (err) {
      throw asUserError(err, d.flag, d.path);
    }
  }
  const problems = output.files
    .filter((f) => isDirectory(f.path))
    .map(
      (f) => `${f.flag} ${f.path}: cannot write there (${FIXABLE['EISDIR']}); choose another path`,
    );
  if (problems.length > 0) throw new UserError(problems);
  const temps: string[] = [];
  let current: GeneratedFile | undefined;
  try {
    for (const f of output.files) {
      current = f;
      const tmp = tempPathOf(f.path);
      writeFileSync(tmp, f.text);
      temps.push(tmp);
      if (f.executable === true) chmodSync(tmp, 0o755);
    }
    for (const f of output.files) {
      current = f;
      renameSync(tempPathOf(f.path), f.path);
    }
  } catch (err) {
    for (const tmp of temps) rmSync(tmp, { force: true });
    throw current === undefined ? err : asUserError(err, current.flag, current.path);
  }
}
