/**
 * Links into the runs table filtered to one group of runs. The table reads `?q=` with the syntax
 * `field:value` (equality on a runs-table column, e.g. `optimizer:gd`) and `field>=N` / `field<=N`
 * for numbers, terms separated by spaces and all required. Field names are the runs-table row keys
 * (runs-table.ts: depth, init, initScale, optimizer, weightDecay, activation, …).
 */
export type RunsFilter = Record<string, string | number>;

/** The `q` value for a group: one `field:value` term per field, in the given order. */
export function runsQuery(filter: RunsFilter): string {
  return Object.entries(filter)
    .map(([k, v]) => `${k}:${v}`)
    .join(' ');
}

/** Site path of the runs table filtered to a group (join with the base like any site path). */
export function runsTablePath(filter: RunsFilter): string {
  return `runs/?q=${encodeURIComponent(runsQuery(filter))}`;
}
