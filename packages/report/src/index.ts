// Public API of @ansatz/report: data shaping (pure, testable) and the site build/preview.
export { loadResultsDirs } from './data/load.js';
export type { LoadedResults, LoadIssue } from './data/load.js';
export { toRecord } from './data/parse.js';
export type { RunRecord, HistoryPoint, FinalMetrics, RunStatus } from './data/record.js';
export { computeVerdicts, allPass } from './data/verdicts/index.js';
export { THRESHOLDS } from './data/verdicts/thresholds.js';
export type { Verdict, VerdictKey, VerdictState, VerdictTable } from './data/verdicts/types.js';
export { verdictsForDirs } from './data/verdicts-for-dirs.js';
export { verdictsText } from './data/verdicts-text.js';
export type { VerdictsReport } from './data/verdicts-for-dirs.js';
export { FLAG_MEANING, describeExclusions } from './data/quality.js';
export type { Exclusions } from './data/quality.js';
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
export { reportCommands } from './commands/index.js';
export { VERDICTS_EXIT } from './commands/verdicts.js';
