/** Counts of a sweep invocation, shared by the progress display and the summary. */
export interface Tally {
  /** Cells this invocation set out to run. */
  total: number;
  ok: number;
  diverged: number;
  failed: number;
  /** Cells skipped because a result was already on disk (or belonging to other shards). */
  skipped: number;
  retries: number;
  startedAt: number;
}

export function newTally(total: number, skipped: number, now = Date.now()): Tally {
  return { total, ok: 0, diverged: 0, failed: 0, skipped, retries: 0, startedAt: now };
}

export function finished(t: Tally): number {
  return t.ok + t.diverged + t.failed;
}

/** Runs per second since the start (0 before the first finishes). */
export function rate(t: Tally, now = Date.now()): number {
  const s = (now - t.startedAt) / 1000;
  return s > 0 ? finished(t) / s : 0;
}

/** Human duration: 42s, 3m05s, 2h07m. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
