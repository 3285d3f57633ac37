// Public API of @ansatz/results: the run record (schema, version, dedupe rule), reading and
// writing results directories, the spec snapshot and experiment membership (DESIGN.md §3).
export { RECORD_VERSION } from './version.js';
export { RUN_STATUSES, QUALITY_FLAGS, recordEnvelopeSchema, runRecordSchema } from './record.js';
export type {
  RunStatus,
  QualityFlag,
  RecordEnvelope,
  HistoryPointRecord,
  FinalRecord,
} from './record.js';
export { runRecordJsonSchema, runRecordJsonSchemaText } from './json-schema.js';
export { STATUS_RANK, isDone, betterRecord, type RecordRank } from './dedupe.js';
export { readLines } from './line-reader.js';
export type { Line } from './line-reader.js';
export { listResultFiles, scanResults, readResults, describeIssues } from './read-results.js';
export type { StoredRecord, Source, ReadIssue, ReadOptions, ResultsRead } from './read-results.js';
export { JsonlWriter, writerFileName } from './writer.js';
export { ResultsWriteError } from './write-failure.js';
export type { TornTail } from './write-failure.js';
export {
  SNAPSHOT_JSON,
  SNAPSHOT_YAML,
  SnapshotError,
  writeSnapshot,
  readSnapshot,
} from './snapshot.js';
export type { SpecSnapshot } from './snapshot.js';
export { membershipOfCells, membershipOfSnapshot, experimentIds } from './membership.js';
export type { ExperimentIds } from './membership.js';
