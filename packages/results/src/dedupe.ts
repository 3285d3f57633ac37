/**
 * Which record of an id counts (DESIGN.md §3 "Results directory"): a directory may hold several
 * lines for one id (a failed attempt, then the run that finished). `ok` beats `diverged` beats
 * `failed`; among equal statuses the one that finished last; and a record written by
 * `runner sweep --rerun` (a higher `rerun` round) beats every record of an earlier round.
 */
import type { RunStatus } from './record.js';

/** Lower is better. */
export const STATUS_RANK: Record<RunStatus, number> = { ok: 0, diverged: 1, failed: 2 };

/** Statuses that count as done: results that are not run again. */
export function isDone(status: RunStatus): boolean {
  return status === 'ok' || status === 'diverged';
}

/** What the dedupe compares: status, finish time and rerun round (absent: 0). */
export interface RecordRank {
  status: RunStatus;
  finishedAt: string;
  rerun?: number | undefined;
}

/**
 * Whether record `a` should replace record `b` of the same id: the higher rerun round wins (a
 * run asked for with `runner sweep --rerun` supersedes what it re-runs, whatever either's
 * status); within a round `ok` beats `diverged` beats `failed`; among equals the latest wins.
 * A lexicographic order, so the winner does not depend on the order the lines are read in.
 */
export function betterRecord(a: RecordRank, b: RecordRank): boolean {
  const ga = a.rerun ?? 0;
  const gb = b.rerun ?? 0;
  if (ga !== gb) return ga > gb;
  const ra = STATUS_RANK[a.status];
  const rb = STATUS_RANK[b.status];
  return ra !== rb ? ra < rb : a.finishedAt > b.finishedAt;
}
