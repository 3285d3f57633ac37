import { describe, expect, it } from 'vitest';
import { shownRows, VERDICT_TABLE_ROWS } from './verdict-rows.js';

const table = (n: number) => ({
  columns: ['run', 'ρ'],
  rows: Array.from({ length: n }, (_, i) => [`r${i}`, i / n]),
});

describe('verdict table rows on a page', () => {
  it('keeps a short table whole', () => {
    expect(shownRows(table(3))).toEqual({ rows: table(3).rows, hidden: 0 });
    expect(shownRows(table(VERDICT_TABLE_ROWS)).hidden).toBe(0);
  });

  it('shows the first rows of a long one, in order, and counts the rest', () => {
    const s = shownRows(table(6065));
    expect(s.rows).toHaveLength(VERDICT_TABLE_ROWS);
    expect(s.rows[0]).toEqual(['r0', 0]);
    expect(s.rows.at(-1)![0]).toBe(`r${VERDICT_TABLE_ROWS - 1}`);
    expect(s.hidden).toBe(6065 - VERDICT_TABLE_ROWS);
    expect(shownRows(table(5), 2)).toEqual({ rows: table(5).rows.slice(0, 2), hidden: 3 });
  });
});
