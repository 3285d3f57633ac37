// The figures link each group of runs to the runs table filtered to it (runs-query.ts); the
// table parses that filter (runs-filter.ts) over its column data (runs-columns.ts). Two modules
// written apart, so this test holds them together: every group link of the Alignment and
// Convergence pages parses without errors and selects exactly the group's runs.
import { describe, expect, it } from 'vitest';
import { makeRecord, passingSet } from '../test-support/records.js';
import { alignmentData } from './alignment.js';
import { convergenceData } from './convergence.js';
import { decodedTable } from '../test-support/runs-columns.js';
import { toRecord } from './parse.js';
import type { RunRecord } from './record.js';
import { parseFilter, rowPredicate, rowText, type Columns } from './runs-filter.js';

const at = { file: 'f.jsonl', line: 1 };
const records: RunRecord[] = [
  ...passingSet(),
  // Groups that differ only in the learning rate, the init scale or the activation.
  makeRecord({ id: 'lr-a', depth: 3, learningRate: 0.01, weightDecay: 0.001 }),
  makeRecord({ id: 'lr-b', depth: 3, learningRate: 0.02, weightDecay: 0.001 }),
  makeRecord({ id: 'sc-a', depth: 2, init: 'gaussian', initScale: 0.1 }),
  makeRecord({ id: 'sc-b', depth: 2, init: 'gaussian', initScale: 1 }),
  makeRecord({ id: 'relu', depth: 2, init: 'gaussian', initScale: 1, activation: 'relu' }),
].map((r) => toRecord(r, at) as RunRecord);

const tableColumns = (): Columns => decodedTable(records);

/** The ids the runs table shows for a link `runs/?q=…`. */
function selected(link: string): string[] {
  const q = new URL(link, 'https://example.org/').searchParams.get('q');
  expect(q, link).not.toBeNull();
  const t = tableColumns();
  const f = parseFilter(q!, t.columns);
  expect(f.errors, link).toEqual([]);
  const texts = Array.from({ length: t.total }, (_, i) => rowText(t, i));
  const test = rowPredicate(t, f, () => texts);
  return records.filter((_, i) => test(i)).map((r) => r.id);
}

const cfg = (r: RunRecord) => r.config as unknown as Record<string, unknown>;

describe('group links from the figures into the runs table', () => {
  it('an Alignment group selects the linear runs of its depth, init, optimizer and λ', () => {
    const { summary } = alignmentData(records);
    expect(summary.length).toBeGreaterThan(3);
    for (const s of summary) {
      const want = records
        .filter((r) => {
          const c = cfg(r);
          return (
            c.activation === 'linear' &&
            c.depth === s.L &&
            c.init === s.init &&
            c.optimizer === s.opt &&
            c.weightDecay === s.wd
          );
        })
        .map((r) => r.id);
      expect(selected(s.runs), s.runs).toEqual(want);
      expect(want.length).toBeGreaterThanOrEqual(s.n);
    }
  });

  it('a Convergence group selects its runs, told apart by learning rate and init scale', () => {
    const { groups } = convergenceData(records);
    expect(groups.length).toBeGreaterThan(3);
    let seen = 0;
    for (const g of groups) {
      const ids = selected(g.runs);
      expect(ids.length, g.runs).toBeGreaterThanOrEqual(g.n);
      for (const id of ids) {
        const c = cfg(records.find((r) => r.id === id)!);
        expect([c.init, c.initScale, c.optimizer, c.weightDecay, c.depth, c.learningRate]).toEqual([
          g.init,
          g.scale,
          g.opt,
          g.wd,
          g.L,
          g.eta,
        ]);
        expect(c.activation).toBe('linear');
      }
      seen += ids.length;
    }
    // lr-a/lr-b and sc-a/sc-b each land in a group of their own.
    for (const id of ['lr-a', 'lr-b', 'sc-a', 'sc-b']) {
      expect(groups.filter((g) => selected(g.runs).includes(id))).toHaveLength(1);
    }
    expect(seen).toBeGreaterThan(0);
  });
});
