/**
 * Filtering and sorting of the runs table's column data (runs-columns.ts), pure so that it is
 * tested here and run in the browser. A filter is words separated by spaces, all of which must
 * hold: `field:value` (equal; for `flags` carries the flag, for `id` starts with), `field>=v`,
 * `field<=v`, `field>v`, `field<v`, `field!=v`, or free text that some cell contains.
 */
import { cellText } from './cell-text.js';
import type { TableColumn, TableKey } from './runs-columns.js';

/** A decoded column: numbers (NaN for missing), dictionary codes, or plain strings. */
export type ColumnValues =
  | { kind: 'num'; values: Float64Array }
  | { kind: 'dict'; codes: Uint32Array; dict: string[] }
  | { kind: 'str'; values: (string | null)[] };

export interface Columns {
  total: number;
  columns: TableColumn[];
  values: ColumnValues[];
}

/** Room for the decoded columns of `total` rows (runs-columns.ts describes them). */
export function emptyColumns(columns: readonly TableColumn[], total: number): ColumnValues[] {
  return columns.map((c) =>
    c.numeric
      ? { kind: 'num', values: new Float64Array(total) }
      : c.dict
        ? { kind: 'dict', codes: new Uint32Array(total), dict: c.dict }
        : { kind: 'str', values: new Array<string | null>(total).fill(null) },
  );
}

/** Decode one chunk file (an array of columns) into `values` from row `at` on. */
export function putChunk(
  values: ColumnValues[],
  at: number,
  cols: readonly (readonly (number | string | null)[])[],
): void {
  cols.forEach((col, j) => {
    const v = values[j]!;
    col.forEach((x, i) => {
      if (v.kind === 'num') v.values[at + i] = x === null ? Number.NaN : (x as number);
      else if (v.kind === 'dict') v.codes[at + i] = x as number;
      else v.values[at + i] = x as string | null;
    });
  });
}

type Op = ':' | '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Other names a field may be given in a filter. */
const ALIASES: Record<string, TableKey> = {
  l: 'depth',
  lr: 'learningRate',
  eta: 'learningRate',
  η: 'learningRate',
  wd: 'weightDecay',
  λ: 'weightDecay',
  lambda: 'weightDecay',
  scale: 'initScale',
  act: 'activation',
  opt: 'optimizer',
  exp: 'experiment',
  corr: 'nfaCorr',
  alpha: 'alphaHat',
  best: 'nfaCorrBest',
  flag: 'flags',
  run: 'id',
};

export interface Clause {
  /** Column index, or -1 for free text. */
  col: number;
  op: Op;
  text: string;
}

export interface ParsedFilter {
  clauses: Clause[];
  /** One message per word that names no field or compares a text column by size. */
  errors: string[];
}

const TOKEN = /^([A-Za-z_\u0370-\u03ff]+)(<=|>=|!=|:|=|<|>)(.+)$/;

export function parseFilter(query: string, columns: readonly TableColumn[]): ParsedFilter {
  const clauses: Clause[] = [];
  const errors: string[] = [];
  const names = columns.filter((c) => c.key !== 'link').map((c) => c.key);
  for (const word of query.trim().split(/\s+/).filter(Boolean)) {
    const m = TOKEN.exec(word);
    if (!m) {
      clauses.push({ col: -1, op: ':', text: word.toLowerCase() });
      continue;
    }
    const [, name = '', op = ':', text = ''] = m;
    const lower = name.toLowerCase();
    const key = names.find((k) => k.toLowerCase() === lower) ?? ALIASES[lower];
    const col = key === undefined ? -1 : columns.findIndex((c) => c.key === key);
    if (col < 0) {
      errors.push(`unknown field "${name}" in "${word}"; fields: ${names.join(', ')}`);
      continue;
    }
    if (!columns[col]!.numeric && op !== ':' && op !== '=' && op !== '!=') {
      errors.push(`"${word}": ${name} is text, compare it with : or != only`);
      continue;
    }
    if (columns[col]!.numeric && op !== ':' && op !== '=' && op !== '!=' && !isNum(text)) {
      errors.push(`"${word}": ${text} is not a number`);
      continue;
    }
    clauses.push({ col, op: op as Op, text: text.toLowerCase() });
  }
  return { clauses, errors };
}

