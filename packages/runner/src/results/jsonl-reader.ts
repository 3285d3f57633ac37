import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RECORD_VERSION } from '../ids.js';
import { STATUS_RANK, type RunRecord } from './record.js';

/** A line that could not be used: torn by a crash, or not a run record. */
export interface BadLine {
  file: string;
  line: number;
  reason: string;
}

/** Everything read from a results directory. */
export interface ResultsRead {
  /** One record per id: ok preferred, then diverged, then failed; the latest among equals. */
  records: Map<string, RunRecord>;
  /** Lines read as valid records, before deduplication. */
  lines: number;
  files: string[];
  bad: BadLine[];
}

/**
 * The fields a reader relies on; the rest of the record passes through unchanged. Records of
 * every version up to RECORD_VERSION are read: their ids never match a cell of a later
 * version, so they count as results of no current cell (and lack the later fields).
 */
const recordShape = z.looseObject({
  v: z.number().int().min(1).max(RECORD_VERSION),
  id: z.string().min(1),
  sweep: z.string(),
  experiment: z.string(),
  config: z.record(z.string(), z.unknown()),
  status: z.enum(['ok', 'diverged', 'failed']),
  finishedAt: z.string(),
});

function better(a: RunRecord, b: RunRecord): boolean {
  const ra = STATUS_RANK[a.status];
  const rb = STATUS_RANK[b.status];
  return ra !== rb ? ra < rb : a.finishedAt > b.finishedAt;
}

/** Names of the `*.jsonl` files of a results directory, sorted. */
export function listResultFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names.filter((n) => n.endsWith('.jsonl') && statSync(join(dir, n)).isFile()).sort();
}

/**
 * Read the union of every `*.jsonl` file in `dir` (a missing dir reads as empty). Torn or
 * unparseable lines are skipped and reported with file and line number.
 */
export function readResults(dir: string): ResultsRead {
  const records = new Map<string, RunRecord>();
  const bad: BadLine[] = [];
  const files = listResultFiles(dir);
  let lines = 0;
  for (const name of files) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const parts = text.split('\n');
    parts.forEach((raw, i) => {
      if (raw.trim() === '') return;
      const last = i === parts.length - 1;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        bad.push({
          file,
          line: i + 1,
          reason: last ? 'torn last line (no newline)' : 'not valid JSON',
        });
        return;
      }
      const shape = recordShape.safeParse(value);
      if (!shape.success) {
        const issue = shape.error.issues[0];
        bad.push({
          file,
          line: i + 1,
          reason: `not a run record (${issue ? `${issue.path.join('.') || 'record'}: ${issue.message}` : 'invalid'})`,
        });
        return;
      }
      lines++;
      const rec = value as RunRecord;
      const prev = records.get(rec.id);
      if (!prev || better(rec, prev)) records.set(rec.id, rec);
    });
  }
  return { records, lines, files, bad };
}

/** One line per bad line, `file:line reason`. */
export function describeBadLines(bad: readonly BadLine[]): string[] {
  return bad.map((b) => `${b.file}:${b.line} ${b.reason} (skipped)`);
}
