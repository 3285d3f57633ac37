/**
 * Links from run ids in the verdict tables to the runs' pages: a table column named `run`
 * holds run ids (verdicts/counterexamples.ts), each linked to its detail (static page or the run
 * view, SiteData.runPath).
 */
import type { SiteData } from '../data/site-data.js';

/** The name of a verdict-table column whose cells are run ids. */
export const RUN_COLUMN = 'run';

const cache = new WeakMap<SiteData, Map<string, string>>();

/** Site path (under the base) of the run with this id, or null when no such run was loaded. */
export function runHref(site: SiteData, id: string): string | null {
  let byId = cache.get(site);
  if (!byId) {
    byId = new Map(site.loaded.records.map((r) => [r.id, r.status]));
    cache.set(site, byId);
  }
  const status = byId.get(id);
  return status === undefined ? null : site.runPath({ id, status });
}
