/**
 * The global facts of a plan, computed on the compact cell table (spec/cell-table.ts) in
 * typed arrays: which entries are the first of their id (dedupe), the start order (largest
 * estimated cost first, ties by id: `largestFirst`) and each id's shard (`assignShards`'
 * greedy least-loaded rule, same results). Linear or n·log(shards) in the entries, no object or
 * string per cell, so every shard of a 10⁶-cell sweep can afford the whole view it needs to
 * agree with the others on who runs what.
 */
import { compareIds, idWords, type CellTable } from '../spec/cell-table.js';

export interface PlanIndex {
  /** For each entry: the entry that holds its id first (itself for a first one). */
  first: Uint32Array;
  /** The first entries (one per id) of the selection, sorted by id. */
  byId: Uint32Array;
  /** The same entries, largest estimated cost first, ties by id: the start and sharding order. */
  order: Uint32Array;
}

/**
 * `entries` sorted by id, stably (equal ids stay in the order given): an LSD radix sort over
 * the id's four 16-bit digits.
 */
export function sortById(t: CellTable, entries: Uint32Array): Uint32Array {
  let from = entries.slice();
  let to = new Uint32Array(from.length);
  const counts = new Uint32Array(65_536);
  const w = t.idWords;
  // Least significant digit first: low half of the low word … high half of the high word.
  for (const [word, shift] of [
    [1, 0],
    [1, 16],
    [0, 0],
    [0, 16],
  ] as const) {
    counts.fill(0);
    for (let i = 0; i < from.length; i++) counts[(w[2 * from[i]! + word]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < from.length; i++) {
      const e = from[i]!;
      to[counts[(w[2 * e + word]! >>> shift) & 0xffff]!++] = e;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Dedupe and order the selected entries (given in expansion order). */
export function planIndex(t: CellTable, selected: Uint32Array): PlanIndex {
  const sorted = sortById(t, selected);
  const first = new Uint32Array(t.count);
  const byId = new Uint32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (i > 0 && compareIds(t, sorted[i - 1]!, e) === 0) first[e] = first[sorted[i - 1]!]!;
    else first[(byId[n++] = e)] = e;
  }
  return { first, byId: byId.subarray(0, n), order: byCost(t, byId.subarray(0, n)) };
}

/**
 * Entries sorted by id, re-sorted by cost, largest first, keeping the id order within a cost:
 * a stable counting sort over the few distinct costs of a grid.
 */
function byCost(t: CellTable, byId: Uint32Array): Uint32Array {
  const rank = new Uint32Array(byId.length);
  const distinct = new Map<number, number>();
  let lastCost = NaN;
  let lastSlot = 0;
  for (let i = 0; i < byId.length; i++) {
    const c = t.cost[byId[i]!]!;
    if (c !== lastCost) {
      lastCost = c;
      let slot = distinct.get(c);
      if (slot === undefined) distinct.set(c, (slot = distinct.size));
      lastSlot = slot;
    }
    rank[i] = lastSlot;
  }
  // Slot (in order of first sight) → position of its cost, largest first.
  const costs = [...distinct.keys()];
  const place = new Uint32Array(costs.length);
  costs
    .map((c, slot) => ({ c, slot }))
    .sort((a, b) => b.c - a.c)
    .forEach((x, r) => (place[x.slot] = r));
  const starts = new Uint32Array(costs.length + 1);
  for (let i = 0; i < byId.length; i++) starts[place[rank[i]!]! + 1]!++;
  for (let r = 1; r < starts.length; r++) starts[r]! += starts[r - 1]!;
  const order = new Uint32Array(byId.length);
  for (let i = 0; i < byId.length; i++) order[starts[place[rank[i]!]!]!++] = byId[i]!;
  return order;
}

/** The first entry with this id among `byId`, or -1. */
export function findId(t: CellTable, byId: Uint32Array, id: string): number {
  const words = idWords(id);
  if (words === undefined) return -1;
  const [hi, lo] = words;
  let a = 0;
  let b = byId.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    const e = byId[m]!;
    const d = t.idWords[2 * e]! - hi || t.idWords[2 * e + 1]! - lo;
    if (d === 0) return e;
    if (d < 0) a = m + 1;
    else b = m;
  }
  return -1;
}

/**
 * The shard of each entry of `order` (indexed by entry): in that order each goes to the
 * least-loaded shard, ties to the lowest index — `assignShards`, with a heap of shards keyed
 * by (load, index) instead of a scan of all of them per cell.
 */
export function shardsOf(t: CellTable, order: Uint32Array, count: number): Uint32Array {
  const owner = new Uint32Array(t.count);
  if (count === 1) return owner;
  const load = new Float64Array(count);
  const heap = Uint32Array.from({ length: count }, (_, s) => s); // a valid heap: all loads 0
  const less = (a: number, b: number) => load[a]! < load[b]! || (load[a] === load[b] && a < b);
  for (const e of order) {
    const s = heap[0]!;
    owner[e] = s;
    load[s]! += t.cost[e]!;
    // Sift the grown root down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= count) break;
      const c = l + 1 < count && less(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      if (!less(heap[c]!, heap[i]!)) break;
      [heap[i], heap[c]] = [heap[c]!, heap[i]!];
      i = c;
    }
  }
  return owner;
}
