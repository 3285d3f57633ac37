import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { dedupeRecords, parseJsonl, type LoadIssue } from './parse.js';
import type { RunRecord } from './record.js';

export interface LoadedResults {
  /** Absolute directories that were read. */
  dirs: string[];
  /** Every *.jsonl file read. */
  files: string[];
  /** Records after the union over files and dedupe by id. */
  records: RunRecord[];
  /** Lines read before dedupe (for "n duplicates merged"). */
  rawCount: number;
  issues: LoadIssue[];
}

/** Read every *.jsonl file of each results directory (DESIGN.md §3 "Results directory"). */
export function loadResultsDirs(dirs: readonly string[]): LoadedResults {
  const issues: LoadIssue[] = [];
  const files: string[] = [];
  const all: RunRecord[] = [];
  const absDirs = dirs.map((d) => resolve(d));
  for (const dir of absDirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error('not a directory');
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.jsonl'))
        .sort();
    } catch {
      issues.push({ kind: 'missing-dir', where: dir, message: 'results directory does not exist' });
      continue;
    }
    if (names.length === 0) {
      issues.push({ kind: 'no-files', where: dir, message: 'no *.jsonl result files yet' });
    }
    for (const name of names) {
      const file = join(dir, name);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        issues.push({ kind: 'unreadable', where: file, message: `cannot read: ${String(e)}` });
        continue;
      }
      files.push(file);
      // Records and issues name the file as <results dir>/<file>: short, and the same on any machine.
      const parsed = parseJsonl(text, join(basename(dir), name));
      all.push(...parsed.records);
      issues.push(...parsed.issues);
    }
  }
  return { dirs: absDirs, files, records: dedupeRecords(all), rawCount: all.length, issues };
}
