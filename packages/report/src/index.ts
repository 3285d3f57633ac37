// Public API of @ansatz/report: data shaping (pure, testable) and the site build/preview.
export { loadResultsDirs } from './data/load.js';
export type { LoadedResults } from './data/load.js';
export { parseJsonl, dedupeRecords, toRecord } from './data/parse.js';
export type { LoadIssue } from './data/parse.js';
export type { RunRecord, HistoryPoint, FinalMetrics, RunStatus } from './data/record.js';
export { computeVerdicts, THRESHOLDS } from './data/verdicts.js';
export type { Verdict, VerdictState, VerdictTable } from './data/verdicts.js';
export { buildSiteData, RESULTS_ENV } from './data/site-data.js';
export type { SiteData } from './data/site-data.js';
export { psdPower, cosineSimilarity } from './data/matrix-power.js';
export {
  buildSite,
  checkSiteInputs,
  normalizeBase,
  SiteInputError,
  REPORT_ROOT,
} from './build-site.js';
export type { BuildSiteOptions } from './build-site.js';
export { serveSite } from './serve.js';
export type { ServeOptions } from './serve.js';
