import { describe, expect, it } from 'vitest';
import { estimateRunSeconds, resolveConfig } from '@ansatz/core';
import { assignShards, parseShardFlag, resolveShard } from './shard.js';

const cells = Array.from({ length: 40 }, (_, i) => ({
  id: `id${String(i).padStart(2, '0')}`,
  cost: estimateRunSeconds(
    resolveConfig({ depth: 2 + (i % 5), width: 8 * (1 + (i % 3)), steps: 100 * (1 + (i % 4)) }),
  ),
}));

describe('assignShards', () => {
  it('puts every id in exactly one shard, independent of input order', () => {
    const a = assignShards(cells, 3);
    const b = assignShards([...cells].reverse(), 3);
    expect(a.size).toBe(cells.length);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
    expect(new Set(a.values())).toEqual(new Set([0, 1, 2]));
  });

  it('balances estimated cost: greedy LPT keeps every shard within the largest cell of the mean', () => {
    const count = 3;
    const owner = assignShards(cells, count);
    const load = new Array<number>(count).fill(0);
    for (const c of cells) load[owner.get(c.id)!]! += c.cost;
    const mean = load.reduce((s, x) => s + x, 0) / count;
    const maxCell = Math.max(...cells.map((c) => c.cost));
    for (const l of load) expect(Math.abs(l - mean)).toBeLessThanOrEqual(maxCell);
  });

  it('balances by cost, not by count: one huge cell gets a shard to itself', () => {
    const owner = assignShards(
      [
        { id: 'big', cost: 100 },
        ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, cost: 1 })),
      ],
      2,
    );
    const withBig = [...owner.entries()]
      .filter(([, s]) => s === owner.get('big'))
      .map(([id]) => id);
    expect(withBig).toEqual(['big']);
  });
});

describe('resolveShard', () => {
  it('parses --shard I/N and rejects bad values', () => {
    expect(parseShardFlag('1/3')).toMatchObject({ index: 1, count: 3 });
    for (const bad of ['3/3', '1', 'a/b', '-1/2', '0/0'])
      expect(typeof parseShardFlag(bad)).toBe('string');
  });

  it('reads Slurm arrays (COUNT, or MIN/MAX) and Kubernetes indexed jobs like the flag', () => {
    const flag = resolveShard({ shard: '2/4' }, {});
    const same = (s: { index: number; count: number }) => ({ index: s.index, count: s.count });
    expect(
      same(resolveShard({}, { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4' })),
    ).toEqual(same(flag));
    expect(
      same(
        resolveShard(
          {},
          { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_MAX: '8' },
        ),
      ),
    ).toEqual(same(flag));
    expect(same(resolveShard({ shardCount: 4 }, { JOB_COMPLETION_INDEX: '2' }))).toEqual(
      same(flag),
    );
    expect(same(resolveShard({}, { JOB_COMPLETION_INDEX: '2', ANSATZ_SHARD_COUNT: '4' }))).toEqual(
      same(flag),
    );
    expect(resolveShard({}, {})).toMatchObject({ index: 0, count: 1 });
  });

  it('explains a partial or inconsistent environment', () => {
    expect(() => resolveShard({}, { JOB_COMPLETION_INDEX: '1' })).toThrow(
      /--shard-count N or set ANSATZ_SHARD_COUNT/,
    );
    expect(() => resolveShard({}, { SLURM_ARRAY_TASK_ID: '1' })).toThrow(/SLURM_ARRAY_TASK_COUNT/);
    expect(() =>
      resolveShard({}, { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '2' }),
    ).toThrow(/SLURM_ARRAY_TASK_ID="x": expected a non-negative integer/);
    expect(() => resolveShard({}, { JOB_COMPLETION_INDEX: '4', ANSATZ_SHARD_COUNT: '4' })).toThrow(
      /outside 0…3/,
    );
  });
});