function isNum(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}

function textMatch(key: TableKey, cell: string, op: Op, text: string): boolean {
  const c = cell.toLowerCase();
  let hit: boolean;
  if (key === 'flags') hit = c.split(', ').includes(text);
  else if (key === 'id') hit = c.startsWith(text);
  else hit = c === text;
  return op === '!=' ? !hit : hit;
}

function numMatch(v: number, op: Op, text: string): boolean {
  const missing = Number.isNaN(v);
  if (text === '–' || text === 'none' || text === 'null') {
    return op === '!=' ? !missing : (op === ':' || op === '=') && missing;
  }
  const x = Number(text);
  if (missing || !Number.isFinite(x)) return op === '!=';
  switch (op) {
    case '<':
      return v < x;
    case '<=':
      return v <= x;
    case '>':
      return v > x;
    case '>=':
      return v >= x;
    case '!=':
      return v !== x;
    default:
      return v === x;
  }
}

/** Lower-cased text of every cell of row `i`, for free-text words. */
export function rowText(t: Columns, i: number): string {
  const parts: string[] = [];
  t.values.forEach((c, j) => {
    if (t.columns[j]!.key === 'link') return;
    if (c.kind === 'num') parts.push(cellText(Number.isNaN(c.values[i]!) ? null : c.values[i]!));
    else if (c.kind === 'dict') parts.push(c.dict[c.codes[i]!] ?? '');
    else parts.push(c.values[i] ?? '');
  });
  return parts.join(' ').toLowerCase();
}

/**
 * A test of a row index for the parsed filter. Clauses on dictionary columns are decided once
 * per dictionary value; `texts` (rowText of each row) is built on the first free-text word.
 */
export function rowPredicate(
  t: Columns,
  f: ParsedFilter,
  texts: () => readonly string[],
): (i: number) => boolean {
  const tests = f.clauses.map((cl): ((i: number) => boolean) => {
    if (cl.col < 0) {
      const all = texts();
      return (i) => all[i]!.includes(cl.text);
    }
    const c = t.values[cl.col]!;
    const key = t.columns[cl.col]!.key;
    if (c.kind === 'num') return (i) => numMatch(c.values[i]!, cl.op, cl.text);
    if (c.kind === 'dict') {
      const ok = c.dict.map((v) => textMatch(key, v, cl.op, cl.text));
      return (i) => ok[c.codes[i]!] === true;
    }
    return (i) => textMatch(key, c.values[i] ?? '', cl.op, cl.text);
  });
  return (i) => tests.every((test) => test(i));
}

/**
 * Row indices in ascending order of column `col`, missing values last; `descending` reverses
 * the present values and keeps the missing ones last.
 */
export function sortOrder(t: Columns, col: number, descending: boolean): Uint32Array {
  const c = t.values[col]!;
  const n = t.total;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let present = n;
  if (c.kind === 'num') {
    const v = c.values;
    idx.sort((a, b) => {
      const ma = Number.isNaN(v[a]!);
      const mb = Number.isNaN(v[b]!);
      if (ma || mb) return ma === mb ? a - b : ma ? 1 : -1;
      return v[a]! - v[b]! || a - b;
    });
    present = v.reduce((s, x) => s + (Number.isNaN(x) ? 0 : 1), 0);
  } else if (c.kind === 'dict') {
    const rank = new Uint32Array(c.dict.length);
    c.dict
      .map((v, i) => [v, i] as const)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .forEach(([, code], r) => (rank[code] = r));
    const codes = c.codes;
    idx.sort((a, b) => rank[codes[a]!]! - rank[codes[b]!]! || a - b);
  } else {
    const v = c.values;
    idx.sort((a, b) => {
      const x = v[a] ?? '';
      const y = v[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }
  if (descending) idx.subarray(0, present).reverse();
  return idx;
}
