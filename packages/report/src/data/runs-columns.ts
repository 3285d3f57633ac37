/**
 * The runs table as compact column data: the page (`runs/`) holds the first
 * TABLE_PAGE_ROWS rows as a static table (what a reader without JavaScript sees) and a small
 * description of the columns; the rows are in `runs/table/<k>.json`, TABLE_CHUNK_ROWS a file,
 * each an array of columns. Columns of few distinct strings (experiment, status, activation,
 * init, optimizer, flags) are dictionary-coded: the description lists the values, a chunk holds
 * their indices.
 */
import { RUN_COLUMNS, runRow, type RunRow } from './runs-table.js';
import type { RunRecord } from './record.js';

export const TABLE_CHUNK_ROWS = 5000;
export const TABLE_PAGE_ROWS = 50;

/** Above this many distinct values a string column is stored as it is. */
const MAX_DICT = 4096;

export type TableKey = keyof RunRow | 'link';

export interface TableColumn {
  key: TableKey;
  label: string;
  numeric: boolean;
  /** Values of a dictionary-coded column (the chunk holds indices into it). */
  dict?: string[];
}

export interface TableMeta {
  total: number;
  chunks: number;
  chunkRows: number;
  pageRows: number;
  /** Table columns, then `link`: the run's static page slug, or null for the run view. */
  columns: TableColumn[];
}

export interface RunsTable {
  meta: TableMeta;
  rows: RunRow[];
  /** Per row: the slug of its static page, or null when it is drawn by the run view. */
  links: (string | null)[];
  /** Columns of chunk `k`, in `meta.columns` order. */
  chunk(k: number): (number | string | null)[][];
}

export function runsTable(
  records: readonly RunRecord[],
  link: (r: RunRecord) => string | null,
): RunsTable {
  const rows = records.map(runRow);
  const links = records.map(link);
  const columns: TableColumn[] = RUN_COLUMNS.map((c) => ({ ...c }));
  for (const c of columns) {
    if (c.numeric || c.key === 'id') continue;
    const values = new Set<string>();
    for (const r of rows) {
      values.add(String(r[c.key as keyof RunRow]));
      if (values.size > MAX_DICT) break;
    }
    if (values.size <= MAX_DICT) c.dict = [...values].sort();
  }
  columns.push({ key: 'link', label: 'page', numeric: false });
  const meta: TableMeta = {
    total: rows.length,
    chunks: Math.max(1, Math.ceil(rows.length / TABLE_CHUNK_ROWS)),
    chunkRows: TABLE_CHUNK_ROWS,
    pageRows: TABLE_PAGE_ROWS,
    columns,
  };
  const codes = columns.map((c) => (c.dict ? new Map(c.dict.map((v, i) => [v, i])) : null));
  const chunk = (k: number) => {
    const from = k * TABLE_CHUNK_ROWS;
    const to = Math.min(rows.length, from + TABLE_CHUNK_ROWS);
    return columns.map((c, j) => {
      const out: (number | string | null)[] = [];
      for (let i = from; i < to; i++) {
        if (c.key === 'link') {
          out.push(links[i] ?? null);
          continue;
        }
        const v = rows[i]![c.key];
        const code = codes[j];
        out.push(code ? (code.get(String(v)) as number) : v);
      }
      return out;
    });
  };
  return { meta, rows, links, chunk };
}
