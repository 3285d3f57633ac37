import { existsSync, statSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { listResultFiles, readResults, type ReadIssue } from '@ansatz/results';
import { packRecordHistory } from './packed-history.js';
import { toRecord } from './parse.js';
import type { RunRecord } from './record.js';
import { STATIC_RUN_PAGES_MAX } from './run-pages.js';

/**
 * Above STATIC_RUN_PAGES_MAX runs, the history points kept of a run with no static page: the
 * figures draw at most 40 points a run and the run view 30; the weight-decay fit uses these.
 */
export const BIG_SET_HISTORY_POINTS = 100;

/** One copy of each repeated string (config values, names): JSON.parse makes a new one a record. */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const old = seen.get(s);
    if (old !== undefined) return old;
    if (seen.size < 100_000) seen.set(s, s);
    return s;
  };
}

function internStrings(r: RunRecord, intern: (s: string) => string): void {
  r.sweep = intern(r.sweep);
  r.experiment = intern(r.experiment);
  r.backend = intern(r.backend);
  r.engine = intern(r.engine);
  r.host = intern(r.host);
  r.source.file = intern(r.source.file);
  for (const [k, v] of Object.entries(r.config)) if (typeof v === 'string') r.config[k] = intern(v);
}

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
  // One streaming pass; each record is reduced as it is read to what the pages use. Above
  // STATIC_RUN_PAGES_MAX runs only unfinished runs get a static page, the one page that draws
  // the gram/AGOP matrices and the full history: the others' matrices (most of a record) are
  // dropped and their histories downsampled to BIG_SET_HISTORY_POINTS. Every history is packed
  // (packed-history.ts) and repeated strings are shared.
  let lines = 0;
  let big = false;
  const kept: RunRecord[] = [];
  const intern = interner();
  const shrink = (r: RunRecord) => {
    withoutMatrices(r);
    packRecordHistory(r, BIG_SET_HISTORY_POINTS);
  };
  const read = await readResults(readable, (stored, source) => {
    const r = toRecord(stored, { file: short(source.file), line: source.line });
    // Counted before dedupe: more records than lines is impossible, so a site of at most
    // STATIC_RUN_PAGES_MAX runs keeps every matrix and every history point.
    if (typeof r !== 'string' && !big && ++lines > STATIC_RUN_PAGES_MAX) {
      big = true;
      for (const k of kept) shrink(k);
      kept.length = 0;
    }
    if (typeof r !== 'string') {
      internStrings(r, intern);
      if (r.status !== 'ok') packRecordHistory(r);
      else if (big) shrink(r);
      else {
        packRecordHistory(r);
        kept.push(r);
      }
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
