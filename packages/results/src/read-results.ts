/**
 * Reading a results directory (DESIGN.md §3 "Results directory"): the union of its `*.jsonl`
 * files, one record per id after dedupe, with every unusable line reported — never thrown. The
 * one reader of run records: the runner (resume, status, export) and the report use it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { betterRecord, type RecordRank } from './dedupe.js';
import { readLines } from './line-reader.js';
import { recordEnvelopeSchema, type RecordEnvelope } from './record.js';

/** A record as stored: the envelope every reader relies on, the rest untyped. */
export type StoredRecord = RecordEnvelope & Record<string, unknown>;

/** Where a record or an issue came from: the file's full path and the 1-based line. */
export interface Source {
  file: string;
  line: number;
}

export interface ReadIssue extends Source {
  /**
   * `torn-line`: the last line of a file, cut short by a crash (no newline, not JSON): expected
   * after a kill, tolerated. `bad-line`: any other line that is not JSON. `bad-record`: JSON that
   * is not a run record. `unreadable`: a file that could not be opened or read (line 0).
   * `broken-link`: a `*.jsonl` name that is a dangling symlink or a symlink loop: skipped and
   * reported, never followed (it holds no records, so it is not a file that cannot be read).
   */
  kind: 'torn-line' | 'bad-line' | 'bad-record' | 'unreadable' | 'broken-link';
  message: string;
}

export interface ResultsRead<T> {
  /** One value per id, from the record that wins the dedupe, in first-seen order. */
  records: Map<string, T>;
  /** Valid record lines read, before dedupe. */
  lines: number;
  /** Full paths of the files read. */
  files: string[];
  issues: ReadIssue[];
}

/**
 * The `*.jsonl` files of a directory (full paths, sorted), and the ones that cannot be used. A
 * missing directory has none.
 */
export function listResultFiles(dir: string): { files: string[]; issues: ReadIssue[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], issues: [] };
    return {
      files: [],
      issues: [{ kind: 'unreadable', file: dir, line: 0, message: errorText(err) }],
    };
  }
  const files: string[] = [];
  const issues: ReadIssue[] = [];
  for (const name of names.filter((n) => n.endsWith('.jsonl')).sort()) {
    const file = join(dir, name);
    try {
      if (statSync(file).isFile()) files.push(file);
    } catch (err) {
      // A dangling symlink or a symlink loop: reported, not followed.
      const code = (err as NodeJS.ErrnoException).code;
      const kind = code === 'ENOENT' || code === 'ELOOP' ? 'broken-link' : 'unreadable';
      issues.push({ kind, file, line: 0, message: errorText(err) });
    }
  }
  return { files, issues };
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `cannot read (${e.code})` : `cannot read (${String(err)})`;
}

/** Options of a read. */
export interface ReadOptions {
  /**
   * Checks each record before it counts, e.g. that its id is the hash of its config (the
   * runner's rule, which this package does not know): a message makes it a `bad-record`
   * issue at its file and line, and the record is skipped as if it were not there.
   */
  verify?: (record: StoredRecord) => string | undefined;
}

/**
 * Every valid record line of the directories' result files, in file and line order, to `visit`;
 * returns the files read and the issues. Memory is bounded by the longest line.
 */
export async function scanResults(
  dirs: string | readonly string[],
  visit: (record: StoredRecord, source: Source) => void,
  options: ReadOptions = {},
): Promise<{ files: string[]; lines: number; issues: ReadIssue[] }> {
  const files: string[] = [];
  const issues: ReadIssue[] = [];
  let lines = 0;
  for (const dir of typeof dirs === 'string' ? [dirs] : dirs) {
    const listed = listResultFiles(dir);
    issues.push(...listed.issues);
    for (const file of listed.files) {
      try {
        for await (const { text, line, terminated } of readLines(file)) {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            issues.push(
              terminated
                ? { kind: 'bad-line', file, line, message: 'not valid JSON; skipped' }
                : {
                    kind: 'torn-line',
                    file,
                    line,
                    message: 'torn last line (no newline); skipped',
                  },
            );
            continue;
          }
          const shape = recordEnvelopeSchema.safeParse(value);
          if (!shape.success) {
            const issue = shape.error.issues[0];
            const what = issue
              ? `${issue.path.join('.') || 'record'}: ${issue.message}`
              : 'invalid';
            issues.push({
              kind: 'bad-record',
              file,
              line,
              message: `not a run record (${what}); skipped`,
            });
            continue;
          }
          const wrong = options.verify?.(value as StoredRecord);
          if (wrong !== undefined) {
            issues.push({ kind: 'bad-record', file, line, message: `${wrong}; skipped` });
            continue;
          }
          lines++;
          visit(value as StoredRecord, { file, line });
        }
        files.push(file);
      } catch (err) {
        issues.push({ kind: 'unreadable', file, line: 0, message: errorText(err) });
      }
    }
  }
  return { files, lines, issues };
}

/**
 * The deduplicated records of the directories (DESIGN.md §3): per id the record that wins
 * `betterRecord`, passed through `project` (default: the record itself). A projection keeps
 * memory to what the caller needs, e.g. a status only.
 */
export async function readResults<T = StoredRecord>(
  dirs: string | readonly string[],
  project: (record: StoredRecord, source: Source) => T = (r) => r as T,
  options: ReadOptions = {},
): Promise<ResultsRead<T>> {
  const records = new Map<string, T>();
  const ranks = new Map<string, RecordRank>();
  const scan = await scanResults(
    dirs,
    (rec, source) => {
      const prev = ranks.get(rec.id);
      if (prev && !betterRecord(rec, prev)) return;
      ranks.set(rec.id, { status: rec.status, finishedAt: rec.finishedAt, rerun: rec.rerun });
      records.set(rec.id, project(rec, source));
    },
    options,
  );
  return { records, ...scan };
}

/** One line per issue, `file:line message`. */
export function describeIssues(issues: readonly ReadIssue[]): string[] {
  return issues.map((i) =>
    i.line > 0 ? `${i.file}:${i.line} ${i.message}` : `${i.file}: ${i.message}`,
  );
}
