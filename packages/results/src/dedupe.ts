/**
 * Which record of an id counts (DESIGN.md §3 "Results directory"): a directory may hold several
 * lines for one id (a failed attempt, then the run that finished). `ok` beats `diverged` beats
 * `failed`; among equal statuses the one that finished last.
 */
import type { RunStatus } from './record.js';

/** Lower is better. */
export const STATUS_RANK: Record<RunStatus, number> = { ok: 0, diverged: 1, failed: 2 };

/** Statuses that count as done: results that are not run again. */
export function isDone(status: RunStatus): boolean {
  return status === 'ok' || status === 'diverged';
}

/** Whether record `a` should replace record `b` of the same id. */
export function betterRecord(
  a: { status: RunStatus; finishedAt: string },
  b: { status: RunStatus; finishedAt: string },
): boolean {
  const ra = STATUS_RANK[a.status];
  const rb = STATUS_RANK[b.status];
  return ra !== rb ? ra < rb : a.finishedAt > b.finishedAt;
}
