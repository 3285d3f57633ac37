import { describe, expect, it } from 'vitest';
import { toCsv, toJsonl, type Table } from './export-table.js';

const table: Table = {
  columns: ['id', 'error', 'depth', 'loss'],
  rows: [
    ['a', null, 2, 0.5],
    ['b', 'bad "value", then\nmore', 3, null],
  ],
  warnings: [],
};

describe('export formats', () => {
  it('writes RFC 4180 CSV: quotes fields with commas, quotes or newlines; null is empty', () => {
    expect(toCsv(table)).toBe('id,error,depth,loss\na,,2,0.5\nb,"bad ""value"", then\nmore",3,\n');
  });

  it('writes one JSON object per row keyed by column', () => {
    const lines = toJsonl(table)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { id: 'a', error: null, depth: 2, loss: 0.5 },
      { id: 'b', error: 'bad "value", then\nmore', depth: 3, loss: null },
    ]);
  });
});
