import { join } from 'node:path';
import { ERROR_CODES, errorCodeOf, type BackendName } from '@ansatz/core';
import { EXIT, UserError } from '../errors.js';
import { describeIssues, isDone, JsonlWriter, writerFileName } from '@ansatz/results';
import { failedRecord, recordFromResult } from '../results/record.js';
import { RunPool, sweepWorkerFile } from '../schedule/pool.js';
import { formCohorts, type CohortSize } from '../schedule/cohorts.js';
import { Scheduler, type SchedulerEnd } from '../schedule/scheduler.js';
import { startProgress } from '../progress/progress.js';
import { summaryTable } from '../progress/summary.js';
import { newTally } from '../progress/tally.js';
import { tfjsNodeNote } from './backend-note.js';
import { printDryRun } from './dry-run.js';
import { Claims, CLAIMS_DIR, DEFAULT_LEASE_SECONDS } from './claims.js';
import { RecordSink } from './record-sink.js';
import { WriteGuard, writeSnapshotOrFail } from './write-failure.js';
import type { Plan } from './plan.js';

export interface SweepOptions {
  workers: number;
  retries: number;
  backend: BackendName;
  dryRun: boolean;
  json: boolean;
  /** Store each run's final weights in its record (`--save-weights`). */
  saveWeights?: boolean;
  /** Cells per task (`--cohort`): `auto` (default) or N; 1 trains every cell alone. */
  cohort?: CohortSize;
  /** Seconds a crashed writer's claims last (`--lease`, see claims.ts). */
  leaseSeconds?: number;
}

/**
 * Run every missing cell of this shard on a pool of worker threads, appending one record per
 * finished run to this process's own JSONL file. Returns the exit code: 0 all ran, 1 some
 * failed, 74 a record could not be written (see write-failure.ts), 130 interrupted (first
 * Ctrl-C: finish in-flight runs; second: abandon them).
 */
