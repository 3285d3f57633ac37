import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRecord, passingSet, toJsonl } from './records.js';

/** Name used to check that HTML in data is shown as text, never run. */
export const HOSTILE_EXPERIMENT =
  '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/**
 * Write a small results directory: the passing set split over two shard files (with one duplicate
 * id and a torn last line), plus one run whose experiment name and config strings are HTML and
 * one that did not fit its data (flagged not-fit).
 */
export function writeFixtureDir(dir: string): { records: Record<string, unknown>[] } {
  mkdirSync(dir, { recursive: true });
  const records = passingSet();
  const hostile = makeRecord({
    id: 'hostile',
    experiment: HOSTILE_EXPERIMENT,
    optimizer: '<b>adam</b>',
    depth: 2,
  });
  // A finished run that did not fit: flagged, shown in the runs table, left out of the verdicts.
  const unfit = makeRecord({
    id: 'unfit',
    experiment: 'weight-decay',
    init: 'gaussian',
    depth: 3,
    weightDecay: 0.05,
    learningRate: 0.05,
    lossEnd: 0.9,
    seed: 7,
  });
  const all = [...records, hostile, unfit];
  const half = Math.floor(all.length / 2);
  writeFileSync(join(dir, 'shard-0.jsonl'), toJsonl(all.slice(0, half)));
  // A failed earlier attempt of an ok run (deduped away) and a torn write at the end.
  const dup = makeRecord({ id: 'bal-L2-s0', status: 'failed', error: 'first attempt' });
  writeFileSync(
    join(dir, 'shard-1.jsonl'),
    toJsonl([...all.slice(half), dup]) + '{"v":1,"id":"torn","sta',
  );
  return { records: all };
}
