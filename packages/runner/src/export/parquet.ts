import { ByteWriter, parquetWrite, type ColumnSource } from 'hyparquet-writer';
import type { Cell, Table } from './export-table.js';

/** The Parquet type of one export column, from its values (DESIGN.md §3 "Export"). */
export type ParquetColumnType = 'BOOLEAN' | 'INT32' | 'DOUBLE' | 'STRING';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * A column's type: BOOLEAN or numbers when every non-null value is one (INT32 when all are
 * integers in range, e.g. depth or seed; DOUBLE otherwise, NaN and ±Infinity included); STRING
 * for text and for a column that mixes kinds (its numbers and booleans written as text, as CSV
 * would show them), so no value is ever dropped. An all-null column is STRING.
 */
export function parquetColumnType(values: readonly Cell[]): ParquetColumnType {
  let kinds = 0;
  let integers = true;
  for (const v of values) {
    if (v === null) continue;
    if (typeof v === 'boolean') kinds |= 1;
    else if (typeof v === 'number') {
      kinds |= 2;
      if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) integers = false;
    } else kinds |= 4;
  }
  if (kinds === 1) return 'BOOLEAN';
  if (kinds === 2) return integers ? 'INT32' : 'DOUBLE';
  return 'STRING';
}

function columnValues(type: ParquetColumnType, values: Cell[]): ColumnSource['data'] {
  if (type === 'STRING') return values.map((v) => (v === null ? null : String(v)));
  return values;
}

/**
 * The export table as one Parquet file (Snappy-compressed, nullable columns, row groups of up
 * to 100,000 rows), for pandas, polars, DuckDB and Spark users: `pd.read_parquet(f)`,
 * `SELECT … FROM 'runs.parquet'`. Written by hyparquet-writer; the column order and names are
 * the CSV's.
 */
export function toParquet(t: Table): Uint8Array {
  const columnData: ColumnSource[] = t.columns.map((name, c) => {
    const values = t.rows.map((row) => row[c] ?? null);
    const type = parquetColumnType(values);
    return { name, type, data: columnValues(type, values), nullable: true };
  });
  const writer = new ByteWriter();
  parquetWrite({
    writer,
    columnData,
    createdBy: 'ansatz runner export',
    rowGroupSize: 100_000,
  });
  return new Uint8Array(writer.getBuffer());
}