export async function runSweep(p: Plan, opts: SweepOptions): Promise<number> {
  const name = p.loaded.spec.name;
  for (const w of p.loaded.warnings) process.stderr.write(`warning: ${w}\n`);
  for (const b of describeIssues(p.issues)) process.stderr.write(`warning: ${b}\n`);
  if (opts.dryRun) {
    printDryRun(p, opts.json);
    return EXIT.ok;
  }
  const snapshotFailure = writeSnapshotOrFail(p.outDir, p.loaded);
  if (snapshotFailure !== undefined) {
    process.stderr.write(`${snapshotFailure}\n`);
    return EXIT.ioError;
  }
  const skipped = p.mineEntries.length - p.toRunEntries.length;
  const tally = newTally(p.toRunEntries.length, skipped);
  const shardText =
    p.shard.count > 1 ? ` shard ${p.shard.index}/${p.shard.count} (${p.shard.from})` : '';
  if (p.toRunEntries.length === 0) {
    process.stdout.write(
      `${name}${shardText}: nothing to run, all ${p.mineEntries.length} cells done in ${p.outDir}\n`,
    );
    return EXIT.ok;
  }
  const work = formCohorts(p.toRun, opts.cohort ?? 'auto', opts.workers);
  const workers = Math.min(opts.workers, work.length);
  process.stderr.write(
    `${name}${shardText}: ${p.toRun.length} to run, ${skipped} done, ${workers} worker${workers > 1 ? 's' : ''} → ${p.outDir}\n`,
  );
  const writer = new JsonlWriter(p.outDir, writerFileName(p.shard));
  const claims = new Claims(
    join(p.outDir, CLAIMS_DIR),
    opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    p.readAt,
  );
  claims.open();
  const pool = new RunPool(workers, sweepWorkerFile());
  const progress = startProgress(name, tally);
  const guard = new WriteGuard(() => scheduler.abort());
  // A write error stops the sweep (guard); a bug in writing is rethrown after wind-down.
  let bug: unknown;
  const sink = new RecordSink(writer, (error) => {
    bug ??= guard.lost(error);
    if (bug !== undefined) scheduler.abort();
  });
  /** Queue a finished cell's record; the cell is done (claim, tally) once it is on disk. */
  const commit = (cell: { id: string }, record: object, status: 'ok' | 'diverged' | 'failed') =>
    sink.add(record, (written) => {
      if (!written) {
        guard.unwritten++;
        claims.release(cell.id);
        return;
      }
      // A failed run is retried by the next sweep: only ok and diverged cells stay claimed.
      if (isDone(status)) claims.done(cell.id);
      else claims.release(cell.id);
      tally[status]++;
      progress.update();
    });
  /** Backends the reference engine ran on (for the one line about tfjs-node). */
  const referenceBackends = new Set<string>();
  const scheduler = new Scheduler(work, {
    workers,
    retries: opts.retries,
    backend: opts.backend,
    keepWeights: opts.saveWeights === true,
    claim: (cell) => claims.tryClaim(cell.id),
    run: (task, signal) => pool.run(task, signal),
    runCohort: (task, signal) => pool.runCohort(task, signal),
    onCohortFallback: (cells, error) =>
      progress.log(`cohort of ${cells.length} failed (${error}); running its cells one by one`),
    isFatal: (err) => errorCodeOf(err) === ERROR_CODES.backendUnavailable,
    onRetry: (cell, error, attempt) => {
      tally.retries++;
      progress.log(`retrying ${cell.id} (attempt ${attempt + 1}): ${error}`);
    },
    onDone: (cell, outcome) => {
      if (outcome.kind === 'result') {
        const record = recordFromResult(name, cell, outcome.result, outcome.attempts);
        if (outcome.result.engine === 'reference') referenceBackends.add(outcome.result.backend);
        commit(cell, record, outcome.result.status);
      } else {
        const record = failedRecord(
          name,
          cell,
          outcome.error,
          outcome.attempts,
          outcome.seconds,
          opts.backend,
        );
        commit(cell, record, 'failed');
        progress.log(`failed ${cell.id} after ${outcome.attempts} attempt(s): ${outcome.error}`);
      }
    },
  });

  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      progress.log(
        `${signal}: no new runs; waiting for ${scheduler.inFlight} in flight (Ctrl-C again to abort them)`,
      );
      scheduler.stop();
    } else {
      progress.log(`${signal}: aborting ${scheduler.inFlight} in-flight run(s)`);
      scheduler.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let end: SchedulerEnd;
  try {
    end = await scheduler.run();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
    try {
      await sink.close(); // the last batch is on disk (or lost to the write error) before claims go
      claims.close();
    } finally {
      await pool.destroy();
    }
  }
  if (bug !== undefined) throw bug;
  if (scheduler.fatalError !== undefined) {
    throw new UserError(
      `--backend ${opts.backend}: ${scheduler.fatalError}; use one that loads here (auto picks the fastest)`,
    );
  }
  if (guard.failure !== undefined) process.stderr.write(`${guard.message()}\n`);
  if (claims.off !== undefined && guard.failure === undefined) {
    process.stderr.write(`warning: cells ran without claims (cannot write ${claims.off})\n`);
  }
  if (claims.elsewhere > 0) {
    process.stderr.write(
      `${claims.elsewhere} cell(s) left to other writers of ${p.outDir} (claimed there)\n`,
    );
    tally.total -= claims.elsewhere;
    tally.skipped += claims.elsewhere;
  }
  const endText = guard.failure === undefined ? end : `stopped: ${guard.failure.code}`;
  process.stdout.write(`${summaryTable(name, tally, endText)}\n`);
  const note = tfjsNodeNote(opts.backend, referenceBackends);
  if (note !== undefined) process.stderr.write(`${note}\n`);
  if (tally.ok + tally.diverged + tally.failed > 0)
    process.stdout.write(`results: ${writer.path}\n`);
  if (guard.failure !== undefined) return EXIT.ioError;
  if (end !== 'completed') return EXIT.interrupted;
  return tally.failed > 0 ? EXIT.someFailed : EXIT.ok;
}
