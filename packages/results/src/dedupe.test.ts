import { describe, expect, it } from 'vitest';
import { betterRecord, type RecordRank } from './dedupe.js';

/** The winner of a fold over records in the given order, as readResults does. */
function winner(records: readonly (RecordRank & { name: string })[]): string {
  let best: (RecordRank & { name: string }) | undefined;
  for (const r of records) if (!best || betterRecord(r, best)) best = r;
  return best!.name;
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) =>
    permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]),
  );
}

describe('the dedupe rule', () => {
  it('prefers ok, then diverged, then failed, then the latest', () => {
    const a = { name: 'ok-early', status: 'ok' as const, finishedAt: '2026-01-01T00:00:00Z' };
    const b = {
      name: 'failed-late',
      status: 'failed' as const,
      finishedAt: '2026-01-02T00:00:00Z',
    };
    const c = { name: 'ok-late', status: 'ok' as const, finishedAt: '2026-01-03T00:00:00Z' };
    for (const order of permutations([a, b, c])) expect(winner(order)).toBe('ok-late');
  });

  it('a --rerun record supersedes every record of an earlier round, whatever its status', () => {
    const ok = { name: 'ok', status: 'ok' as const, finishedAt: '2026-01-01T00:00:00Z' };
    const rerun = {
      name: 'rerun-diverged',
      status: 'diverged' as const,
      finishedAt: '2026-01-02T00:00:00Z',
      rerun: 1,
    };
    for (const order of permutations([ok, rerun])) expect(winner(order)).toBe('rerun-diverged');
    // A failed rerun retried by a later plain sweep in the same round: status decides again.
    const failed = { ...rerun, name: 'rerun-failed', status: 'failed' as const };
    const retried = {
      name: 'retry-ok',
      status: 'ok' as const,
      finishedAt: '2026-01-03T00:00:00Z',
      rerun: 1,
    };
    for (const order of permutations([ok, failed, retried])) expect(winner(order)).toBe('retry-ok');
    const second = {
      ...failed,
      name: 'second-rerun',
      rerun: 2,
      finishedAt: '2026-01-04T00:00:00Z',
    };
    for (const order of permutations([ok, failed, retried, second]))
      expect(winner(order)).toBe('second-rerun');
  });
});
