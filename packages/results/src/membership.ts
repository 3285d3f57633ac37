/**
 * Experiment membership: which experiments each id belongs to. A cell that two experiments
 * share has one id, runs once, and counts in both. Computed here once for every reader (the
 * runner's status and export, the spec snapshot).
 */

/** Per experiment, its ids, in the spec's order (what a snapshot stores). */
export type ExperimentIds = Record<string, { ids: string[] }>;

/** Experiments per id, from cells (id, experiment) in spec order. */
export function membershipOfCells(
  cells: Iterable<{ id: string; experiment: string }>,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of cells) {
    const list = out.get(c.id);
    if (!list) out.set(c.id, [c.experiment]);
    else if (!list.includes(c.experiment)) list.push(c.experiment);
  }
  return out;
}

/** The ids of each experiment, from cells in spec order (every experiment named, even empty). */
export function experimentIds(
  experiments: readonly string[],
  cells: Iterable<{ id: string; experiment: string }>,
): ExperimentIds {
  const out: ExperimentIds = {};
  // One set per experiment: a linear scan per cell made 10⁵ cells take minutes.
  const seen = new Map<string, Set<string>>();
  for (const name of experiments) out[name] = { ids: [] };
  for (const c of cells) {
    const e = (out[c.experiment] ??= { ids: [] });
    let ids = seen.get(c.experiment);
    if (!ids) seen.set(c.experiment, (ids = new Set()));
    if (!ids.has(c.id)) {
      ids.add(c.id);
      e.ids.push(c.id);
    }
  }
  return out;
}

/** Experiments per id, from a snapshot's per-experiment ids. */
export function membershipOfSnapshot(experiments: ExperimentIds): Map<string, string[]> {
  return membershipOfCells(
    Object.entries(experiments).flatMap(([experiment, e]) =>
      e.ids.map((id) => ({ id, experiment })),
    ),
  );
}
