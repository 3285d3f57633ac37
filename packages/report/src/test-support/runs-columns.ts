import type { RunRecord } from '../data/record.js';
import { runsTable } from '../data/runs-columns.js';
import { emptyColumns, putChunk, type Columns } from '../data/runs-filter.js';

/**
 * The runs table of `records` as the browser holds it: every chunk file decoded by the same
 * functions the runs page calls (client/runs-table.ts).
 */
export function decodedTable(records: readonly RunRecord[]): Columns {
  const t = runsTable(records, () => null);
  const values = emptyColumns(t.meta.columns, t.meta.total);
  for (let k = 0; k < t.meta.chunks; k++) putChunk(values, k * t.meta.chunkRows, t.chunk(k));
  return { total: t.meta.total, columns: t.meta.columns, values };
}
