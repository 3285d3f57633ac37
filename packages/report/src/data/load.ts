import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { listResultFiles, readResults, type ReadIssue } from '@ansatz/results';
import { toRecord } from './parse.js';
import type { RunRecord } from './record.js';
import { STATIC_RUN_PAGES_MAX } from './run-pages.js';

function withoutMatrices(r: RunRecord): void {
  if (r.final) {
    r.final.gram = null;
    r.final.agop = null;
  }
}

/** Something wrong in the results that the site reports instead of failing on. */
export interface LoadIssue {
  kind: ReadIssue['kind'] | 'missing-dir' | 'no-files';
  /** `dir`, `dir/file` or `dir/file:line`, with the results directory's name only. */
  where: string;
  message: string;
}

export interface LoadedResults {
  /** Absolute directories that were read. */
  dirs: string[];
  /** Every *.jsonl file read. */
  files: string[];
  /** Records after the union over files and dedupe by id (@ansatz/results' rule). */
  records: RunRecord[];
  /** Record lines read before dedupe (for "n duplicates merged"). */
  rawCount: number;
  issues: LoadIssue[];
}

/**
 * Read every *.jsonl file of each results directory (DESIGN.md §3 "Results directory") with
 * @ansatz/results' reader, and normalise the records for the pages. Records and issues name a
 * file as <results dir>/<file>: short, and the same on any machine.
 */
export async function loadResultsDirs(dirs: readonly string[]): Promise<LoadedResults> {
  const issues: LoadIssue[] = [];
  const absDirs = dirs.map((d) => resolve(d));
  const readable: string[] = [];
  for (const dir of absDirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      issues.push({ kind: 'missing-dir', where: dir, message: 'results directory does not exist' });
    } else {
      readable.push(dir);
      if (listResultFiles(dir).files.length === 0) {
        issues.push({ kind: 'no-files', where: dir, message: 'no *.jsonl result files yet' });
      }
    }
  }
  const short = (file: string) => {
    const dir = readable.find((d) => file.startsWith(`${d}/`));
    return dir ? `${basename(dir)}/${relative(dir, file)}` : file;
  };
  // Above STATIC_RUN_PAGES_MAX runs only unfinished runs get a static page, the one page that
  // draws the gram/AGOP matrices; the others' matrices (most of a record) are dropped as read.
  let lines = 0;
  let dropMatrices = false;
  const kept: RunRecord[] = [];
  const read = await readResults(readable, (stored, source) => {
    const r = toRecord(stored, { file: short(source.file), line: source.line });
    // Counted before dedupe: more records than lines is impossible, so a site of at most
    // STATIC_RUN_PAGES_MAX runs keeps every matrix.
    if (typeof r !== 'string' && !dropMatrices && ++lines > STATIC_RUN_PAGES_MAX) {
      dropMatrices = true;
      for (const k of kept) if (k.status === 'ok') withoutMatrices(k);
      kept.length = 0;
    }
    if (typeof r !== 'string' && r.status === 'ok') {
      if (dropMatrices) withoutMatrices(r);
      else kept.push(r);
    }
    // The envelope was validated by the reader, so only a broken id or status is left to report.
    if (typeof r === 'string') {
      issues.push({
        kind: 'bad-record',
        where: `${short(source.file)}:${source.line}`,
        message: r,
      });
      return null;
    }
    return r;
  });
  for (const i of read.issues) {
    const where = i.line > 0 ? `${short(i.file)}:${i.line}` : short(i.file);
    issues.push({ kind: i.kind, where, message: i.message });
  }
  const records = [...read.records.values()].filter((r): r is RunRecord => r !== null);
  return { dirs: absDirs, files: read.files, records, rawCount: read.lines, issues };
}
