// The compact planner (typed arrays over the cell table) against the planner it replaced (cell
// objects: uniqueCells, largestFirst, assignShards), at a size where the lazy path matters:
// tens of thousands of cells, ids shared between experiments, several costs, a rule.
import { describe, expect, it } from 'vitest';
import { largestFirst } from '../schedule/largest-first.js';
import { assignShards, shardOwners, WHOLE } from '../schedule/shard.js';
import { idOf } from '../spec/cell-table.js';
import { loadSpecText, uniqueCells } from '../spec/load-spec.js';
import { estimatedCosts } from '../schedule/largest-first.js';
import { findId, planIndex, shardsOf, sortById } from './plan-order.js';
import { planLoaded } from './plan.js';

const rates = [0.01, 0.02, 0.03, 0.04, 0.05];
const SPEC = `name: big
defaults: { task: linear, inputDim: 4, outputDim: 2, samples: 16, steps: 10, logEvery: { expr: "steps / 2" } }
experiments:
  a:
    grid: { depth: [2, 3, 4], width: [4, 8], learningRate: [${rates}], weightDecay: [0, 0.01, 0.02, 0.03] }
    seeds: 100
    rules: [{ when: { depth: 4 }, set: { steps: 20 } }]
  b:
    grid: { depth: [2, 3], learningRate: [${rates}] }
    set: { width: 4, weightDecay: 0 }
    seeds: 150
`;
const A = 3 * 2 * 5 * 4 * 100;
const B = 2 * 5 * 150;
const eager = loadSpecText(SPEC, 'big.yaml');
const lazy = loadSpecText(SPEC, 'big.yaml', { cells: 'lazy' });
const t = lazy.table;
const all = Uint32Array.from({ length: t.count }, (_, e) => e);
const unique = uniqueCells(eager.cells);
const costs = estimatedCosts(unique);

describe('the cell table', () => {
  it('holds every cell with its id; a lazily built cell equals the eagerly built one', () => {
    expect(t.count).toBe(A + B);
    expect(eager.table.count).toBe(A + B);
    for (let e = 0; e < t.count; e++) {
      expect(idOf(t, e)).toBe(eager.cells[e]!.id);
      expect(t.cost[e]).toBe(costs.get(eager.cells[e]!.id));
    }
    const some = [0, 1, 99, 4321, A - 1, A, A + 777, A + B - 1];
    for (const e of some) expect(lazy.cellAt(e)).toEqual(eager.cells[e]);
    expect(eager.cells[A - 1]!.config.logEvery).toBe(10); // derived after the rule's steps: 20
    const overrides = { samples: 8, depth: 5 };
    const eagerSet = loadSpecText(SPEC, 'big.yaml', { overrides });
    const lazySet = loadSpecText(SPEC, 'big.yaml', { overrides, cells: 'lazy' });
    for (const e of some) {
      expect(lazySet.cellAt(e)).toEqual(eagerSet.cells[e]);
      expect(lazySet.cellAt(e).axes['depth']).toBe(5);
    }
  });
});

describe('plan-order', () => {
  const index = planIndex(t, all);

  it('sorts entries by id as the hex text sorts, equal ids in entry order', () => {
    const ids = eager.cells.map((c) => c.id);
    const want = [...all].sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : x - y));
    expect([...sortById(t, all)]).toEqual(want);
  });

  it('dedupes ids shared by experiments to their first cell', () => {
    const firstOf = new Map<string, number>();
    eager.cells.forEach((c, e) => (firstOf.has(c.id) ? undefined : firstOf.set(c.id, e)));
    expect(unique.length).toBeLessThan(A + B); // b repeats cells of a
    expect(index.byId.length).toBe(unique.length);
    for (let e = 0; e < t.count; e++) expect(index.first[e]).toBe(firstOf.get(eager.cells[e]!.id));
    expect(findId(t, index.byId, unique[5]!.id)).toBe(firstOf.get(unique[5]!.id));
    expect(findId(t, index.byId, '0000000000000000')).toBe(-1);
    expect(findId(t, index.byId, 'not an id')).toBe(-1);
  });

  it('orders by cost, largest first, ties by id: largestFirst', () => {
    expect(new Set(t.cost).size).toBeGreaterThan(2);
    const want = largestFirst(unique, costs).map((c) => c.id);
    expect(Array.from(index.order, (e) => idOf(t, e))).toEqual(want);
  });

  it('assigns shards as assignShards does, for few and many shards', () => {
    for (const count of [1, 2, 3, 7, 64]) {
      const owner = shardsOf(t, index.order, count);
      const want = shardOwners(unique, count, costs);
      const got = new Map(Array.from(index.order, (e) => [idOf(t, e), owner[e]!]));
      expect(got).toEqual(want);
    }
    // assignShards' tie rule: equal loads go to the lowest shard.
    expect(assignShards([{ id: 'x', cost: 1 }], 3).get('x')).toBe(0);
  });
});

describe('planLoaded on the table', () => {
  it('the union of N shards is the unsharded plan, id for id, each id in one shard', async () => {
    const out = '/nonexistent-ansatz-dir';
    const whole = await planLoaded(lazy, out, WHOLE);
    expect(whole.mineEntries.length).toBe(unique.length);
    expect(whole.mine.map((c) => c.id)).toEqual(unique.map((c) => c.id));
    expect(whole.toRun.map((c) => c.id)).toEqual(largestFirst(unique, costs).map((c) => c.id));
    const count = 5;
    const seen = new Map<string, number>();
    for (let index = 0; index < count; index++) {
      const p = await planLoaded(lazy, out, { index, count, from: '--shard' });
      for (const e of p.mineEntries) {
        const id = idOf(t, e);
        expect(seen.has(id)).toBe(false);
        seen.set(id, index);
      }
      expect(p.experiments.reduce((n, x) => n + x.toRun, 0)).toBeGreaterThan(0);
    }
    expect([...seen.keys()].sort()).toEqual(unique.map((c) => c.id).sort());
  });
});

describe('a lazily loaded spec', () => {
  it('plans without building a cell, then builds only the cells asked for', async () => {
    const counted = loadSpecText(SPEC, 'big.yaml', { cells: 'lazy' });
    const cellAt = counted.cellAt;
    let built = 0;
    counted.cellAt = (e) => (built++, cellAt(e));
    const p = await planLoaded(counted, '/nonexistent-ansatz-dir', {
      index: 2,
      count: 64,
      from: '--shard',
    });
    expect(built).toBe(0);
    expect(p.toRunAt(p.toRunEntries[0]!).id).toBe(idOf(t, p.toRunEntries[0]!));
    expect(built).toBe(1);
    expect(p.toRun).toHaveLength(p.toRunEntries.length);
    expect(p.toRunEntries.length).toBeLessThan(unique.length / 32);
    expect(built).toBe(1 + p.toRunEntries.length);
  });
});
