import { describe, expect, it } from 'vitest';
import { fmt, formatTable, pct } from './table.js';

describe('formatTable', () => {
  it('aligns columns as a Markdown table, the first left and the rest right', () => {
    const t = formatTable(
      ['cell', 'steps/s'],
      [
        ['a', '1'],
        ['long name', '12345'],
      ],
    );
    expect(t.split('\n')).toEqual([
      '| cell      | steps/s |',
      '|-----------|--------:|',
      '| a         |       1 |',
      '| long name |   12345 |',
    ]);
  });
});

describe('fmt and pct', () => {
  it('keep three significant digits, exponent form only for extreme magnitudes', () => {
    expect(fmt(1234.5)).toBe('1235');
    expect(fmt(0.012345)).toBe('0.0123');
    expect(fmt(2.5e-5)).toBe('2.50e-5');
    expect(fmt(null)).toBe('—');
    expect(pct(0.0812)).toBe('8.1%');
  });
});
