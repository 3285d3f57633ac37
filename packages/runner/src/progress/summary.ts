import { finished, formatDuration, rate, type Tally } from './tally.js';

/** Align rows of cells into columns (first column left, the rest right-aligned). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((row) =>
      row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
    )
    .join('\n');
}

/** The end-of-sweep table: ok / diverged / failed / skipped, wall time and throughput. */
export function summaryTable(name: string, t: Tally, end: string, now = Date.now()): string {
  const wall = (now - t.startedAt) / 1000;
  const rows = [
    ['sweep', name],
    ['ok', String(t.ok)],
    ['diverged', String(t.diverged)],
    ['failed', String(t.failed)],
    ['skipped (done before)', String(t.skipped)],
    ['not run', String(t.total - finished(t))],
    ['retries', String(t.retries)],
    ['wall time', formatDuration(wall)],
    ['runs/s', rate(t, now).toFixed(2)],
    ['end', end],
  ];
  return formatTable(rows);
}
