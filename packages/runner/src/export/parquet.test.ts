import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import type { Cell, Table } from './export-table.js';
import { parquetColumnType, toParquet } from './parquet.js';

/** Read a file back with hyparquet (the reader, a separate package from the writer). */
async function readBack(bytes: Uint8Array) {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const meta = parquetMetadata(file as ArrayBuffer);
  const rows = await parquetReadObjects({ file: file as ArrayBuffer });
  return { meta, rows };
}

describe('parquetColumnType', () => {
  it('types a column by its non-null values', () => {
    expect(parquetColumnType([3, null, 8])).toBe('INT32');
    expect(parquetColumnType([0.1, 2, null])).toBe('DOUBLE');
    expect(parquetColumnType([2 ** 31, 1])).toBe('DOUBLE');
    expect(parquetColumnType([Number.NaN, 1])).toBe('DOUBLE');
    expect(parquetColumnType([true, null, false])).toBe('BOOLEAN');
    expect(parquetColumnType(['gd', null])).toBe('STRING');
    expect(parquetColumnType([1, 'a'])).toBe('STRING');
    expect(parquetColumnType([true, 1])).toBe('STRING');
    expect(parquetColumnType([null, null])).toBe('STRING');
  });
});

describe('toParquet', () => {
  const table: Table = {
    columns: ['id', 'depth', 'lr', 'ok', 'mixed', 'error', 'nothing'],
    rows: [
      ['a1', 3, 0.05, true, 1, null, null],
      ['b2', 8, 1e-3, false, 'x,"y"', 'diverged at step 12', null],
      ['c3', null, Number.POSITIVE_INFINITY, null, true, null, null],
    ] satisfies Cell[][],
    warnings: [],
  };

  it('writes every row and column, readable by an independent reader, values and nulls intact', async () => {
    const { meta, rows } = await readBack(toParquet(table));
    expect(Number(meta.num_rows)).toBe(3);
    expect(meta.schema.slice(1).map((s) => s.name)).toEqual(table.columns);
    expect(meta.schema.slice(1).map((s) => s.type)).toEqual([
      'BYTE_ARRAY',
      'INT32',
      'DOUBLE',
      'BOOLEAN',
      'BYTE_ARRAY',
      'BYTE_ARRAY',
      'BYTE_ARRAY',
    ]);
    expect(rows.map((r) => r.id)).toEqual(['a1', 'b2', 'c3']);
    expect(rows.map((r) => r.depth)).toEqual([3, 8, null]);
    expect(rows[0]!.lr).toBeCloseTo(0.05, 15);
    expect(rows[1]!.lr).toBeCloseTo(1e-3, 18);
    expect(rows[2]!.lr).toBe(Number.POSITIVE_INFINITY);
    expect(rows.map((r) => r.ok)).toEqual([true, false, null]);
    // A mixed column keeps every value, as text.
    expect(rows.map((r) => r.mixed)).toEqual(['1', 'x,"y"', 'true']);
    expect(rows.map((r) => r.error)).toEqual([null, 'diverged at step 12', null]);
    expect(rows.map((r) => r.nothing)).toEqual([null, null, null]);
  });

  it('writes a header-only file for an empty table', async () => {
    const { meta, rows } = await readBack(toParquet({ ...table, rows: [] }));
    expect(Number(meta.num_rows)).toBe(0);
    expect(meta.schema.slice(1).map((s) => s.name)).toEqual(table.columns);
    expect(rows).toEqual([]);
  });

  it('splits more than 100,000 rows into row groups and keeps their order', async () => {
    const n = 100_003;
    const big: Table = {
      columns: ['id', 'seed'],
      rows: Array.from({ length: n }, (_, i): Cell[] => [`r${i}`, i]),
      warnings: [],
    };
    const { meta, rows } = await readBack(toParquet(big));
    expect(meta.row_groups.length).toBe(2);
    expect(rows.length).toBe(n);
    expect(rows[n - 1]).toEqual({ id: `r${n - 1}`, seed: n - 1 });
  });
});
