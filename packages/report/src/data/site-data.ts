import { delimiter } from 'node:path';
import { alignmentData, type AlignmentData } from './alignment.js';
import { convergenceData, type ConvergenceData } from './convergence.js';
import { counterexamplesData, type CounterexamplesData } from './counterexamples.js';
import { loadResultsDirs, type LoadedResults } from './load.js';
import { optimizersData, type OptimizersData } from './optimizers.js';
import { overviewData, type OverviewData } from './overview.js';
import { hasStaticPage, runPath } from './run-pages.js';
import { runsTable, type RunsTable } from './runs-columns.js';
import { assignSlugs } from './runs-table.js';

/** The environment variable `runner report` sets: result directories joined by the path delimiter. */
export const RESULTS_ENV = 'ANSATZ_RESULTS_DIRS';

export interface SiteData {
  loaded: LoadedResults;
  overview: OverviewData;
  alignment: AlignmentData;
  convergence: ConvergenceData;
  optimizers: OptimizersData;
  counterexamples: CounterexamplesData;
  /** Run id → path segment of its run page. */
  slugs: Map<string, string>;
  /** Site path of a run's detail: its static page or the run view (run-pages.ts). */
  runPath: (run: { id: string; status: string }) => string;
  /** The runs table's rows and column data, computed on first use (runs-columns.ts). */
  runsTable: () => RunsTable;
}

export function resultsDirsFromEnv(env: Record<string, string | undefined>): string[] {
  return (env[RESULTS_ENV] ?? '').split(delimiter).filter((d) => d.trim() !== '');
}

/** Every page's precomputed data from a set of results directories. */
export async function buildSiteData(dirs: readonly string[]): Promise<SiteData> {
  const loaded = await loadResultsDirs(dirs);
  const { records } = loaded;
  const slugs = assignSlugs(records.map((r) => r.id));
  let table: RunsTable | null = null;
  return {
    loaded,
    overview: overviewData(loaded),
    alignment: alignmentData(records),
    convergence: convergenceData(records),
    optimizers: optimizersData(records),
    counterexamples: counterexamplesData(records),
    slugs,
    runPath: (run) => runPath(run, slugs, records.length),
    runsTable: () =>
      (table ??= runsTable(records, (r) =>
        hasStaticPage(r.status, records.length) ? (slugs.get(r.id) ?? null) : null,
      )),
  };
}

let cached: Promise<SiteData> | null = null;

/** Site data for this build, loaded once per process (every page of a build shares it). */
export function getSiteData(): Promise<SiteData> {
  cached ??= buildSiteData(resultsDirsFromEnv(process.env));
  return cached;
}

/** Serialise for a `<script type="application/json">`: `<` is escaped so no text can close the tag. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
