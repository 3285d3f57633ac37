/**
 * The verdicts of a set of results directories, as the site's Overview computes them: what
 * `runner verdicts` prints and gates on. The same records, the same dedupe, the same rules.
 */
import { loadResultsDirs, type LoadIssue } from './load.js';

import { allPass, computeVerdicts } from './verdicts/index.js';
import type { Verdict } from './verdicts/types.js';

export interface VerdictsReport {
  dirs: string[];
  files: number;
  runs: number;
  verdicts: Verdict[];
  /** Every claim passes (informational ones aside). */
  pass: boolean;
  /** Lines that could not be read (torn, not JSON, not a record): reported, not fatal. */
  issues: LoadIssue[];
  /** Directories that are missing or hold no result files: the caller's input is wrong. */
  inputProblems: string[];
}

export async function verdictsForDirs(dirs: readonly string[]): Promise<VerdictsReport> {
  const loaded = await loadResultsDirs(dirs);
  const inputProblems = loaded.issues
    .filter((i) => i.kind === 'missing-dir' || i.kind === 'no-files' || i.kind === 'unreadable')
    .map((i) => `${i.where}: ${i.message}`);
  const verdicts = computeVerdicts(loaded.records);
  return {
    dirs: loaded.dirs,
    files: loaded.files.length,
    runs: loaded.records.length,
    verdicts,
    pass: allPass(verdicts),
    issues: loaded.issues.filter(
      (i) => i.kind !== 'missing-dir' && i.kind !== 'no-files' && i.kind !== 'unreadable',
    ),
    inputProblems,
  };
}
