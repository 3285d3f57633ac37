import { describe, expect, it } from 'vitest';
import { makeRecord } from '../test-support/records.js';
import { decodedTable } from '../test-support/runs-columns.js';
import { toRecord } from './parse.js';
import type { RunRecord } from './record.js';
import { parseFilter, rowPredicate, rowText, sortOrder, type Columns } from './runs-filter.js';

const at = { file: 'f.jsonl', line: 1 };
const recs = [
  makeRecord({ id: 'a1', optimizer: 'gd', depth: 2, activation: 'linear' }),
  makeRecord({ id: 'a2', optimizer: 'adam', depth: 4, activation: 'relu' }),
  makeRecord({ id: 'b3', optimizer: 'gd', depth: 5, lossEnd: 0.9 }),
  makeRecord({ id: 'b4', optimizer: 'gd', depth: 4, status: 'failed' }),
].map((r) => toRecord(r, at) as RunRecord);

const columns = (): Columns => decodedTable(recs);

function ids(query: string): string[] {
  const t = columns();
  const f = parseFilter(query, t.columns);
  expect(f.errors).toEqual([]);
  const texts = Array.from({ length: t.total }, (_, i) => rowText(t, i));
  const test = rowPredicate(t, f, () => texts);
  return recs.filter((_, i) => test(i)).map((r) => r.id);
}

describe('runs table filter', () => {
  it('field:value, comparisons and free text all have to hold', () => {
    expect(ids('')).toEqual(['a1', 'a2', 'b3', 'b4']);
    expect(ids('optimizer:gd')).toEqual(['a1', 'b3', 'b4']);
    expect(ids('optimizer:gd depth>=4')).toEqual(['b3', 'b4']);
    expect(ids('opt:gd L>4')).toEqual(['b3']);
    expect(ids('depth<4')).toEqual(['a1']);
    expect(ids('depth!=4')).toEqual(['a1', 'b3']);
    expect(ids('status:failed')).toEqual(['b4']);
    expect(ids('STATUS:ok optimizer!=adam')).toEqual(['a1', 'b3']);
    expect(ids('flags:not-fit')).toEqual(['b3']);
    expect(ids('id:b')).toEqual(['b3', 'b4']);
    expect(ids('relu')).toEqual(['a2']);
    expect(ids('loss:none')).toEqual(['b4']);
  });

  it('names the word it cannot use and what is valid', () => {
    const t = columns();
    const f = parseFilter('colour:red optimizer>gd depth>=deep gd', t.columns);
    expect(f.errors).toHaveLength(3);
    expect(f.errors[0]).toContain('unknown field "colour"');
    expect(f.errors[0]).toContain('optimizer');
    expect(f.errors[1]).toContain('text');
    expect(f.errors[2]).toContain('not a number');
    expect(f.clauses).toHaveLength(1);
  });
});

describe('runs table sort', () => {
  it('orders numbers with missing values last in both directions, and text by value', () => {
    const t = columns();
    const col = (k: string) => t.columns.findIndex((c) => c.key === k);
    const order = (k: string, desc: boolean) =>
      [...sortOrder(t, col(k), desc)].map((i) => recs[i]!.id);
    expect(order('depth', false)).toEqual(['a1', 'a2', 'b4', 'b3']);
    expect(order('depth', true)).toEqual(['b3', 'b4', 'a2', 'a1']);
    expect(order('loss', false).at(-1)).toBe('b4');
    expect(order('loss', true).at(-1)).toBe('b4');
    expect(order('loss', true)[0]).toBe('b3');
    expect(order('optimizer', false)[0]).toBe('a2');
    expect(order('id', true)).toEqual(['b4', 'b3', 'a2', 'a1']);
  });
});
