import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runId } from '../ids.js';
import { tempDir } from '../test-support/harness.js';
import { exportTable, toCsv, toJsonl, type Table } from './export-table.js';

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

describe('exportTable', () => {
  it('has columns for the baselines, flags, lossRatio and agopRank; empty for v1 records', async () => {
    const dir = tempDir();
    const base = { sweep: 's', experiment: 'e', config: { depth: 2 }, finishedAt: 'x' };
    const v2 = {
      ...base,
      v: 2,
      // Export verifies ids: a current-version record's id is the hash of its config.
      id: runId(base.config),
      status: 'ok',
      final: {
        loss: 0.1,
        nfaCorrCentredBest: 0.4,
        baselines: {
          isotropicBest: 0.6,
          randomBest: 0.5,
          randomCentredBest: 0.05,
          initialBest: 0.45,
          initialCentredBest: 0.04,
        },
        gram: [[1]],
      },
      flags: ['not-fit', 'alpha-at-bound'],
      quality: { lossRatio: 0.5, agopRank: 3 },
    };
    const v1 = { ...base, v: 1, id: 'a', status: 'ok', final: { loss: 0.2 } };
    writeFileSync(join(dir, 'w.jsonl'), `${JSON.stringify(v1)}\n${JSON.stringify(v2)}\n`);
    const t = await exportTable(dir);
    const row = (id: string) =>
      Object.fromEntries(t.columns.map((c, i) => [c, t.rows.find((r) => r[0] === id)![i]]));
    expect(row(runId(base.config))).toMatchObject({
      loss: 0.1,
      nfaCorrCentredBest: 0.4,
      isotropicBest: 0.6,
      randomBest: 0.5,
      randomCentredBest: 0.05,
      initialBest: 0.45,
      initialCentredBest: 0.04,
      flags: 'not-fit;alpha-at-bound',
      lossRatio: 0.5,
      agopRank: 3,
    });
    expect(row('a')).toMatchObject({
      loss: 0.2,
      isotropicBest: null,
      flags: null,
      lossRatio: null,
      agopRank: null,
    });
    expect(t.columns).not.toContain('baselines');
    expect(t.columns).not.toContain('gram');
  });
});
