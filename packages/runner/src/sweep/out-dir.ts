import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';

/** The nearest path at or above `path` that exists (after symlinks), with its stat. */
function nearestExisting(path: string): { dir: string; stat: ReturnType<typeof statSync> } {
  let dir = resolve(path);
  for (;;) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(dir, { throwIfNoEntry: false });
    } catch (err) {
      // ENOTDIR: a part above is a file; look further up to name it.
      if ((err as NodeJS.ErrnoException).code !== 'ENOTDIR') throw err;
      stat = undefined;
    }
    if (stat !== undefined || dirname(dir) === dir) return { dir, stat };
    dir = dirname(dir);
  }
}

/**
 * `--out` checked before anything is read or run (dry runs included): it must be a directory,
 * or not exist yet below a directory. `/dev/full/x` or a path through a regular file is a
 * UserError naming `--out` (exit 2).
 */
export function checkOutDir(outDir: string): void {
  let found: ReturnType<typeof nearestExisting>;
  try {
    found = nearestExisting(outDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UserError(`--out ${outDir}: cannot use it (${code}); give a results directory`);
  }
  if (found.stat?.isDirectory() === true) return;
  const what =
    found.dir === resolve(outDir)
      ? 'exists and is not a directory'
      : `${found.dir} is not a directory`;
  throw new UserError(`--out ${outDir}: ${what}; give a results directory`);
}

/** The errno code that the nearest existing ancestor of `path` gives for writing, if any. */
export function ancestorWriteProblem(path: string): string | undefined {
  try {
    accessSync(nearestExisting(path).dir, constants.W_OK);
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code;
  }
}

/**
 * `mkdir -p`, one component at a time: Node's recursive mkdir can loop forever where mkdir
 * answers ENOENT for a parent that exists (e.g. under /proc); here every error surfaces at
 * once, with its code.
 */
export function makeOutDir(outDir: string): void {
  const missing: string[] = [];
  let dir = resolve(outDir);
  while (statSync(dir, { throwIfNoEntry: false }) === undefined && dirname(dir) !== dir) {
    missing.push(dir);
    dir = dirname(dir);
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
